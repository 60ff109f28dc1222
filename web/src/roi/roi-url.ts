import { CUSTOM } from '../app/PeriodPicker';
import { customRangeOf, splitList as split } from '../app/lists';

/**
 * The ROI page's period as it sits in the URL, for the monthly review's bookmark:
 *   /roi?period=last-month&plant=P1&flow=goods_receipt
 *   /roi?period=custom&from=<ISO>&to=<ISO>
 * Calendar months are the viewer's months (their time zone); at most 90 days.
 */

export const PERIODS = [
  { param: 'last-month', label: 'Last month' },
  { param: 'this-month', label: 'This month so far' },
  { param: '7d', label: 'Last 7 days' },
  { param: '30d', label: 'Last 30 days' },
  { param: '90d', label: 'Last 90 days' },
] as const;
export { CUSTOM };
const DAY = 86_400_000;

export interface RoiState {
  period: string;
  from: string | null;
  to: string | null;
  plants: string[];
  flows: string[];
}

export function stateFromParams(params: URLSearchParams): RoiState {
  const asked = params.get('period') ?? '';
  const custom = asked === CUSTOM ? customRangeOf(params) : null;
  return {
    period: custom ? CUSTOM : PERIODS.some((p) => p.param === asked) ? asked : '30d',
    from: custom?.from ?? null,
    to: custom?.to ?? null,
    plants: split(params.get('plant')),
    flows: split(params.get('flow')),
  };
}

export function paramsOf(s: RoiState): URLSearchParams {
  const p = new URLSearchParams({ period: s.period });
  if (s.period === CUSTOM && s.from && s.to) {
    p.set('from', s.from);
    p.set('to', s.to);
  }
  if (s.plants.length) p.set('plant', s.plants.join(','));
  if (s.flows.length) p.set('flow', s.flows.join(','));
  return p;
}

/** The period's instants; relative periods end at the current minute, months at the viewer's midnight. */
export function periodOf(s: RoiState, now: Date): { from: string; to: string } {
  if (s.period === CUSTOM && s.from && s.to) return { from: s.from, to: s.to };
  const monthStart = (y: number, m: number) => new Date(y, m, 1).toISOString();
  if (s.period === 'last-month')
    return { from: monthStart(now.getFullYear(), now.getMonth() - 1), to: monthStart(now.getFullYear(), now.getMonth()) };
  const end = Math.ceil(now.getTime() / 60_000) * 60_000;
  if (s.period === 'this-month') return { from: monthStart(now.getFullYear(), now.getMonth()), to: new Date(end).toISOString() };
  const days = s.period === '7d' ? 7 : s.period === '90d' ? 90 : 30;
  return { from: new Date(end - days * DAY).toISOString(), to: new Date(end).toISOString() };
}

/** The CSV export of the same report (the session cookie signs the download in). */
export function exportLink(range: { from: string; to: string }, s: RoiState): string {
  const p = new URLSearchParams(range);
  if (s.plants.length) p.set('plants', s.plants.join(','));
  if (s.flows.length) p.set('flows', s.flows.join(','));
  return `/api/v1/roi/export?${p.toString()}`;
}

/** A figure's value as a person reads it, with its unit. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(1)} %`;
    case 'hours':
      return value < 1 ? `${Math.round(value * 60)} min` : `${value.toFixed(1)} h`;
    case 'seconds':
      return value < 120 ? `${value.toFixed(value < 10 ? 1 : 0)} s` : `${(value / 60).toFixed(1)} min`;
    case 'count':
      return Math.round(value).toLocaleString();
    default:
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: unit, maximumFractionDigits: 0 }).format(value);
  }
}

/** Against the baseline, in words: "▲ 12.0 % vs baseline (better)". */
export function againstBaseline(value: number | null, baseline: number | null, higherIsBetter: boolean, unit: string): string {
  if (value === null || baseline === null) return 'no baseline';
  if (value === baseline) return '= baseline';
  const up = value > baseline;
  const better = up === higherIsBetter ? 'better' : 'worse';
  const diff =
    unit === 'share'
      ? `${(Math.abs(value - baseline) * 100).toFixed(1)} points`
      : baseline !== 0
        ? `${Math.abs(((value - baseline) / baseline) * 100).toFixed(0)} %`
        : formatValue(Math.abs(value - baseline), unit);
  return `${up ? '▲' : '▼'} ${diff} vs baseline ${formatValue(baseline, unit)} (${better})`;
}

export const ASSUMPTION_LABELS: Record<string, { label: string; unit: string }> = {
  minutesPerManualReconciliation: { label: 'Minutes per manual reconciliation', unit: 'min' },
  secondsPerPostingCheck: { label: 'Seconds to check one posting by hand', unit: 's' },
  hourlyCost: { label: 'Hourly cost of that work', unit: '' },
};
