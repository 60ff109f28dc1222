import { randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { PLANT_SCOPE_PARAMS, type PlantScope } from '../domain/plant-scope';
import { toClickHouseError } from './clickhouse.errors';
import { localDatabase } from './cluster/placement';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * `name` as a ClickHouse identifier, for the table and column names our record specs declare (never a
 * value, never input). Only plain lower-case identifiers are allowed; anything else is a defect here.
 */
export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain identifier; refusing to put it in SQL`);
  return `\`${name}\``;
}

export type QueryParams = Record<string, unknown>;

/**
 * The query id of a statement Syncline sends: what it is for, then a uuid. Operators find Syncline's
 * queries by name in system.processes and system.query_log (docs/operations.md).
 */
export const queryId = (name: string) => `${name}-${randomUUID()}`;

/** What an insert into `table` is called in its query id (`insert.hops`). */
const insertName = (table: string) => `insert.${table}`;

/** A named query: the name shows in the logs of its failures and in ClickHouse as its query id's prefix (`queryId`). */
export interface NamedQuery {
  name: string;
  sql: string;
  params?: QueryParams;
  settings?: ClickHouseSettings;
}

/**
 * The settings of queries through a cluster's Distributed tables (ADR 0011):
 * - a subquery over another Distributed table (`IN (SELECT ...)`, a JOIN) runs on each shard against that
 *   shard's own tables: every such subquery relates records of one plant, which share a shard
 *   (placement.ts), and the settings tables are whole on every node. Computing each subquery once and
 *   sending it to every shard ('global') gives the same answers, but moves data between shards;
 * - an insert is acknowledged only once every shard it touches has stored its rows (nothing queued on
 *   the entry node that a crash could lose);
 * - a query whose plant condition names few plants reads only their shards.
 */
export const CLUSTER_QUERY_SETTINGS: ClickHouseSettings = {
  distributed_product_mode: 'local',
  distributed_foreground_insert: 1,
  optimize_skip_unused_shards: 1,
  // ClickHouse 26.7 reads ORDER BY ... LIMIT over a Distributed table's FINAL subquery lazily and then
  // cannot find its own columns ("Not found column __table1.received_at in block ... __global_row_index",
  // the dead letters' page). Reading them eagerly is what ClickHouse did before 25.x.
  query_plan_optimize_lazy_materialization: 0,
};

export function isClustered(config: AppConfig['clickhouse']): boolean {
  return Boolean(config.cluster && config.shardUrls.length > 0);
}

export function createClickHouseClient(
  config: AppConfig['clickhouse'],
  database = config.database,
  requestTimeoutMs = 60_000,
  extraSettings: ClickHouseSettings = {},
): ClickHouseClient {
  if (!config.url) throw new Error('ClickHouse URL is not set: the embedded engine must be started first');
  return createClient({
    url: config.url,
    username: config.user,
    password: config.password,
    database,
    application: 'syncline',
    // Failures surface as typed errors in our own structured logs; the client's console logger stays off.
    log: { level: ClickHouseLogLevel.OFF },
    request_timeout: requestTimeoutMs,
    max_open_connections: 32,
    clickhouse_settings: {
      date_time_input_format: 'best_effort',
      output_format_json_quote_64bit_integers: 0,
      // `any(x) AS x` or `toString(x) AS x` in a SELECT must not turn a WHERE on column x into one on the alias.
      prefer_column_name_to_alias: 1,
      // ClickHouse 26 reads every partition under FINAL unless told otherwise (a newer version of a row
      // could sit in another partition). Not here: each table read with FINAL and a time filter
      // (device_events, erp_postings, findings, dead_letters) has the partition's time in its sorting
      // key or fixed by the row's identity, so both versions share a partition. A reconciliation
      // window read 1-2 days instead of 30 (events query 0.2 s instead of 0.7-1.7 s at 10M events).
      defer_partition_pruning_after_final: 0,
      ...extraSettings,
    },
  });
}

/**
 * Inserts rows already encoded as Native blocks (native-block.ts) into `columns` of `table`; the
 * blocks go as one body, in order. Resolves once ClickHouse has stored them; failures as typed errors.
 */
export async function insertNative(
  client: ClickHouseClient,
  table: string,
  columns: readonly string[],
  blocks: readonly Buffer[],
): Promise<void> {
  if (blocks.every((b) => b.length === 0)) return;
  try {
    const { stream } = await client.exec({
      query: `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) FORMAT Native`,
      values: Readable.from(blocks),
      query_id: queryId(insertName(table)),
      // Our tables collapse duplicates at read time (FINAL, merge combinators), so sorting each insert
      // to drop duplicates within it is work for nothing: 30-40% of the engine's CPU per row here.
      clickhouse_settings: { optimize_on_insert: 0 },
    });
    stream.resume();
    await finished(stream);
  } catch (err) {
    throw toClickHouseError(err, `insert into ${table}`);
  }
}

