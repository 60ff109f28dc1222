import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClickHouseUnavailableError } from '../clickhouse/clickhouse.errors';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { largeBuffers } from './body/buffer-pool';
import { parseRecords } from './body/parse-records';
import { releaseBody } from './body/read-body';
import type { EncodedBody } from './encode/encode-body';
import { EncodePool } from './encode/encode-pool';
import { InsertBatcher, type Arrival } from './insert-batcher';
import type { OtlpSpan } from './otlp/otlp-decode';
import { encodeSpans, type EncodedSpans } from './otlp/otlp-encode';
import { hopSpec } from './records/hop.record';
import { rowsRejected } from './ingest.errors';
import { partitionRecords, type NormalizeContext, type RecordSpec } from './records/record-spec';
import type { RowError } from './records/row-error';
import { BASE_STAGES } from '../domain/vocabulary';
import { UnitsService } from './units/units.service';

/** 422 listing the rejected records; 403 when the only problem is plants outside the key's scope. */
function rejection(errors: RowError[], total: number) {
  const scopeOnly = errors.every((e) => e.field === 'plant' && e.reason.includes("API key's plants"));
  return rowsRejected(errors, total, scopeOnly ? 403 : 422);
}

export interface IngestResult {
  accepted: number;
}

/**
 * Validates a batch of records and stores it. A batch is all-or-nothing: one invalid record and
 * nothing is stored (422 with every problem by record index), so a client can fix and resend the
 * whole batch, and a resend of an already stored batch changes nothing (rows collapse on their ids).
 */
