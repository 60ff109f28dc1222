import { cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient } from '@clickhouse/client';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../server/src/clickhouse/migrations/migration-runner';
import { clickhouseUrl, MIGRATIONS_DIR, queryRows } from '../support/clickhouse';

/*
 * 20261121120000_drop_correlations.sql drops `correlations`. ClickHouse refuses to drop a MergeTree
 * table larger than max_table_size_to_drop (50 GB by default), and on a busy install `correlations`
 * (one uniqExact state per message, 90 days) is larger: a plain DROP would fail at every start-up and
 * Syncline would not start. Here the limit is lowered to 1 byte for the upgrading client, standing in
 * for a table above the 50 GB default.
 */
describe('upgrading an install whose correlations table is larger than max_table_size_to_drop', () => {
  const database = `upgrade_drop_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-upgrade-mig-'));
  afterAll(async () => {
    const c = createClient({ url: clickhouseUrl(), database: 'default' });
    await c.command({ query: `DROP DATABASE IF EXISTS \`${database}\` SYNC` });
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still applies the migration (the drop must not be subject to the size guard)', async () => {
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    unlinkSync(path.join(dir, '20261121120000_drop_correlations.sql'));
    const admin = createClient({ url: clickhouseUrl(), database: 'default' });
    await runMigrations({ adminClient: admin, database, dir });
    await admin.close();

    // An install that has been ingesting: the view filled correlations.
    const db = createClient({ url: clickhouseUrl(), database });
    const t = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
    await db.command({
      query: `INSERT INTO hops (hop_id, correlation_id, flow, stage, start_time, end_time, status) VALUES ('h1', 'c1', 'f', 'device', '${t}', '${t}', 'ok')`,
    });
    const before = await queryRows<{ n: string }>(db, 'SELECT count() AS n FROM correlations');
    expect(Number(before[0].n)).toBe(1);
    await db.close();

    const upgrading = createClient({
      url: clickhouseUrl(),
      database: 'default',
      clickhouse_settings: { max_table_size_to_drop: '1' },
    });
    try {
      await expect(runMigrations({ adminClient: upgrading, database, dir: MIGRATIONS_DIR })).resolves.toMatchObject({
        applied: ['20261121120000_drop_correlations.sql'],
      });
    } finally {
      await upgrading.close();
    }
  });
});
