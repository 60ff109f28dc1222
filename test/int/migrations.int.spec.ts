import { cpSync, mkdtempSync, readdirSync, rmSync, appendFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, runMigrations } from '../../server/src/clickhouse/migrations/migration-runner';
import { clickhouseUrl, createTestDatabase, MIGRATIONS_DIR, queryRows, type TestDatabase } from '../support/clickhouse';
import { DAY } from '../support/time';

describe('schema migrations on the real engine', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  async function freshDb(): Promise<TestDatabase> {
    const db = await createTestDatabase('mig');
    cleanups.push(() => db.drop());
    return db;
  }
  function copyOfMigrations(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'syncline-mig-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }
  async function migrateAgain(db: TestDatabase, dir: string) {
    const admin = createClient({ url: clickhouseUrl(), database: 'default' });
    try {
      return await runMigrations({ adminClient: admin, database: db.database, dir });
    } finally {
      await admin.close();
    }
  }

  it('creates the hop, device event, posting and correlation tables and records each file with a checksum', async () => {
    const db = await freshDb();
    const tables = await queryRows<{ name: string; engine: string; partition_key: string; sorting_key: string }>(
      db.client,
      'SELECT name, engine, partition_key, sorting_key FROM system.tables WHERE database = {db:String} ORDER BY name',
      { db: db.database },
    );
    const byName = Object.fromEntries(tables.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['hops', 'device_events', 'erp_postings', 'syncline_migrations']));
    // Created by an early migration, dropped by 20261121120000 (ADR 0005).
    expect(byName.correlations).toBeUndefined();
    expect(byName.correlations_mv).toBeUndefined();
    expect(byName.hops.engine).toBe('ReplacingMergeTree');
    expect(byName.hops.partition_key).toBe('toDate(start_time)');
    // Lookups by business key and order go through trace_index; only the trace's read by correlation id
    // needs a skip index on hops (20261209090000 dropped the two nothing read, which cost every insert).
    const hopIndexes = await queryRows<{ name: string }>(
      db.client,
      "SELECT name FROM system.data_skipping_indices WHERE database = {db:String} AND table = 'hops' ORDER BY name",
      { db: db.database },
    );
    expect(hopIndexes.map((i) => i.name)).toEqual(['idx_correlation_id']);

    const applied = await queryRows<{ version: string; checksum: string }>(
      db.client,
      'SELECT version, checksum FROM syncline_migrations ORDER BY version',
    );
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
    expect(applied.map((a) => a.version)).toEqual(files.sort().map((f) => f.slice(0, 14)));
    expect(applied.every((a) => /^[0-9a-f]{64}$/.test(a.checksum))).toBe(true);
  });

  it('applies nothing the second time', async () => {
    const db = await freshDb();
    const result = await migrateAgain(db, MIGRATIONS_DIR);
    expect(result.applied).toEqual([]);
  });

  it('refuses to run when an applied migration file was changed, naming the file', async () => {
    const db = await freshDb();
    const dir = copyOfMigrations();
    const file = readdirSync(dir).find((f) => f.includes('create_hops'))!;
    appendFileSync(path.join(dir, file), '\n-- edited after it was applied\n');
    await expect(migrateAgain(db, dir)).rejects.toThrow(MigrationError);
    await expect(migrateAgain(db, dir)).rejects.toThrow(new RegExp(`${file} was changed after it was applied`));
  });

  it('refuses to run when an applied migration file was removed', async () => {
    const db = await freshDb();
    const dir = copyOfMigrations();
    const file = readdirSync(dir).find((f) => f.includes('create_erp_postings'))!;
    unlinkSync(path.join(dir, file));
    await expect(migrateAgain(db, dir)).rejects.toThrow(/is missing from/);
  });

  it("finds one message's hops by correlation id, counting a re-ingested hop once", async () => {
    const db = await freshDb();
    const hop = (id: string, stage: string, start: string, status = 'ok') => ({
      hop_id: id,
      correlation_id: 'corr-1',
      flow: 'production_confirmation',
      stage,
      plant: 'P1',
      start_time: start,
      end_time: start,
      status,
      business_key: 'evt-1',
    });
    const batch = [hop('h1', 'device', `${DAY} 08:00:00.000`), hop('h2', 'gateway', `${DAY} 08:00:01.000`, 'error')];
    await db.client.insert({ table: 'hops', values: batch, format: 'JSONEachRow' });
    await db.client.insert({ table: 'hops', values: batch, format: 'JSONEachRow' });
    const [row] = await queryRows<{ hops: number; first: string; last: string; errors: number }>(
      db.client,
      `SELECT count() AS hops, min(start_time) AS first, max(end_time) AS last, countIf(status = 'error') AS errors
       FROM hops FINAL WHERE correlation_id = {id:String}`,
      { id: 'corr-1' },
    );
    expect(row).toEqual({ hops: 2, first: `${DAY} 08:00:00.000000`, last: `${DAY} 08:00:01.000000`, errors: 1 });
  });
});
