import type { ClickHouseClient } from '@clickhouse/client';
import { quoteIdentifier } from '../clickhouse.service';
import { MIGRATIONS_TABLE, MigrationError, runMigrations } from '../migrations/migration-runner';
import { distributedEngine, localDatabase } from './placement';

type Log = (message: string, fields?: Record<string, unknown>) => void;

export interface ClusterSchemaOptions {
  /** The node Syncline sends its queries to (database `default`). */
  entry: ClickHouseClient;
  /** One client per shard, in the cluster's shard order (database `default`); `shardUrls` names them. */
  shards: ClickHouseClient[];
  shardUrls: string[];
  database: string;
  cluster: string;
  /** Keeper: `ON CLUSTER` DDL and Replicated engines, applied once through the entry node. */
  replicated: boolean;
  dir: string;
  log?: Log;
}

async function rows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

/**
 * The schema on a cluster (ADR 0011): the migrations create each node's own tables in `<db>_local`, as
 * they would on one server; `<db>` then holds a Distributed table of the same name and columns in front
 * of each, which is all Syncline's queries see. Without Keeper the migrations are applied to each shard
 * in turn and recorded on each; the shards must end up agreeing, or Syncline refuses to start.
 */
export async function migrateCluster(opts: ClusterSchemaOptions): Promise<{ applied: string[]; total: number }> {
  const log = opts.log ?? (() => undefined);
  const local = localDatabase(opts.database);
  await assertClusterShape(opts);
  let result: { applied: string[]; total: number };
  if (opts.replicated) {
    result = await runMigrations({
      adminClient: opts.entry,
      database: local,
      dir: opts.dir,
      cluster: opts.cluster,
      seedClients: opts.shards,
      log,
    });
    await opts.entry.command({
      query: `CREATE DATABASE IF NOT EXISTS \`${opts.database}\` ON CLUSTER \`${opts.cluster}\` ENGINE = Replicated('/clickhouse/databases/${opts.database}', '{shard}', '{replica}')`,
    });
    await ensureDistributedTables(opts.entry, opts.database, local, opts.cluster, log);
  } else {
    const applied = new Set<string>();
    let total = 0;
    for (const [n, shard] of opts.shards.entries()) {
      const r = await runMigrations({
        adminClient: shard,
        database: local,
        dir: opts.dir,
        log: (msg, fields) => log(msg, { ...fields, shard: n + 1 }),
      }).catch((err: unknown) => {
        throw new MigrationError(`On shard ${n + 1} (${opts.shardUrls[n]}): ${(err as Error).message}`);
      });
      r.applied.forEach((f) => applied.add(f));
      total = r.total;
    }
    await assertShardsAgree(opts, local);
    for (const shard of opts.shards) {
      await shard.command({ query: `CREATE DATABASE IF NOT EXISTS \`${opts.database}\`` });
      await ensureDistributedTables(shard, opts.database, local, opts.cluster, log);
    }
    result = { applied: [...applied], total };
  }
  return result;
}

/** The cluster in `<remote_servers>` must have as many shards as CLICKHOUSE_SHARD_URLS lists. */
async function assertClusterShape(opts: ClusterSchemaOptions): Promise<void> {
  const found = await rows<{ shards: number; all_shards: number; all_replicas: number }>(
    opts.entry,
    `SELECT uniqExactIf(shard_num, cluster = {c:String}) AS shards, uniqExactIf(shard_num, cluster = {all:String}) AS all_shards,
            countIf(cluster = {all:String}) AS all_replicas
     FROM system.clusters`,
    { c: opts.cluster, all: `${opts.cluster}_all` },
  );
  const { shards, all_shards: allShards, all_replicas: allReplicas } = found[0];
  if (Number(shards) !== opts.shards.length)
    throw new MigrationError(
      Number(shards) === 0
        ? `The ClickHouse server at the entry node has no cluster "${opts.cluster}" in <remote_servers> (CLICKHOUSE_CLUSTER).`
        : `Cluster "${opts.cluster}" has ${shards} shard(s) in <remote_servers>, but CLICKHOUSE_SHARD_URLS lists ${opts.shards.length}.`,
    );
  if (Number(allShards) !== 1 || Number(allReplicas) < opts.shards.length)
    throw new MigrationError(
      `Cluster "${opts.cluster}_all" must be in <remote_servers> with one shard whose replicas are every node of "${opts.cluster}" ` +
        `(internal_replication false): the settings tables are written to all of them. Found ${allShards} shard(s), ${allReplicas} replica(s).`,
    );
}

