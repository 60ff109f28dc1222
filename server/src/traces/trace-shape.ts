import { BASE_STAGES } from '../domain/vocabulary';

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
