import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseService } from '../../server/src/clickhouse/clickhouse.service';
import { loadConfig } from '../../server/src/config/config';
import { clickhouseEnv, createTestDatabase, queryRows, type TestDatabase } from '../support/clickhouse';

/**
 * What an operator finds of Syncline's queries in ClickHouse itself (system.processes, and
 * system.query_log on a server that keeps one): each read under its name.
 */
describe('ClickHouse service', () => {
  let db: TestDatabase;
  let service: ClickHouseService;

  beforeAll(async () => {
    db = await createTestDatabase('chs');
    service = new ClickHouseService(loadConfig({ ...clickhouseEnv(), CLICKHOUSE_DATABASE: db.database }, process.cwd()));
  });
  afterAll(async () => {
    await service?.onApplicationShutdown();
    await db?.drop();
  });

  /** The ids of the queries running now whose id starts with `name-`. */
  async function runningIds(name: string): Promise<string[]> {
    const rows = await queryRows<{ query_id: string }>(
      db.client,
      'SELECT query_id FROM system.processes WHERE startsWith(query_id, {prefix:String})',
      { prefix: `${name}-` },
    );
    return rows.map((r) => r.query_id);
  }

  it('names a read in ClickHouse: a running query\u2019s id is its name and a unique suffix', async () => {
    const reads = [1, 2].map(() => service.query<{ s: number }>({ name: 'probe.slow_read', sql: 'SELECT sleep(1) AS s' }));
    let ids: string[] = [];
    for (let i = 0; i < 40 && ids.length < 2; i++) {
      ids = await runningIds('probe.slow_read');
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await Promise.all(reads)).toEqual([[{ s: 0 }], [{ s: 0 }]]);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^probe\.slow_read-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(2);
    expect(await runningIds('probe.slow_read')).toEqual([]);
  });
});
