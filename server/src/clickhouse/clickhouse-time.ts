/**
 * A ClickHouse DateTime64 as its text output ("2026-12-01 08:00:00.000", UTC) turned into ISO 8601
 * ("2026-12-01T08:00:00.000Z"). Values already in ISO form pass through.
 */
export function isoFromClickHouse(text: string): string {
  return text.includes('T') ? text : `${text.replace(' ', 'T')}Z`;
}

/** ClickHouse's DateTime64 text ("2026-12-01 08:00:00.000", UTC) for a JS time (a Date or epoch milliseconds). */
export function chTime(t: Date | number): string {
  return new Date(t).toISOString().replace('T', ' ').replace('Z', '');
}
