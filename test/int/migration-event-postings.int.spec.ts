import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../support/clickhouse';
import { installBefore, type OlderInstall } from '../support/upgrade';

/*
 * 20261215090000_create_event_postings.sql: a long reconciliation pass takes an event with a single
 * posting from `event_postings` instead of aggregating its postings. An install upgrading counts the
 * postings it stored before, and the view counts every posting stored after, reversals included: an
 * event's row holds its single posting, or says it has more (and the pass then aggregates them).
 */
describe('upgrading to the per-event posting counts', () => {
  let install: OlderInstall;
  beforeAll(async () => {
    install = await installBefore('20261215090000_create_event_postings.sql', 'upgrade_counts');
  });
  afterAll(async () => {
    await install?.drop();
  });

  it('counts the postings stored before the upgrade and after it, per device event, and keeps a single one whole', async () => {
    const t = Date.now() - 3_600_000;
    const at = (minutes: number) => new Date(t + minutes * 60_000).toISOString().replace('T', ' ').replace('Z', '');
    const insert = (rows: [document: string, event: string, minutes: number, reverses?: string][]) =>
      install.db.insert({
        table: 'erp_postings',
        values: rows.map(([document_id, device_event_id, minutes, reverses = '']) => ({
          document_id,
          posted_at: at(minutes),
          plant: 'P1',
          posting_type: 'production_confirmation',
          quantity: 10,
          unit: 'EA',
          device_event_id,
          reverses_document_id: reverses,
        })),
        format: 'JSONEachRow',
      });
    // Before: E-1 and E-5 booked once, E-2 twice and one of them reversed, and a posting of no event.
    await insert([
      ['D-1', 'E-1', 1],
      ['D-2', 'E-2', 2],
      ['D-3', 'E-2', 3],
      ['R-3', 'E-2', 4, 'D-3'],
      ['D-4', '', 5],
      ['D-8', 'E-5', 6],
    ]);

    const result = await install.upgrade();
    expect(result.applied).toEqual(install.missing);
    // After: E-1 booked again, E-4 booked once, E-3's document sent twice.
    await insert([['D-6', 'E-1', 7]]);
    await insert([
      ['D-7', 'E-4', 8],
      ['D-9', 'E-3', 9],
    ]);
    await insert([['D-9', 'E-3', 9]]);

    const rows = await queryRows<{ event: string; n: number; document: string; quantity: number; reversal: number }>(
      install.db,
      `SELECT device_event_id AS event, toUInt32(n) AS n, if(n = 1, document_id, '') AS document, if(n = 1, quantity, 0) AS quantity, reversal
       FROM event_postings FINAL ORDER BY event
       SETTINGS do_not_merge_across_partitions_select_final = 0`,
    );
    expect(rows).toEqual([
      { event: 'E-1', n: 2, document: '', quantity: 0, reversal: 0 },
      { event: 'E-2', n: 3, document: '', quantity: 0, reversal: 1 },
      { event: 'E-3', n: 2, document: '', quantity: 0, reversal: 0 },
      { event: 'E-4', n: 1, document: 'D-7', quantity: 10, reversal: 0 },
      { event: 'E-5', n: 1, document: 'D-8', quantity: 10, reversal: 0 },
    ]);
  });
});
