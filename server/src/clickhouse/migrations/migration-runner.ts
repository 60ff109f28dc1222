import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { splitStatements, toReplicatedEngines } from './sql-statements';

export const MIGRATIONS_TABLE = 'syncline_migrations';
const FILE_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
  checksum: string;
  sql: string;
}

export interface MigrationOptions {
  /** A client connected to the server with any existing database (e.g. `default`). */
  adminClient: ClickHouseClient;
  database: string;
  dir: string;
  /** Cluster name from remote_servers: database becomes Replicated, tables Replicated*. */
  cluster?: string;
  /**
   * With `cluster`: a client per shard. A Replicated database carries DDL to every node, but an INSERT
   * (the seed rows of settings tables) reaches only the replicas of one shard, so those run on each.
   */
  seedClients?: ClickHouseClient[];
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const file of names) {
    const m = FILE_NAME.exec(file);
    if (!m) {
      throw new MigrationError(`Migration file name "${file}" must look like YYYYMMDDHHMMSS_lower_snake_name.sql`);
    }
    const sql = await readFile(path.join(dir, file), 'utf8');
    files.push({ version: m[1], name: m[2], file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.version)) throw new MigrationError(`Two migration files share the version ${f.version}`);
    seen.add(f.version);
  }
  return files;
}

/**
 * Applies pending migrations in version order and records each with its checksum.
 * Refuses to run (throws MigrationError) when an applied file was changed or removed.
 * Statements must be idempotent (IF NOT EXISTS): if a file fails half-way, fixing and
 * re-running it re-executes the statements that already succeeded.
 */
export async function runMigrations(opts: MigrationOptions): Promise<{ applied: string[]; total: number }> {
  const { adminClient: client, database, cluster } = opts;
  const log = opts.log ?? (() => undefined);
  const files = await readMigrations(opts.dir);
  const onCluster = cluster ? ` ON CLUSTER \`${cluster}\`` : '';
  const dbEngine = cluster ? ` ENGINE = Replicated('/clickhouse/databases/${database}', '{shard}', '{replica}')` : '';
  // Identifiers here come from validated configuration (letters, digits, underscore), never from requests.
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS \`${database}\`${onCluster}${dbEngine}` });
  const tableDdl = `CREATE TABLE IF NOT EXISTS \`${database}\`.${MIGRATIONS_TABLE}
    (version String, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
    ENGINE = MergeTree ORDER BY version`;
  await client.command({ query: cluster ? toReplicatedEngines(tableDdl) : tableDdl });

  const rs = await client.query({
    query: 'SELECT version, name, checksum FROM {db:Identifier}.{table:Identifier} ORDER BY version',
    query_params: { db: database, table: MIGRATIONS_TABLE },
    format: 'JSONEachRow',
  });
  const applied = await rs.json<{ version: string; name: string; checksum: string }>();
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const row of applied) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.version}_${row.name}.sql was applied to database "${database}" but is missing from ${opts.dir}. Restore it; applied migrations are never removed.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${file.file} was changed after it was applied to database "${database}" (checksum ${row.checksum.slice(0, 12)} applied, ${file.checksum.slice(0, 12)} on disk). Restore the file and add a new migration for the change.`,
      );
    }
  }

  const done = new Set(applied.map((r) => r.version));
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (done.has(file.version)) continue;
    for (const raw of splitStatements(file.sql)) {
      const statement = cluster ? toReplicatedEngines(raw) : raw;
      const targets = cluster && opts.seedClients && /^INSERT\b/i.test(statement) ? opts.seedClients : [client];
      try {
        for (const target of targets) await target.command({ query: statement, clickhouse_settings: { database } });
      } catch (err) {
        throw new MigrationError(`Migration ${file.file} failed: ${(err as Error).message}`);
      }
    }
    // On a cluster the record, like the seed rows, goes to every shard: any node can be the entry next time.
    for (const target of cluster && opts.seedClients ? opts.seedClients : [client])
      await target.insert({
        table: `${database}.${MIGRATIONS_TABLE}`,
        values: [{ version: file.version, name: file.name, checksum: file.checksum }],
        format: 'JSONEachRow',
      });
    newlyApplied.push(file.file);
    log('applied migration', { file: file.file, database });
  }
  return { applied: newlyApplied, total: files.length };
}