/** Runs a writing command (`query_id` = `idPrefix`-uuid); returns the rows it wrote. */
async function runWrite(client: ClickHouseClient, q: NamedQuery, idPrefix: string): Promise<number> {
  const res = await client.command({
    query: q.sql,
    query_params: q.params,
    clickhouse_settings: q.settings,
    query_id: queryId(idPrefix),
  });
  return Number(res.summary?.written_rows ?? 0);
}

/** A read's rows (JSONEachRow). */
async function runQuery<T>(client: ClickHouseClient, q: NamedQuery): Promise<T[]> {
  const rs = await client.query({
    query: q.sql,
    query_params: q.params,
    clickhouse_settings: q.settings,
    format: 'JSONEachRow',
    query_id: queryId(q.name),
  });
  return rs.json<T>();
}

function withScope(q: NamedQuery, scope: PlantScope): NamedQuery {
  if (!q.sql.includes(PLANT_SCOPE_PARAMS[0]) || !q.sql.includes(PLANT_SCOPE_PARAMS[1])) {
    throw new Error(`query ${q.name} reads plant data without the plant scope condition`);
  }
  return { ...q, params: { ...q.params, ...scope.scopeParams() } };
}

/**
 * The one data-access layer: every query, insert and command goes through here, values always as
 * `{name:Type}` query parameters, errors always as ClickHouseUnavailableError / ClickHouseQueryError.
 */
@Injectable()
export class ClickHouseService implements OnApplicationShutdown {
  readonly client: ClickHouseClient;
  /** For long work (a reconciliation pass over months), whose queries may run past the 60 s of requests. */
  private readonly longClient: ClickHouseClient;
  /** On a cluster: each shard's own tables (`<db>_local`), for the work each shard does alone. */
  private readonly shardClients: ClickHouseClient[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const ch = config.clickhouse;
    const settings = isClustered(ch) ? CLUSTER_QUERY_SETTINGS : {};
    this.client = createClickHouseClient(ch, ch.database, 60_000, settings);
    this.longClient = createClickHouseClient(ch, ch.database, config.reconcile.queryTimeoutMs, settings);
    this.shardClients = isClustered(ch)
      ? ch.shardUrls.map((url) =>
          createClickHouseClient({ ...ch, url }, localDatabase(ch.database), config.reconcile.queryTimeoutMs),
        )
      : [];
  }

  /** How many shards the plant data is spread over (1 on one server). */
  get shards(): number {
    return Math.max(1, this.shardClients.length);
  }

  async query<T>(q: NamedQuery): Promise<T[]> {
    try {
      return await runQuery<T>(this.client, q);
    } catch (err) {
      throw toClickHouseError(err, q.name);
    }
  }

  /**
   * A query over plant data, narrowed to what the caller may see. The SQL must carry the scope
   * condition (`plant IN {scope_plants:Array(String)} OR {scope_all:Bool}`) on every table it reads;
   * this is the one place its values are bound, and a query without it is refused.
   */
  scopedQuery<T>(q: NamedQuery, scope: PlantScope): Promise<T[]> {
    return this.query<T>(withScope(q, scope));
  }

  /**
   * A scoped lookup asked of every shard's own tables at once, each answer with the shard it came from
   * (on one server: one answer, shard `null`). With `scopedQueryOn`, what a lookup found is then read
   * from the one shard holding its plant, instead of through the entry node's Distributed tables.
   */
  async scopedQueryByShard<T>(q: NamedQuery, scope: PlantScope): Promise<{ shard: number | null; rows: T[] }[]> {
    const scoped = withScope(q, scope);
    if (this.shardClients.length === 0) return [{ shard: null, rows: await this.query<T>(scoped) }];
    return this.onEveryShard(q.name, async (client, n) => ({ shard: n, rows: await runQuery<T>(client, scoped) }));
  }

  /**
   * A scoped query on one shard's own tables (`scopedQueryByShard` says which), for plant data that
   * shard holds whole: everything it reads must be sharded by plant or kept on every node. `null`:
   * through the Distributed tables (or the one server), as `scopedQuery`.
   */
  async scopedQueryOn<T>(shard: number | null, q: NamedQuery, scope: PlantScope): Promise<T[]> {
    if (shard === null) return this.scopedQuery<T>(q, scope);
    const client = this.shardClients[shard];
    if (!client) throw new Error(`query ${q.name} asked for shard ${shard + 1} of ${this.shardClients.length}`);
    const scoped = withScope(q, scope);
    return this.onShard(q.name, shard, () => runQuery<T>(client, scoped));
  }

