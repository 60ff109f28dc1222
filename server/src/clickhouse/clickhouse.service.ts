import { randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { PLANT_SCOPE_PARAMS, type PlantScope } from '../domain/plant-scope';
import { toClickHouseError } from './clickhouse.errors';

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

/** A named query: the name shows in logs, metrics and system.query_log (as the query id prefix). */
export interface NamedQuery {
  name: string;
  sql: string;
  params?: QueryParams;
  settings?: ClickHouseSettings;
}

export function createClickHouseClient(
  config: AppConfig['clickhouse'],
  database = config.database,
  requestTimeoutMs = 60_000,
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

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = createClickHouseClient(config.clickhouse);
    this.longClient = createClickHouseClient(config.clickhouse, config.clickhouse.database, config.reconcile.queryTimeoutMs);
  }

  async query<T>(q: NamedQuery): Promise<T[]> {
    try {
      const rs = await this.client.query({
        query: q.sql,
        query_params: q.params,
        clickhouse_settings: q.settings,
        format: 'JSONEachRow',
      });
      return await rs.json<T>();
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

  /** A write (INSERT ... SELECT) over plant data, narrowed to the caller's plants like scopedQuery. */
  scopedWrite(q: NamedQuery, scope: PlantScope): Promise<{ writtenRows: number }> {
    return this.write(withScope(q, scope));
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
      await this.client.command({ query: q.sql, query_params: q.params, clickhouse_settings: q.settings });
    } catch (err) {
      throw toClickHouseError(err, q.name);
    }
  }

  /** An INSERT ... SELECT or other statement that writes inside ClickHouse; returns the rows it wrote. */
  /** A command (INSERT ... SELECT); `long` for background work that may take minutes (RECONCILE_QUERY_TIMEOUT_SECONDS). */
  async write(q: NamedQuery, options: { long?: boolean } = {}): Promise<{ writtenRows: number }> {
    try {
      const res = await (options.long ? this.longClient : this.client).command({
        query: q.sql,
        query_params: q.params,
        clickhouse_settings: q.settings,
        query_id: `${q.name}-${randomUUID()}`,
      });
      return { writtenRows: Number(res.summary?.written_rows ?? 0) };
    } catch (err) {
      throw toClickHouseError(err, q.name);
    }
  }

  async insert<T extends object>(table: string, rows: readonly T[], settings?: ClickHouseSettings): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.client.insert({ table, values: rows, format: 'JSONEachRow', clickhouse_settings: settings });
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

  /** Throws ClickHouseUnavailableError unless the server answers a query. */
  async ping(): Promise<void> {
    await this.query({ name: 'ping', sql: 'SELECT 1 AS ok' });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.client.close(), this.longClient.close()]);
  }
}
