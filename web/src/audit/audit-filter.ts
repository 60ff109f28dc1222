import type { AuditFilterInput } from '../gql/graphql';

/** The outcomes the server records (AuditFilterInput.outcome). */
export const OUTCOMES = ['success', 'failure', 'denied'] as const;

const TEXT_KEYS = ['actor', 'operation', 'outcome', 'from', 'to'] as const;

/**
 * The audit filter as it sits in the URL (?actor=…&operation=…&outcome=…&from=…&to=…), so a view of
 * the trail can be bookmarked and shared. from/to are ISO 8601 instants (UTC), whatever the zone of
 * whoever opens the link.
 */
export function filterFromParams(params: URLSearchParams): AuditFilterInput {
  const filter: AuditFilterInput = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** The URL parameters for `filter`; the page cursor is dropped, as a new filter starts at page one. */
export function paramsFromFilter(filter: AuditFilterInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}
