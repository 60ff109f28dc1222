import type { BufferPool } from '../body/buffer-pool';
import { encodeNdjson } from '../body/encode-ndjson';
import { bodyFormat, parseRecords } from '../body/parse-records';
import { partitionRecords, type NormalizeContext, type RecordSpec } from '../records/record-spec';
import type { RowError } from '../records/row-error';

/** The body limits of the interface the body came through, named as its configuration names them. */
export interface BodyLimits {
  maxRows: number;
  limitName: string;
}

/** A request body, validated and encoded: one Native block of every record, or every record's problems. */
export type EncodedBody = { ok: true; block: Buffer; records: number } | { ok: false; errors: RowError[]; records: number };

/**
 * Parses, validates and encodes a request body (JSON array or NDJSON by Content-Type) for `spec`, all
 * or nothing: the Native block of all its records, or the problems of the invalid ones. NDJSON of a
 * kind with a direct path is read straight from its bytes (body/encode-ndjson.ts). Throws
 * IngestHttpError for a body that is not a batch at all (400 invalid JSON, 413 too many rows, 415).
 * The block lies in a buffer from `pool` when one is given (give it back once inserted).
 * Pure CPU work on its arguments, so it runs on a worker thread (encode-pool.ts) or inline alike.
 */
export function encodeBody(
  spec: RecordSpec,
  body: Buffer,
  contentType: string,
  ctx: NormalizeContext,
  limits: BodyLimits,
  pool?: BufferPool,
): EncodedBody {
  if (spec.direct && bodyFormat(contentType) === 'ndjson') {
    const batch = encodeNdjson(spec, spec.direct, body, ctx, limits.maxRows, limits.limitName, pool);
    return batch.errors.length
      ? { ok: false, errors: batch.errors, records: batch.records }
      : { ok: true, block: batch.block, records: batch.records };
  }
  const records = parseRecords(body, contentType, limits.maxRows, limits.limitName);
  const { rows, errors } = partitionRecords(spec, records, ctx);
  return errors.length
    ? { ok: false, errors, records: records.length }
    : { ok: true, block: spec.encoder.encode(rows, pool), records: records.length };
}
