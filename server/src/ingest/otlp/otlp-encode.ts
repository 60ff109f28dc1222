import type { BufferPool } from '../body/buffer-pool';
import { hopSpec } from '../records/hop.record';
import type { NormalizeContext } from '../records/record-spec';
import { isRowError } from '../records/row-error';
import type { OtlpSpan } from './otlp-decode';
import { otlpDirectEncoder } from './otlp-direct';
import { spansToHops } from './otlp-to-hops';

/** The reasons a response quotes; the rest are counted. */
export const MAX_REASONS = 5;

export interface EncodedSpans {
  /** The stored spans' hops as one Native block for hopSpec.columns (empty when none is valid). */
  block: Buffer;
  stored: number;
  /** Spans refused, by the mapping (no flow, no trace id, ...) or by the hop checks. */
  rejected: number;
  /** Of those, the ones refused by the hop checks (the ingest metrics count these as rejected records). */
  invalid: number;
  /** Why, for the first MAX_REASONS of them, in span order. */
  reasons: string[];
}

const direct = otlpDirectEncoder();

/**
 * Decoded OTLP spans -> the Native block of their hops, with OTLP's partial success: valid spans are
 * kept, the others counted with their reasons. Each span takes the direct path (otlp-direct.ts) and,
 * when that declines, the general one (spansToHops, hopSpec.toRow), which explains a refusal.
 * `wellFormed`: see otlp-direct.ts. `useDirect` false forces the general path (tests compare the two).
 */
export function encodeSpans(
  spans: readonly OtlpSpan[],
  ctx: NormalizeContext,
  wellFormed: boolean,
  pool?: BufferPool,
  useDirect = true,
): EncodedSpans {
  const block = hopSpec.encoder.reusableBlock(); // filled and finished without yielding
  const reasons: string[] = [];
  let rejected = 0;
  let invalid = 0;
  for (const span of spans) {
    if (useDirect && direct(span, ctx, block, wellFormed)) continue;
    const mapped = spansToHops([span]);
    let reason: string;
    if (mapped.rejected.length > 0) reason = mapped.rejected[0].reason;
    else {
      const hop = mapped.hops[0];
      const row = hopSpec.toRow(hop, ctx);
      if (!isRowError(row)) {
        hopSpec.encoder.write(block, row);
        continue;
      }
      invalid++;
      reason = `span ${hop.hop_id}: ${row.field} ${row.reason}`;
    }
    rejected++;
    if (reasons.length < MAX_REASONS) reasons.push(reason);
  }
  const stored = block.rows;
  return { block: block.finish(pool), stored, rejected, invalid, reasons };
}
