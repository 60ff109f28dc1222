import type { DirectEncoder, NormalizeContext, RecordSpec } from '../records/record-spec';
import { isRowError, type RowError } from '../records/row-error';
import type { BufferPool } from './buffer-pool';
import { isBlank, parseNdjsonLine, tooManyRows } from './parse-records';

export interface EncodedBatch {
  /** The valid records as one Native block for spec.columns (nothing to store if there are errors). */
  block: Buffer;
  records: number;
  errors: RowError[];
}

const NEWLINE = 0x0a;

function asciiBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Validates an NDJSON body and encodes it for the insert in one pass over its bytes. Each line
 * goes through the kind's direct path (body/flat-json.ts) and, if that declines, through the
 * general one (JSON.parse, toRow) exactly as parseRecords + toRows would: same record indexes,
 * same line numbers, same errors, same limits. Every record is checked even after an error, so
 * the 422 lists them all.
 */
export function encodeNdjson(
  spec: RecordSpec,
  direct: DirectEncoder,
  body: Buffer,
  ctx: NormalizeContext,
  maxRows: number,
  limitName: string,
  pool?: BufferPool,
): EncodedBatch {
  const block = spec.encoder.reusableBlock(); // filled and finished without yielding
  const errors: RowError[] = [];
  let pos = 0;
  let line = 0;
  let index = 0;
  while (pos < body.length) {
    let end = body.indexOf(NEWLINE, pos);
    if (end === -1) end = body.length;
    const start = pos;
    pos = end + 1;
    line++;
    if (asciiBlank(body, start, end)) continue;
    if (index >= maxRows && !isBlank(body.toString('utf8', start, end))) {
      throw tooManyRows(index + 1, maxRows, limitName, true);
    }
    if (!direct(body, start, end, ctx, block)) {
      const raw = body.toString('utf8', start, end);
      if (isBlank(raw)) continue;
      const row = spec.toRow(parseNdjsonLine(raw, line), ctx);
      if (isRowError(row)) errors.push({ index, field: row.field, reason: row.reason });
      else if (errors.length === 0) spec.encoder.write(block, row);
    }
    index++;
  }
  return { block: block.finish(pool), records: index, errors };
}