/** Every shard has applied the same migrations with the same checksums. */
async function assertShardsAgree(opts: ClusterSchemaOptions, local: string): Promise<void> {
  const lists = await Promise.all(
    opts.shards.map((s) =>
      rows<{ version: string; checksum: string }>(
        s,
        'SELECT version, checksum FROM {db:Identifier}.{t:Identifier} ORDER BY version',
        { db: local, t: MIGRATIONS_TABLE },
      ),
    ),
  );
  const text = lists.map((l) => l.map((r) => `${r.version}:${r.checksum}`));
  for (let n = 1; n < text.length; n++) {
    const missing = text[0].filter((v) => !text[n].includes(v)).map((v) => v.split(':')[0]);
    const extra = text[n].filter((v) => !text[0].includes(v)).map((v) => v.split(':')[0]);
    if (missing.length || extra.length)
      throw new MigrationError(
        `The shards' schemas disagree: shard ${n + 1} (${opts.shardUrls[n]}) ` +
          [
            missing.length ? `lacks migration(s) ${missing.join(', ')} that shard 1 (${opts.shardUrls[0]}) has` : '',
            extra.length ? `has migration(s) ${extra.join(', ')} that shard 1 lacks or applied differently` : '',
          ]
            .filter(Boolean)
            .join(' and ') +
          '. Syncline does not start on shards that disagree; see docs/operations.md, "Running on a cluster".',
      );
  }
}

/**
 * A Distributed table in `front` for each MergeTree table in `local`, with the same columns; re-created
 * when a migration changed the local table's columns. Distributed tables hold no data of their own
 * (inserts are synchronous), so re-creating one loses nothing.
 */
export async function ensureDistributedTables(
  client: ClickHouseClient,
  front: string,
  local: string,
  cluster: string,
  log: Log,
): Promise<void> {
  const columnsOf = async (db: string) =>
    new Map(
      (
        await rows<{ table: string; columns: string }>(
          client,
          `SELECT table, arrayStringConcat(groupArray(concat(name, ' ', type, ' ', default_kind)), ', ') AS columns
           FROM (SELECT table, name, type, default_kind FROM system.columns WHERE database = {db:String} ORDER BY table, position)
           GROUP BY table`,
          { db },
        )
      ).map((r) => [r.table, r.columns]),
    );
  const tables = await rows<{ name: string }>(
    client,
    `SELECT name FROM system.tables WHERE database = {db:String} AND engine LIKE '%MergeTree' AND name != {m:String} ORDER BY name`,
    { db: local, m: MIGRATIONS_TABLE },
  );
  const [localColumns, frontColumns] = [await columnsOf(local), await columnsOf(front)];
  // Databases are validated configuration (CLICKHOUSE_DATABASE); table names, read from system.tables,
  // must be plain identifiers (quoteIdentifier refuses anything else).
  for (const { name } of tables) {
    if (frontColumns.get(name) === localColumns.get(name)) continue;
    let engine: string;
    try {
      engine = distributedEngine(name, cluster, local);
    } catch (err) {
      throw new MigrationError((err as Error).message);
    }
    if (frontColumns.has(name)) await client.command({ query: `DROP TABLE \`${front}\`.${quoteIdentifier(name)} SYNC` });
    await client.command({
      query: `CREATE TABLE \`${front}\`.${quoteIdentifier(name)} AS \`${local}\`.${quoteIdentifier(name)} ENGINE = ${engine}`,
    });
    log('distributed table ready', { table: `${front}.${name}`, engine });
  }
  for (const name of frontColumns.keys())
    if (!localColumns.has(name))
      await client.command({ query: `DROP TABLE IF EXISTS \`${front}\`.${quoteIdentifier(name)} SYNC` });
}