@Injectable()
export class IngestService implements OnApplicationShutdown {
  private readonly stages: ReadonlySet<string>;
  private readonly batchers = new Map<string, InsertBatcher>();
  private readonly pool: EncodePool;

  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly units: UnitsService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.stages = new Set<string>([...BASE_STAGES, ...config.ingest.extraStages]);
    this.pool = new EncodePool(config.ingest.parseWorkers);
  }

  async context(plants: ReadonlySet<string> | null): Promise<NormalizeContext> {
    return { units: await this.units.current(), plants, stages: this.stages };
  }

  /** Validates every record: the valid rows, and the problems of the invalid ones. */
  partition(spec: RecordSpec, records: readonly unknown[], ctx: NormalizeContext): { rows: unknown[][]; errors: RowError[] } {
    const { rows, errors } = partitionRecords(spec, records, ctx);
    if (errors.length) this.metrics.ingestRejected.inc({ kind: spec.kind }, errors.length);
    return { rows, errors };
  }

  /** Validates every record; returns the rows, or throws 422/403 listing the rejected records. */
  toRows(spec: RecordSpec, records: readonly unknown[], ctx: NormalizeContext): unknown[][] {
    const { rows, errors } = this.partition(spec, records, ctx);
    if (errors.length) throw rejection(errors, records.length);
    return rows;
  }

  /**
   * Announces a request for spec's table as it starts (before its body is read), so that rows already
   * waiting for an insert wait for it too (insert-batcher.ts). Pass it to ingestBody or store; cancel
   * it (a no-op once used) whenever the request ends.
   */
  expect(spec: RecordSpec): Arrival {
    return this.batcher(spec).expect();
  }

  /** Stores validated rows; resolves once ClickHouse has acknowledged them. */
  async store(spec: RecordSpec, rows: unknown[][], arrival?: Arrival): Promise<void> {
    await this.storeEncoded(spec, spec.encoder.encode(rows, largeBuffers), rows.length, arrival);
  }

  /**
   * Decoded OTLP spans, stored with OTLP's partial success: the valid ones as hops, the others counted
   * with their reasons (otlp/otlp-encode.ts). Resolves once ClickHouse has acknowledged the stored ones.
   */
  async storeSpans(
    spans: readonly OtlpSpan[],
    ctx: NormalizeContext,
    wellFormed: boolean,
    arrival?: Arrival,
  ): Promise<Omit<EncodedSpans, 'block'>> {
    const { block, ...outcome } = encodeSpans(spans, ctx, wellFormed, largeBuffers);
    if (outcome.invalid) this.metrics.ingestRejected.inc({ kind: hopSpec.kind }, outcome.invalid);
    await this.storeEncoded(hopSpec, block, outcome.stored, arrival);
    return outcome;
  }

  /** Stores `rows` rows already encoded for spec.columns; resolves once ClickHouse has acknowledged them. */
  private async storeEncoded(spec: RecordSpec, block: Buffer, rows: number, arrival?: Arrival): Promise<void> {
    if (rows === 0) return arrival?.cancel();
    await (arrival ?? this.batcher(spec)).add(block, rows);
    this.metrics.ingestRows.inc({ kind: spec.kind }, rows);
  }

  /**
   * A request body (JSON array or NDJSON by Content-Type), validated and stored all-or-nothing.
   * Parsing, validation and encoding run on the encode pool's worker threads (encode/encode-body.ts).
   * The body goes back to readBody's pool once parsed: the caller must not use it afterwards.
   */
  async ingestBody(
    spec: RecordSpec,
    body: Buffer,
    contentType: string,
    plants: ReadonlySet<string> | null,
    limits: { maxRows: number; limitName: string },
    arrival?: Arrival,
  ): Promise<IngestResult> {
    let batch: EncodedBody;
    try {
      let ctx: NormalizeContext;
      try {
        ctx = await this.context(plants);
      } catch (err) {
        // A body that can never be stored is a 400/413 whether or not ClickHouse is up (as parseRecords first).
        parseRecords(body, contentType, limits.maxRows, limits.limitName);
        throw err;
      }
      batch = await this.pool.encode(spec, body, contentType, ctx, limits);
    } finally {
      releaseBody(body);
    }
    if (!batch.ok) {
      this.metrics.ingestRejected.inc({ kind: spec.kind }, batch.errors.length);
      throw rejection(batch.errors, batch.records);
    }
    await this.storeEncoded(spec, batch.block, batch.records, arrival);
    return { accepted: batch.records };
  }

  /**
   * One batcher per table: concurrent requests share inserts. Every spec of a table declares the same
   * columns (one constant per table), so their rows go in the same inserts.
   */
  private batcher(spec: RecordSpec): InsertBatcher {
    let b = this.batchers.get(spec.table);
    if (!b) {
      const { table, columnNames } = spec;
      const { batchMaxRows, batchWaitMs, insertsInFlight, insertMaxRows, backlogMaxRows } = this.config.ingest;
      b = new InsertBatcher(
        async (chunks, rows) => {
          const end = this.metrics.ingestInsertSeconds.startTimer({ kind: spec.kind });
          try {
            await this.clickhouse.insertNative(table, columnNames, chunks);
          } finally {
            chunks.forEach((c) => largeBuffers.release(c)); // sent (or failed): the blocks are free again
          }
          end();
          this.metrics.ingestInsertRows.observe({ kind: spec.kind }, rows);
        },
        {
          maxRows: batchMaxRows,
          maxWaitMs: batchWaitMs,
          maxInFlight: insertsInFlight,
          maxInsertRows: insertMaxRows,
          maxPendingRows: backlogMaxRows,
          overloaded: (pending) =>
            new ClickHouseUnavailableError(
              `ClickHouse is not keeping up: ${pending} ${spec.kind} rows are waiting to be stored (INGEST_BACKLOG_MAX_ROWS); nothing of this request was stored, retry later`,
            ),
        },
      );
      this.batchers.set(spec.table, b);
    }
    return b;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.batchers.values()].map((b) => b.flush()));
    await this.pool.close();
  }

  async ingest(spec: RecordSpec, records: readonly unknown[], plants: ReadonlySet<string> | null): Promise<IngestResult> {
    const rows = this.toRows(spec, records, await this.context(plants));
    await this.store(spec, rows);
    return { accepted: rows.length };
  }
}
