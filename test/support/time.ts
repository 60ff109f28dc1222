// Test times relative to now: ingest refuses hops older than their 90-day retention and ClickHouse drops
// rows past their TTL, so a fixed date in a test starts failing some day with no code change.

export const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the UTC day this instant falls on. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A recent whole UTC day, two days back: well inside every retention, and never in the future. */
export const DAY = utcDay(Date.now() - 2 * DAY_MS);

/** Epoch milliseconds of a UTC time of DAY (or of another 'YYYY-MM-DD' day), e.g. at('08:00') or at('08:00:00.250'). */
export function at(time: string, day: string = DAY): number {
  return Date.parse(`${day}T${time}Z`);
}

/** The most recent Wednesday at least two days back, as 'YYYY-MM-DD' (UTC). */
export function recentWednesday(): string {
  const ms = Date.now() - 2 * DAY_MS;
  const back = (new Date(ms).getUTCDay() - 3 + 7) % 7;
  return utcDay(ms - back * DAY_MS);
}
