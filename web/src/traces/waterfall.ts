/**
 * The waterfall's layout, pure: rows in parent/child order (children by start time under their
 * parent; a hop whose parent is not among the loaded hops starts a tree of its own), a shared time
 * axis, and words for durations and gaps.
 */

export interface WaterfallHop {
  hopId: string;
  parentHopId: string;
  stage: string;
  startAt: string;
  offsetMs: number;
  durationMs: number;
  gapMs?: number | null;
}

export interface Row<H extends WaterfallHop> {
  hop: H;
  depth: number;
}

/** Depth-first: each hop followed by its children (by offset, then id). Deep chains are not indented beyond 8 levels. */
export function treeOrder<H extends WaterfallHop>(hops: readonly H[]): Row<H>[] {
  const ids = new Set(hops.map((h) => h.hopId));
  const children = new Map<string, H[]>();
  const roots: H[] = [];
  for (const h of hops) {
    if (h.parentHopId && ids.has(h.parentHopId) && h.parentHopId !== h.hopId) {
      const list = children.get(h.parentHopId) ?? [];
      list.push(h);
      children.set(h.parentHopId, list);
    } else roots.push(h);
  }
  const byStart = (a: H, b: H) => a.offsetMs - b.offsetMs || (a.hopId < b.hopId ? -1 : a.hopId > b.hopId ? 1 : 0);
  const out: Row<H>[] = [];
  const seen = new Set<string>();
  // Iterative, so a retry storm of thousands of chained hops cannot overflow the stack.
  const stack: Row<H>[] = roots
    .sort(byStart)
    .reverse()
    .map((hop) => ({ hop, depth: 0 }));
  while (stack.length) {
    const row = stack.pop()!;
    if (seen.has(row.hop.hopId)) continue;
    seen.add(row.hop.hopId);
    out.push({ hop: row.hop, depth: Math.min(row.depth, 8) });
    const kids = (children.get(row.hop.hopId) ?? []).sort(byStart);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ hop: kids[i], depth: row.depth + 1 });
  }
  // Hops in a parent cycle (never reached from a root) still show, at the end.
  for (const h of hops) if (!seen.has(h.hopId)) out.push({ hop: h, depth: 0 });
  return out;
}

/** The axis' length: the end of the last hop, at least 1 ms. */
export function axisMs(hops: readonly WaterfallHop[]): number {
  return Math.max(1, ...hops.map((h) => h.offsetMs + Math.max(0, h.durationMs)));
}

/** Left and width of a span on the axis, in percent; a visible sliver for instants. */
export function place(startMs: number, lengthMs: number, axis: number): { left: number; width: number } {
  const left = Math.min(100, Math.max(0, (startMs / axis) * 100));
  const width = Math.max(0.25, Math.min(100 - left, (Math.max(0, lengthMs) / axis) * 100));
  return { left, width };
}

/** "350 ms", "2.5 s", "12.0 min", "3.2 h". */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1000) return `${sign}${Math.round(abs * 10) / 10} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(1)} s`;
  if (abs < 3_600_000) return `${sign}${(abs / 60_000).toFixed(1)} min`;
  return `${sign}${(abs / 3_600_000).toFixed(1)} h`;
}

/** A gap worth pointing at: over a second and over a tenth of the whole message (buffering, queueing). */
export function isLongGap(gapMs: number | null | undefined, axis: number): boolean {
  return gapMs != null && gapMs > 1000 && gapMs > axis * 0.1;
}
