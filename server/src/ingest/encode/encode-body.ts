import type { BufferPool } from '../body/buffer-pool';
import { encodeNdjson } from '../body/encode-ndjson';
import { bodyFormat, parseRecords } from '../body/parse-records';
import { partitionRecords, type NormalizeContext, type RecordSpec } from '../records/record-spec';
import type { RowError } from '../records/row-error';
import { OneBlock, PlantBlocks, type EncodedPart, type RowSink } from './row-sink';

/** The body limits of the interface the body came through, named as its configuration names them. */
export interface BodyLimits {
  maxRows: number;
  limitName: string;
}

/**
 * A request body, validated and encoded: the Native blocks of every record (one, or one per plant when
 * split), or every record's problems.
 */
export type EncodedBody =
  { ok: true; parts: EncodedPart[]; records: number } | { ok: false; errors: RowError[]; records: number };

/** The sink a body's rows are written to: the encoder's reusable block, or a block per plant (`byPlant`). */
function sinkFor(spec: RecordSpec, byPlant: boolean): RowSink {
  return byPlant ? new PlantBlocks(spec.encoder) : new OneBlock(spec.encoder.reusableBlock());
}

/**
 * Parses, validates and encodes a request body (JSON array or NDJSON by Content-Type) for `spec`, all
 * or nothing: the Native block of all its records, or the problems of the invalid ones. NDJSON of a
 * kind with a direct path is read straight from its bytes (body/encode-ndjson.ts). Throws
 * IngestHttpError for a body that is not a batch at all (400 invalid JSON, 413 too many rows, 415).
 * `byPlant`: one block per plant (a cluster's shards take their plants' rows directly, ADR 0011).
 * The blocks lie in buffers from `pool` when one is given (give them back once inserted).
 * Pure CPU work on its arguments, so it runs on a worker thread (encode-pool.ts) or inline alike.
 */
export function encodeBody(
  spec: RecordSpec,
  body: Buffer,
  contentType: string,
  ctx: NormalizeContext,
  limits: BodyLimits,
  byPlant: boolean,
  pool?: BufferPool,
): EncodedBody {
  if (spec.direct && bodyFormat(contentType) === 'ndjson') {
    const batch = encodeNdjson(spec, spec.direct, body, ctx, limits.maxRows, limits.limitName, sinkFor(spec, byPlant), pool);
    return batch.errors.length
      ? { ok: false, errors: batch.errors, records: batch.records }
      : { ok: true, parts: batch.parts, records: batch.records };
  }
  const records = parseRecords(body, contentType, limits.maxRows, limits.limitName);
  const { rows, errors } = partitionRecords(spec, records, ctx);
  return errors.length
    ? { ok: false, errors, records: records.length }
    : { ok: true, parts: encodeRows(spec, rows, byPlant, pool), records: records.length };
}

/** Valid rows (in spec.columns order) as Native blocks: one, or one per plant (`byPlant`). */
export function encodeRows(
  spec: RecordSpec,
  rows: readonly unknown[][],
  byPlant: boolean,
  pool?: { acquire(bytes: number): Buffer },
): EncodedPart[] {
  const sink = sinkFor(spec, byPlant);
  for (const row of rows) spec.encoder.write(sink.blockForRow(row), row);
  return sink.finish(pool);
}