  /**
   * A write (INSERT ... SELECT) over plant data, narrowed to the caller's plants like scopedQuery. It
   * reads and writes plant data only, so on a cluster each shard does it alone (`writeOnShards`): that
   * is also the only way to count the rows written, which a Distributed insert over-reports.
   */
  scopedWrite(q: NamedQuery, scope: PlantScope): Promise<{ writtenRows: number }> {
    return this.writeOnShards(withScope(q, scope));
  }

  /** A scoped query's rows as a stream in `format`, for exports that must not hold the result in memory. */
  async scopedStream(q: NamedQuery, scope: PlantScope, format: 'CSVWithNames' | 'JSONEachRow'): Promise<Readable> {
    const scoped = withScope(q, scope);
    try {
      const rs = await this.client.query({
        query: scoped.sql,
        query_params: scoped.params,
        clickhouse_settings: scoped.settings,
        format,
        query_id: queryId(q.name),
      });
      // The client hands out rows in batches; the export wants the text lines as they are.
      return rs.stream().pipe(
        new Transform({
          readableObjectMode: false,
          writableObjectMode: true,
          transform(rows: { text: string }[], _enc, done) {
            done(null, rows.map((r) => `${r.text}\n`).join(''));
          },
        }),
      );
    } catch (err) {
      throw toClickHouseError(err, q.name);
    }
  }

  async command(q: NamedQuery): Promise<void> {
    try {
      await this.client.command({
        query: q.sql,
        query_params: q.params,
        clickhouse_settings: q.settings,
        query_id: queryId(q.name),
      });
    } catch (err) {
      throw toClickHouseError(err, q.name);
    }
  }

  /** A command (INSERT ... SELECT); `long` for background work that may take minutes (RECONCILE_QUERY_TIMEOUT_SECONDS). */
  async write(q: NamedQuery, options: { long?: boolean } = {}): Promise<{ writtenRows: number }> {
    try {
      return { writtenRows: await runWrite(options.long ? this.longClient : this.client, q, q.name) };
    } catch (err) {
      throw toClickHouseError(err, q.name);
    }
  }

  /**
   * Work over plant data that each shard can do alone, because everything it reads and writes is sharded
   * by plant (or kept whole on every node): an INSERT ... SELECT of reconciliation or the rollups, or a
   * DELETE. On a cluster it runs on every shard's own tables at once (a Distributed table takes no
   * DELETE, and no row crosses the network); on one server it is `write`. Returns the rows written.
   */
  async writeOnShards(q: NamedQuery, options: { long?: boolean } = {}): Promise<{ writtenRows: number }> {
    if (this.shardClients.length === 0) return this.write(q, options);
    const written = await this.onEveryShard(q.name, (client, n) => runWrite(client, q, `${q.name}-shard${n + 1}`));
    return { writtenRows: written.reduce((a, b) => a + b, 0) };
  }

  /** `fn` on every shard's client at once; a failure names the shard (none on one server). */
  private onEveryShard<T>(name: string, fn: (client: ClickHouseClient, n: number) => Promise<T>): Promise<T[]> {
    return Promise.all(this.shardClients.map((client, n) => this.onShard(name, n, () => fn(client, n))));
  }

  /** `fn` on shard `n`; a failure as a typed error that names the shard. */
  private async onShard<T>(name: string, n: number, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const e = toClickHouseError(err, name);
      e.message = `${e.message} (shard ${n + 1} of ${this.shardClients.length})`;
      throw e;
    }
  }

  async insert<T extends object>(table: string, rows: readonly T[], settings?: ClickHouseSettings): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.client.insert({
        table,
        values: rows,
        format: 'JSONEachRow',
        clickhouse_settings: settings,
        query_id: queryId(insertName(table)),
      });
    } catch (err) {
      throw toClickHouseError(err, `insert into ${table}`);
    }
  }

  /**
   * Inserts rows already encoded as Native blocks (see native-block.ts) for `columns`; the blocks
   * are sent as one body, in order. Resolves once ClickHouse has stored them.
   */
  async insertNative(table: string, columns: readonly string[], blocks: readonly Buffer[]): Promise<void> {
    await insertNative(this.client, table, columns, blocks);
  }

  /**
   * Throws ClickHouseUnavailableError unless the server answers a query; on a cluster, unless every shard
   * does too (a query through the Distributed tables needs them all), naming the shard that does not.
   */
  async ping(): Promise<void> {
    const ping: NamedQuery = { name: 'ping', sql: 'SELECT 1 AS ok' };
    await this.query(ping);
    await this.onEveryShard(ping.name, (client) => runQuery(client, ping));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.client.close(), this.longClient.close(), ...this.shardClients.map((c) => c.close())]);
  }
}
