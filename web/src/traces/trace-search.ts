import type { TraceFilterInput } from '../gql/graphql';

/**
 * The trace search as it sits in the URL, so a search can be bookmarked and shared:
 *   /traces?q=ORD-1&plant=P1&line=L1,L2&flow=…&stage=…&system=…&status=error,not_posted&range=24h&after=<cursor>
 * Lists are comma-separated. `range` is how far back the messages' first hops may be (no range: any
 * time with a text, the last day without one). `open=1` opens the only match directly (links from a
 * finding's device event use it).
 */

export const RANGES = [
  { param: '', label: 'Any time', ms: 0 },
  { param: '1h', label: 'Last hour', ms: 3_600_000 },
  { param: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { param: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { param: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { param: '90d', label: 'Last 90 days', ms: 90 * 86_400_000 },
] as const;

export const STATUS_OPTIONS = [
  { value: 'error', label: 'A hop failed' },
  { value: 'not_posted', label: 'Never reached erp_posting' },
] as const;

const LIST_KEYS = {
  plant: 'plants',
  line: 'lines',
  flow: 'flows',
  stage: 'stages',
  system: 'systems',
  status: 'statuses',
} as const;
type ListField = (typeof LIST_KEYS)[keyof typeof LIST_KEYS];

export interface SearchState {
  q: string;
  lists: Record<ListField, string[]>;
  range: string;
  after: string | null;
  open: boolean;
}

const split = (v: string | null) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function stateFromParams(params: URLSearchParams): SearchState {
  const lists = Object.fromEntries(
    Object.entries(LIST_KEYS).map(([param, field]) => [field, split(params.get(param))]),
  ) as Record<ListField, string[]>;
  const range = RANGES.some((r) => r.param === params.get('range')) ? (params.get('range') ?? '') : '';
  return { q: params.get('q') ?? '', lists, range, after: params.get('after'), open: params.get('open') === '1' };
}

/** The GraphQL filter for a state, `nowMs` fixing the range's start. */
export function filterOf(state: SearchState, nowMs: number): TraceFilterInput {
  const filter: TraceFilterInput = {};
  for (const field of Object.values(LIST_KEYS)) if (state.lists[field].length) filter[field] = state.lists[field];
  const range = RANGES.find((r) => r.param === state.range);
  if (range && range.ms > 0) filter.from = new Date(nowMs - range.ms).toISOString();
  return filter;
}

/** URL parameters for a new search: the page cursor is dropped, everything else written as given. */
export function paramsOf(state: Omit<SearchState, 'after' | 'open'>): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q.trim()) out.set('q', state.q.trim());
  for (const [param, field] of Object.entries(LIST_KEYS))
    if (state.lists[field].length) out.set(param, state.lists[field].join(','));
  if (state.range) out.set('range', state.range);
  return out;
}

/** The list fields' URL names, for the form. */
export const LIST_PARAMS = LIST_KEYS;
