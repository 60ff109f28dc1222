import { cpSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { runMigrations } from '../../server/src/clickhouse/migrations/migration-runner';
import { clickhouseUrl, MIGRATIONS_DIR } from './clickhouse';

export interface OlderInstall {
  database: string;
  /** A client on the install's database. */
  db: ClickHouseClient;
  /** The migrations it did not have yet: `migration` and every later one, in order. */
  missing: string[];
  /** Applies today's migrations, as Syncline's next start-up would; `settings` for the upgrading client. */
  upgrade(settings?: ClickHouseSettings): Promise<{ applied: string[] }>;
  drop(): Promise<void>;
}

/**
 * A private database migrated as an install was before `migration` existed (that file and every later
 * one left out), to test what upgrading it does to the data stored before.
 */
export async function installBefore(migration: string, prefix = 'upgrade'): Promise<OlderInstall> {
  const database = `${prefix}_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-upgrade-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const missing = readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && f >= migration)
    .sort();
  if (missing[0] !== migration) throw new Error(`no migration ${migration} in ${MIGRATIONS_DIR}`);
  missing.forEach((f) => unlinkSync(path.join(dir, f)));
  const migrate = async (from: string, settings?: ClickHouseSettings) => {
    const admin = createClient({ url: clickhouseUrl(), database: 'default', clickhouse_settings: settings });
    try {
      return await runMigrations({ adminClient: admin, database, dir: from });
    } finally {
      await admin.close();
    }
  };
  await migrate(dir);
  const db = createClient({ url: clickhouseUrl(), database });
  return {
    database,
    db,
    missing,
    upgrade: (settings) => migrate(MIGRATIONS_DIR, settings),
    async drop() {
      await db.command({ query: 'DROP DATABASE IF EXISTS {db:Identifier} SYNC', query_params: { db: database } });
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
