import type { DeadLetterFilterInput } from '../gql/graphql';

/**
 * The "Rejected messages" view's state in the URL (next to the findings' own parameters):
 *   ?view=rejected&rstatus=open|redelivered|discarded|all&rreason=not_json&rafter=<cursor>
 * No `rstatus` means the open letters (what still needs someone).
 */

export const LETTER_STATUSES = ['open', 'redelivered', 'discarded'] as const;
export const ANY = 'all';

/** What each reason code means, in words for the person triaging. */
export const REASON_LABELS: Record<string, string> = {
  not_json: 'Not JSON',
  not_object: 'Not an object',
  topic_mismatch: 'Contradicts its topic',
  validation: 'Invalid event',
};

export function reasonLabel(code: string): string {
  return REASON_LABELS[code] ?? code;
}

export interface RejectedState {
  filter: DeadLetterFilterInput;
  status: string;
  reason: string;
  after: string | null;
}

export function rejectedFromParams(params: URLSearchParams): RejectedState {
  const rawStatus = params.get('rstatus')?.trim() || 'open';
  const status = rawStatus === ANY || (LETTER_STATUSES as readonly string[]).includes(rawStatus) ? rawStatus : 'open';
  const reason = params.get('rreason')?.trim() ?? '';
  const filter: DeadLetterFilterInput = {};
  if (status !== ANY) filter.statuses = [status];
  if (reason) filter.reasons = [reason];
  return { filter, status, reason, after: params.get('rafter') || null };
}

/** The changes to the URL that pick a status and a reason (and go back to the first page). */
export function rejectedParams(status: string, reason: string): Record<string, string | null> {
  return { rstatus: status === 'open' ? null : status, rreason: reason || null, rafter: null };
}

/** The payload as a person reads it: indented JSON when it is JSON, else exactly as it came. */
export function prettyPayload(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

export interface CountRow {
  source: string;
  reason: string;
  open: number;
  redelivered: number;
  discarded: number;
}

/** Counts by source, reason and status, pivoted to a row per source and reason (most open first). */
export function pivotCounts(counts: readonly { source: string; reason: string; status: string; count: number }[]): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const c of counts) {
    const key = `${c.source}\u0000${c.reason}`;
    const row = rows.get(key) ?? { source: c.source, reason: c.reason, open: 0, redelivered: 0, discarded: 0 };
    if (c.status === 'open' || c.status === 'redelivered' || c.status === 'discarded') row[c.status] += c.count;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.open - a.open || a.source.localeCompare(b.source) || a.reason.localeCompare(b.reason),
  );
}

/** "1 rejected message", "12 rejected messages". */
export function lettersText(n: number): string {
  return `${n.toLocaleString('en')} rejected message${n === 1 ? '' : 's'}`;
}
