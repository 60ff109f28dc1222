import { cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient } from '@clickhouse/client';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../server/src/clickhouse/migrations/migration-runner';
import { clickhouseUrl, MIGRATIONS_DIR, queryRows } from '../support/clickhouse';

/*
 * 20261213090000_create_reversals.sql: reconciliation reads the ERP's reversals from `reversals`
 * instead of scanning `erp_postings`. An install upgrading keeps the reversals it stored before, and
 * the view adds every one stored after; postings that reverse nothing stay out.
 */
describe('upgrading to the reversals table', () => {
  const database = `upgrade_reversals_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-upgrade-rev-'));
  afterAll(async () => {
    const c = createClient({ url: clickhouseUrl(), database: 'default' });
    await c.command({ query: `DROP DATABASE IF EXISTS \`${database}\` SYNC` });
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the reversals stored before the upgrade, adds those stored after, and nothing else', async () => {
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    unlinkSync(path.join(dir, '20261213090000_create_reversals.sql'));
    const admin = createClient({ url: clickhouseUrl(), database: 'default' });
    try {
      await runMigrations({ adminClient: admin, database, dir });
      const db = createClient({ url: clickhouseUrl(), database });
      const at = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
      const insert = (rows: [string, string, string][]) =>
        db.insert({
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

      await expect(runMigrations({ adminClient: admin, database, dir: MIGRATIONS_DIR })).resolves.toMatchObject({
        applied: ['20261213090000_create_reversals.sql'],
      });
      // After: another posting and its reversal.
      await insert([
        ['D-2', 'E-2', ''],
        ['R-2', '', 'D-2'],
      ]);
      const rows = await queryRows<{ document_id: string; reverses_document_id: string; plant: string }>(
        db,
        'SELECT document_id, reverses_document_id, plant FROM reversals ORDER BY document_id',
      );
      expect(rows).toEqual([
        { document_id: 'R-1', reverses_document_id: 'D-1', plant: 'P1' },
        { document_id: 'R-2', reverses_document_id: 'D-2', plant: 'P1' },
        { document_id: 'RR-1', reverses_document_id: 'R-1', plant: 'P1' },
      ]);
      await db.close();
    } finally {
      await admin.close();
    }
  });
});
