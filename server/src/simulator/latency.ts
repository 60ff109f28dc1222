import type { Random } from './random';
import type { StageLatency } from './simulator-options';

/** One stage's duration in ms: lognormal body, and now and then a stall of minutes on top. */
export function stageDuration(rng: Random, l: StageLatency): number {
  let d = rng.lognormal(l.medianMs, l.sigma);
  if (l.tailProbability > 0 && rng.next() < l.tailProbability) d += rng.uniform(l.tailMinMs, l.tailMaxMs);
  return d;
}

/**
 * Share of the SLA that natural latency may use. Lognormal tails are unbounded; without a cap some
 * messages would be late with no ground-truth record, and scoring late_posting findings would be
 * guesswork. Late postings come from injected faults and outages only.
 */
export const NATURAL_SHARE_OF_SLA = 0.7;

/** Scales the durations down in place when their sum exceeds capMs, keeping their proportions. */
export function capTotal(durations: number[], capMs: number): void {
  let total = 0;
  for (const d of durations) total += d;
  if (total <= capMs) return;
  const f = capMs / total;
  for (let i = 0; i < durations.length; i++) durations[i] *= f;
}
