import { Random, streamSeed } from './random';

export const SLOT_MS = 3_600_000;

export interface Interval {
  startMs: number;
  endMs: number;
}

/**
 * Disturbances (network outages, silent lines) that start in slots [fromSlot, toSlot), one draw per
 * slot from the slot's own stream: whichever window asks, a slot always yields the same disturbance.
 * Sorted by start.
 */
export interface DisturbanceSpec {
  seed: number;
  tag: number;
  key: number;
  probabilityPerSlot: number;
  minMinutes: number;
  maxMinutes: number;
}

/** The disturbance that starts in this slot, if any. */
export function disturbanceInSlot(spec: DisturbanceSpec, slot: number): Interval | undefined {
  if (spec.probabilityPerSlot <= 0) return undefined;
  const rng = new Random(streamSeed(spec.seed, spec.tag, spec.key, slot));
  if (!rng.bernoulli(spec.probabilityPerSlot)) return undefined;
  const startMs = slot * SLOT_MS + Math.floor(rng.next() * SLOT_MS);
  return { startMs, endMs: startMs + Math.round(rng.uniform(spec.minMinutes, spec.maxMinutes) * 60_000) };
}

export function disturbancesInSlots(spec: DisturbanceSpec, fromSlot: number, toSlot: number): Interval[] {
  const out: Interval[] = [];
  for (let slot = fromSlot; slot < toSlot; slot++) {
    const i = disturbanceInSlot(spec, slot);
    if (i) out.push(i);
  }
  return out;
}

/**
 * A plant's network outages, drawn slot by slot as far ahead as needed. When outages overlap, the
 * link is back only when the last of them ends, which may be in a slot after the window: looking
 * that far ahead is what keeps the release time the same whichever window asks.
 */
export class OutageTimeline {
  private readonly merged: Interval[] = [];
  private nextSlot: number;

  constructor(
    private readonly spec: DisturbanceSpec,
    fromSlot: number,
  ) {
    this.nextSlot = fromSlot - lookbackSlots(spec.maxMinutes);
  }

  private extendTo(slot: number): void {
    for (; this.nextSlot <= slot; this.nextSlot++) {
      const i = disturbanceInSlot(this.spec, this.nextSlot);
      if (!i) continue;
      const last = this.merged[this.merged.length - 1];
      if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
      else this.merged.push(i);
    }
  }

  /** The outage stretch covering this time, ending when the link is finally back; undefined if up. */
  at(epochMs: number): Interval | undefined {
    this.extendTo(Math.floor(epochMs / SLOT_MS));
    const stretch = covering(this.merged, epochMs);
    if (!stretch) return undefined;
    for (;;) {
      const end = stretch.endMs;
      this.extendTo(Math.floor(end / SLOT_MS));
      if (stretch.endMs === end) return stretch;
    }
  }
}

/** How many slots back a disturbance of at most maxMinutes can start and still reach into a slot. */
export function lookbackSlots(maxMinutes: number): number {
  return Math.ceil((maxMinutes * 60_000) / SLOT_MS);
}

/** Overlapping intervals merged, so "covering" answers with the whole stretch (one outage end). */
export function mergeIntervals(sorted: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push({ startMs: i.startMs, endMs: i.endMs });
  }
  return out;
}

/** The merged interval covering a time, if any (binary search: these lists span whole backfills). */
export function covering(merged: readonly Interval[], epochMs: number): Interval | undefined {
  let lo = 0;
  let hi = merged.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = merged[mid];
    if (epochMs < i.startMs) hi = mid - 1;
    else if (epochMs >= i.endMs) lo = mid + 1;
    else return i;
  }
  return undefined;
}
