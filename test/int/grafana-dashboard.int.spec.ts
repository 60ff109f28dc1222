import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, queryRows, type TestDatabase } from '../support/clickhouse';

const DASHBOARD = path.resolve(__dirname, '../../docs/grafana/syncline-overview.json');

interface Panel {
  title: string;
  targets: { rawSql: string }[];
}

/** Grafana's ClickHouse macros, expanded as the data source would for the last day and plant P1. */
function expand(sql: string): string {
  return sql
    .replace(/\$__timeFilter\(([\w.]+)\)/g, '$1 >= now() - INTERVAL 1 DAY AND $1 <= now()')
    .replace(/\$__timeInterval\(([\w.]+)\)/g, 'toStartOfInterval($1, INTERVAL 3600 second)')
    .replace(/\$\{plant:singlequote\}/g, "'P1'");
}

describe('the Grafana dashboard in docs/grafana', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('grafana');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('runs every panel\u2019s query and the plant variable\u2019s against the real schema', async () => {
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
      panels: Panel[];
      templating: { list: { query: string }[] };
    };
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(6);
    for (const panel of dashboard.panels)
      for (const t of panel.targets) await expect(queryRows(db.client, expand(t.rawSql)), panel.title).resolves.toBeDefined();
    for (const v of dashboard.templating.list) await expect(queryRows(db.client, v.query)).resolves.toBeDefined();
  });
});
