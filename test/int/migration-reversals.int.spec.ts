import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../support/clickhouse';
import { installBefore, type OlderInstall } from '../support/upgrade';

/*
 * 20261213090000_create_reversals.sql: reconciliation reads the ERP's reversals from `reversals`
 * instead of scanning `erp_postings`. An install upgrading keeps the reversals it stored before, and
 * the view adds every one stored after; postings that reverse nothing stay out.
 */
describe('upgrading to the reversals table', () => {
  let install: OlderInstall;
  beforeAll(async () => {
    install = await installBefore('20261213090000_create_reversals.sql', 'upgrade_reversals');
  });
  afterAll(async () => {
    await install?.drop();
  });

  it('keeps the reversals stored before the upgrade, adds those stored after, and nothing else', async () => {
    const at = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
    const insert = (rows: [string, string, string][]) =>
      install.db.insert({
        table: 'erp_postings',
        values: rows.map(([document_id, device_event_id, reverses_document_id]) => ({
          document_id,
          posted_at: at,
          plant: 'P1',
          posting_type: 'production_confirmation',
          quantity: 1,
          device_event_id,
          reverses_document_id,
        })),
        format: 'JSONEachRow',
        clickhouse_settings: { date_time_input_format: 'best_effort' },
      });
    // Before the upgrade: a posting, its reversal, and the reversal of that reversal.
    await insert([
      ['D-1', 'E-1', ''],
      ['R-1', '', 'D-1'],
      ['RR-1', '', 'R-1'],
    ]);

    expect((await install.upgrade()).applied).toEqual(install.missing);
    expect(install.missing[0]).toBe('20261213090000_create_reversals.sql');
    // After: another posting and its reversal.
    await insert([
      ['D-2', 'E-2', ''],
      ['R-2', '', 'D-2'],
    ]);
    const rows = await queryRows<{ document_id: string; reverses_document_id: string; plant: string }>(
      install.db,
      'SELECT document_id, reverses_document_id, plant FROM reversals ORDER BY document_id',
    );
    expect(rows).toEqual([
      { document_id: 'R-1', reverses_document_id: 'D-1', plant: 'P1' },
      { document_id: 'R-2', reverses_document_id: 'D-2', plant: 'P1' },
      { document_id: 'RR-1', reverses_document_id: 'R-1', plant: 'P1' },
    ]);
  });
});
