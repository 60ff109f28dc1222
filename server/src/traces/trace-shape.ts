import { BASE_STAGES } from '../domain/vocabulary';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';

/**
 * Pure shaping of what the trace queries return into what the waterfall shows: stages in chain
 * order, the stages a message skipped, its outcome, and per hop its offset, duration, gap to its
 * parent and the warnings (parent missing, starts before its parent ended). Times are microseconds.
 */

const STAGE_ORDER = new Map<string, number>(BASE_STAGES.map((s, i) => [s, i]));

/** Stages in the order of the chain; stages outside it (replay, custom ones) after, by name. */
export function chainOrder(stages: readonly string[]): string[] {
  return [...new Set(stages)].sort((a, b) => {
    const ia = STAGE_ORDER.get(a) ?? BASE_STAGES.length;
    const ib = STAGE_ORDER.get(b) ?? BASE_STAGES.length;
    return ia - ib || a.localeCompare(b);
  });
}

/** Chain stages before the latest one reached that the message has no hop for. */
export function missingStages(stages: readonly string[]): string[] {
  const reached = new Set(stages);
  const last = Math.max(-1, ...stages.map((s) => STAGE_ORDER.get(s) ?? -1));
  return BASE_STAGES.slice(0, last + 1).filter((s) => !reached.has(s));
}

export type Outcome = 'posted' | 'failed' | 'in_progress';

/** posted: its ERP posting hop succeeded; failed: a hop failed and it never got there; else in progress. */
export function outcomeOf(hasError: boolean, reachedErp: boolean): Outcome {
  if (reachedErp) return 'posted';
  return hasError ? 'failed' : 'in_progress';
}

export interface HopTimes {
  parent_hop_id: string;
  status: string;
  attempt: number;
  start_us: number | string;
  end_us: number | string;
  parent_found: boolean | number;
  parent_end_us: number | string;
}

export interface HopShape {
  offsetMs: number;
  durationMs: number;
  gapMs: number | null;
  parentMissing: boolean;
  startsBeforeParentEnd: boolean;
  retry: boolean;
}

const ms = (us: number) => Math.round(us) / 1000;

/** A hop's place on the message's time axis (starting at `originUs`) and its warnings. */
export function shapeHop(h: HopTimes, originUs: number): HopShape {
  const start = Number(h.start_us);
  const end = Number(h.end_us);
  const hasParent = h.parent_hop_id !== '';
  const found = hasParent && Boolean(Number(h.parent_found));
  const parentEnd = Number(h.parent_end_us);
  return {
    offsetMs: ms(start - originUs),
    durationMs: ms(end - start),
    gapMs: found ? ms(start - parentEnd) : null,
    parentMissing: hasParent && !found,
    startsBeforeParentEnd: found && start < parentEnd,
    retry: Number(h.attempt) > 1 || h.status === 'retry',
  };
}

/** Microseconds since the epoch of ClickHouse's DateTime64 text (UTC, up to six decimals). */
export function micros(text: string): number {
  return Math.round(Date.parse(isoFromClickHouse(text)) * 1000) + subMillis(text);
}

/** The microseconds ClickHouse printed after the milliseconds ("…18.984123" -> 123). */
function subMillis(text: string): number {
  const frac = /\.(\d+)$/.exec(text)?.[1] ?? '';
  return Number((frac + '000000').slice(3, 6));
}

/**
 * Strings in ClickHouse's order (by their UTF-8 bytes, which is code point order). JavaScript compares
 * UTF-16 code units, which differs only where a surrogate meets U+E000..U+FFFF: surrogates are moved
 * above them.
 */
export function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return aboveBmp(x) - aboveBmp(y);
  }
  return a.length - b.length;
}

const aboveBmp = (unit: number) => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2800 : unit);

/** A stored copy of a hop's waterfall fields, as a message's `trace_index` rows carry it (hop_rows). */
export interface StoredHop {
  hop_id: string;
  parent_hop_id: string;
  stage: string;
  system: string;
  status: string;
  error_code: string;
  error_message: string;
  attempt: number;
  start_time: string;
  end_time: string;
  ingested_at: string;
}

/** A hop of a page as the waterfall reads it: what traceHops returns (the total as ClickHouse printed it), with its parent's end. */
export interface PagedHop extends HopTimes {
  hop_id: string;
  correlation_id: string;
  stage: string;
  system: string;
  error_code: string;
  error_message: string;
  start_text: string;
  end_text: string;
  total: number | string;
}

/**
 * One page of a message's hops from every stored copy of them, as traceHops and traceHopEnds read it
 * in ClickHouse: each hop once, as ingested last; in (start, hop id) order; `limit` from `offset`; the
 * total; each hop's parent end, wherever in the message its parent is.
 */
export function hopPageOf(
  copies: readonly (StoredHop & { correlation_id: string })[],
  limit: number,
  offset: number,
): PagedHop[] {
  const latest = new Map<string, StoredHop & { correlation_id: string }>();
  for (const c of copies) {
    const seen = latest.get(c.hop_id);
    if (!seen || c.ingested_at > seen.ingested_at) latest.set(c.hop_id, c);
  }
  const hops = [...latest.values()].map((h) => ({ h, start: micros(h.start_time), end: micros(h.end_time) }));
  hops.sort((a, b) => a.start - b.start || byteOrder(a.h.hop_id, b.h.hop_id));
  const ends = new Map(hops.map((x) => [x.h.hop_id, x.end]));
  return hops.slice(offset, offset + limit).map(({ h, start, end }) => ({
    hop_id: h.hop_id,
    correlation_id: h.correlation_id,
    parent_hop_id: h.parent_hop_id,
    stage: h.stage,
    system: h.system,
    status: h.status,
    error_code: h.error_code,
    error_message: h.error_message,
    attempt: Number(h.attempt),
    start_text: h.start_time,
    end_text: h.end_time,
    start_us: start,
    end_us: end,
    total: hops.length,
    parent_found: ends.has(h.parent_hop_id),
    parent_end_us: ends.get(h.parent_hop_id) ?? 0,
  }));
}
