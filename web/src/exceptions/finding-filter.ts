import type { FindingFilterInput, FindingOrder } from '../gql/graphql';
import { ACTIVE_STATUSES } from './finding-vocabulary';

/**
 * The queue's state as it sits in the URL, so a view (and an open finding) can be bookmarked and
 * shared:
 *   ?type=missing_posting,late_posting&status=open&severity=…&plant=P1&line=…&flow=…
 *    &order=…&material=…&assignee=…&from=<ISO>&to=<ISO>&sort=age&dir=asc&view=groups&after=<cursor>&finding=<id>
 * Lists are comma-separated. No `status` means the active statuses; `status=all` means any status.
 * from/to are ISO 8601 instants (UTC), whatever the zone of whoever opens the link.
 */

const LIST_KEYS = {
  type: 'types',
  status: 'statuses',
  severity: 'severities',
  plant: 'plants',
  line: 'lines',
  flow: 'flows',
} as const satisfies Record<string, keyof FindingFilterInput>;

const TEXT_KEYS = {
  order: 'orderId',
  material: 'material',
  assignee: 'assignee',
  from: 'from',
  to: 'to',
} as const satisfies Record<string, keyof FindingFilterInput>;

type ListField = (typeof LIST_KEYS)[keyof typeof LIST_KEYS];
type TextField = (typeof TEXT_KEYS)[keyof typeof TEXT_KEYS];

/** `status=all`: no status filter at all. */
export const ANY_STATUS = 'all';

/**
 * Stands for an empty value in a list (a silent line has no flow, an orphan posting may have no
 * line), so a group's filter survives the trip through the URL.
 */
export const NONE = '(none)';

export const SORTS = [
  { param: 'value', order: 'VALUE_AT_RISK', label: 'Value at risk' },
  { param: 'age', order: 'AGE', label: 'Age' },
  { param: 'last_seen', order: 'LAST_SEEN', label: 'Last seen' },
  { param: 'severity', order: 'SEVERITY', label: 'Severity' },
] as const satisfies readonly { param: string; order: FindingOrder; label: string }[];

export type FindingsView = 'list' | 'groups' | 'rejected';

export interface QueueState {
  filter: FindingFilterInput;
  orderBy: FindingOrder;
  descending: boolean;
  view: FindingsView;
  /** The page cursor (list view). */
  after: string | null;
  /** The finding whose detail panel is open. */
  finding: string | null;
}

/** "P1, P2 ,(none)" → ["P1", "P2", ""]; blanks dropped. */
export function parseList(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => (v === NONE ? '' : v));
}

/** The list as the URL and the filter form write it. */
export function listText(values: readonly string[] | null | undefined): string {
  return (values ?? []).map((v) => (v === '' ? NONE : v)).join(',');
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v) => b.includes(v));

export function filterFromParams(params: URLSearchParams): FindingFilterInput {
  const filter: FindingFilterInput = {};
  for (const [key, field] of Object.entries(LIST_KEYS) as [string, ListField][]) {
    if (field === 'statuses') continue;
    const values = parseList(params.get(key));
    if (values.length) filter[field] = values;
  }
  const status = params.get('status')?.trim();
  if (!status) filter.statuses = [...ACTIVE_STATUSES];
  else if (status !== ANY_STATUS) {
    const statuses = parseList(status);
    filter.statuses = statuses.length ? statuses : [...ACTIVE_STATUSES];
  }
  for (const [key, field] of Object.entries(TEXT_KEYS) as [string, TextField][]) {
    const value = params.get(key)?.trim();
    if (value) filter[field] = value;
  }
  return filter;
}

export function stateFromParams(params: URLSearchParams): QueueState {
  const sort = SORTS.find((s) => s.param === params.get('sort')) ?? SORTS[0];
  return {
    filter: filterFromParams(params),
    orderBy: sort.order,
    descending: params.get('dir') !== 'asc',
    view: params.get('view') === 'groups' ? 'groups' : params.get('view') === 'rejected' ? 'rejected' : 'list',
    after: params.get('after') || null,
    finding: params.get('finding') || null,
  };
}

/**
 * `current` with the filter replaced by `filter`; sort, direction, view and the open finding stay,
 * the page cursor goes (a new filter starts at page one).
 */
export function withFilter(current: URLSearchParams, filter: FindingFilterInput): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of ['sort', 'dir', 'view', 'finding']) {
    const value = current.get(key);
    if (value) next.set(key, value);
  }
  for (const [key, field] of Object.entries(LIST_KEYS) as [string, ListField][]) {
    const values = filter[field];
    if (field === 'statuses') {
      if (!values?.length) next.set(key, ANY_STATUS);
      else if (!sameSet(values, ACTIVE_STATUSES)) next.set(key, listText(values));
      continue;
    }
    if (values?.length) next.set(key, listText(values));
  }
  for (const [key, field] of Object.entries(TEXT_KEYS) as [string, TextField][]) {
    const value = filter[field]?.trim();
    if (value) next.set(key, value);
  }
  return next;
}

/** `current` with single parameters set (or removed, for null); any change but the open finding drops the cursor. */
export function withParams(current: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (Object.keys(changes).some((key) => key !== 'finding' && key !== 'after')) next.delete('after');
  return next;
}

/** The export route for `filter` (GET, the session cookie authenticates it). */
export function exportHref(filter: FindingFilterInput, format: 'csv' | 'ndjson'): string {
  const params = new URLSearchParams({ format });
  for (const field of Object.values(LIST_KEYS)) {
    // The export reads comma lists and drops empty entries: an empty value cannot be asked for there.
    const values = filter[field]?.filter(Boolean);
    if (values?.length) params.set(field, values.join(','));
  }
  for (const field of Object.values(TEXT_KEYS)) {
    const value = filter[field];
    if (value) params.set(field, value);
  }
  return `/api/v1/findings/export?${params.toString()}`;
}

export interface GroupKey {
  type: string;
  plant: string;
  line: string;
  flow: string;
  /** Start of the hour, ISO. */
  hour: string;
}

/**
 * The findings of one group: its type, plant, line, flow and hour, within the rest of the page's
 * filter (status, severity, order…), which the groups were counted with; so the count a row shows is
 * the count its actions and its "show" link apply to.
 */
export function groupFilter(group: GroupKey, page: FindingFilterInput): FindingFilterInput {
  const start = Date.parse(group.hour);
  const from = Math.max(start, page.from ? Date.parse(page.from) : -Infinity);
  const to = Math.min(start + 3600_000, page.to ? Date.parse(page.to) : Infinity);
  return {
    ...page,
    types: [group.type],
    plants: [group.plant],
    lines: [group.line],
    flows: [group.flow],
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** The filter the tiles count by: the page's, except type and status (a tile per type, every status). */
export function tilesFilter(filter: FindingFilterInput): FindingFilterInput {
  const rest = { ...filter };
  delete rest.types;
  delete rest.statuses;
  return rest;
}
