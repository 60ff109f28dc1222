import { CUSTOM } from '../app/PeriodPicker';
import { customRangeOf, splitList as split } from '../app/lists';

/**
 * The Sync lag page's state as it sits in the URL, so a view can be bookmarked and shared:
 *   /sync-lag?range=24h&plant=P1&line=L1,L2&flow=goods_receipt&group=flow
 *   /sync-lag?range=custom&from=<ISO>&to=<ISO>
 * Lists are comma-separated; from/to are ISO 8601 instants (UTC). A relative range moves with the
 * clock on every refresh; a custom one stays put.
 */

export const RANGES = [
  { param: '15m', label: '15 minutes', ms: 15 * 60_000 },
  { param: '1h', label: '1 hour', ms: 3_600_000 },
  { param: '6h', label: '6 hours', ms: 6 * 3_600_000 },
  { param: '24h', label: '24 hours', ms: 86_400_000 },
  { param: '7d', label: '7 days', ms: 7 * 86_400_000 },
  { param: '30d', label: '30 days', ms: 30 * 86_400_000 },
  { param: '90d', label: '90 days', ms: 90 * 86_400_000 },
] as const;
export { CUSTOM };
export const DEFAULT_RANGE = '24h';

export const GROUPINGS = [
  { param: 'flow', label: 'One chart per flow' },
  { param: 'all', label: 'All flows in one chart' },
] as const;
export type Grouping = (typeof GROUPINGS)[number]['param'];

export interface SyncLagState {
  range: string;
  /** For a custom range. */
  from: string | null;
  to: string | null;
  plants: string[];
  lines: string[];
  flows: string[];
  group: Grouping;
}

export function stateFromParams(params: URLSearchParams): SyncLagState {
  const asked = params.get('range') ?? '';
  const custom = asked === CUSTOM ? customRangeOf(params) : null;
  const range = custom ? CUSTOM : RANGES.some((r) => r.param === asked) ? asked : DEFAULT_RANGE;
  return {
    range,
    from: custom?.from ?? null,
    to: custom?.to ?? null,
    plants: split(params.get('plant')),
    lines: split(params.get('line')),
    flows: split(params.get('flow')),
    group: params.get('group') === 'all' ? 'all' : 'flow',
  };
}

export function paramsOf(state: SyncLagState): URLSearchParams {
  const p = new URLSearchParams();
  p.set('range', state.range);
  if (state.range === CUSTOM && state.from && state.to) {
    p.set('from', state.from);
    p.set('to', state.to);
  }
  if (state.plants.length) p.set('plant', state.plants.join(','));
  if (state.lines.length) p.set('line', state.lines.join(','));
  if (state.flows.length) p.set('flow', state.flows.join(','));
  if (state.group !== 'flow') p.set('group', state.group);
  return p;
}

/** The instants the page asks for: a relative range ends at `nowMs` (rounded to the minute, so refreshes share answers). */
export function rangeOf(state: SyncLagState, nowMs: number): { from: string; to: string } {
  if (state.range === CUSTOM && state.from && state.to) return { from: state.from, to: state.to };
  const ms = RANGES.find((r) => r.param === state.range)?.ms ?? RANGES[3].ms;
  const to = Math.ceil(nowMs / 60_000) * 60_000;
  return { from: new Date(to - ms).toISOString(), to: new Date(to).toISOString() };
}

export function filterOf(state: SyncLagState) {
  return {
    ...(state.plants.length ? { plants: state.plants } : {}),
    ...(state.lines.length ? { lines: state.lines } : {}),
    ...(state.flows.length ? { flows: state.flows } : {}),
  };
}

/** The Exceptions queue for what a cell or a chart point covers (every status, so resolved ones show too). */
export function exceptionsLink(what: { plant?: string; line?: string; flow?: string; from: string; to: string }): string {
  const p = new URLSearchParams();
  if (what.plant) p.set('plant', what.plant);
  if (what.line) p.set('line', what.line);
  if (what.flow) p.set('flow', what.flow);
  p.set('from', what.from);
  p.set('to', what.to);
  p.set('status', 'all');
  return `/exceptions?${p.toString()}`;
}

/** Seconds as a person reads them: "850 ms", "42 s", "12.5 min", "3.2 h". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const percent = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '–' : `${(v * 100).toFixed(digits)} %`;

export type Better = 'lower' | 'higher';

/** The change against the previous period, in words and a symbol, and whether it is good news. */
export function change(
  current: number | null,
  previous: number | null,
  better: Better,
): { text: string; tone: 'better' | 'worse' | 'same' } {
  if (current === null || previous === null) return { text: 'no previous figure', tone: 'same' };
  if (current === previous) return { text: '= same as previous period', tone: 'same' };
  const up = current > previous;
  const tone = up === (better === 'higher') ? 'better' : 'worse';
  const rel = previous !== 0 ? `${Math.abs(((current - previous) / previous) * 100).toFixed(0)} %` : 'from 0';
  return { text: `${up ? '▲' : '▼'} ${rel} vs previous period (${tone})`, tone };
}
