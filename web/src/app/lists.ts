/** "P1, P2,,P3" -> ['P1', 'P2', 'P3']: a comma-separated list as typed in a field or kept in a URL. */
export function splitList(v: string | null | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A custom range in the URL (`from` and `to`, ISO 8601, in order), or null. */
export function customRangeOf(params: URLSearchParams): { from: string; to: string } | null {
  const iso = (v: string | null) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null);
  const from = iso(params.get('from'));
  const to = iso(params.get('to'));
  return from && to && Date.parse(to) > Date.parse(from) ? { from, to } : null;
}
