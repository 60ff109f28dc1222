import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../support/clickhouse';
import { installBefore, type OlderInstall } from '../support/upgrade';

/*
 * 20261121120000_drop_correlations.sql drops `correlations`. ClickHouse refuses to drop a MergeTree
 * table larger than max_table_size_to_drop (50 GB by default), and on a busy install `correlations`
 * (one uniqExact state per message, 90 days) is larger: a plain DROP would fail at every start-up and
 * Syncline would not start. Here the limit is lowered to 1 byte for the upgrading client, standing in
 * for a table above the 50 GB default.
 */
describe('upgrading an install whose correlations table is larger than max_table_size_to_drop', () => {
  let install: OlderInstall;
  beforeAll(async () => {
    install = await installBefore('20261121120000_drop_correlations.sql', 'upgrade_drop');
  });
  afterAll(async () => {
    await install?.drop();
  });

  it('still applies the migration (the drop must not be subject to the size guard)', async () => {
    // An install that has been ingesting: the view filled correlations.
    const t = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
    await install.db.command({
      query: `INSERT INTO hops (hop_id, correlation_id, flow, stage, start_time, end_time, status) VALUES ('h1', 'c1', 'f', 'device', '${t}', '${t}', 'ok')`,
    });
    const before = await queryRows<{ n: string }>(install.db, 'SELECT count() AS n FROM correlations');
    expect(Number(before[0].n)).toBe(1);

    const result = await install.upgrade({ max_table_size_to_drop: '1' });
    expect(result.applied).toEqual(install.missing);
    expect(install.missing[0]).toBe('20261121120000_drop_correlations.sql');
    const tables = await queryRows<{ name: string }>(
      install.db,
      "SELECT name FROM system.tables WHERE database = currentDatabase() AND name = 'correlations'",
    );
    expect(tables).toEqual([]);
  });
});
