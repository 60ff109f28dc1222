/** Plant calendars: when lines should be running, in the plant's own time zone. Pure functions. */

export const WEEK_MINUTES = 7 * 1440;

export interface Shift {
  /** 1 = Monday ... 7 = Sunday (ISO), the day the shift starts. */
  weekday: number;
  /** "HH:MM" local time; an end at or before the start runs past midnight. */
  start: string;
  end: string;
}

export interface PlantCalendar {
  plant: string;
  timezone: string;
  silentMinutes: number;
  shifts: Shift[];
  stops: { startsAt: string; endsAt: string; reason: string }[];
  /** Local dates, "YYYY-MM-DD": the whole day is not working time. */
  holidays: string[];
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minuteOfDay(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`"${hhmm}" is not a time of day HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A shift as [start, end) minutes of the week (Monday 00:00 = 0), split where it wraps past Sunday. */
export function shiftIntervals(shift: Shift): [number, number][] {
  const start = (shift.weekday - 1) * 1440 + minuteOfDay(shift.start);
  let length = minuteOfDay(shift.end) - minuteOfDay(shift.start);
  if (length <= 0) length += 1440;
  const end = start + length;
  return end <= WEEK_MINUTES
    ? [[start, end]]
    : [
        [start, WEEK_MINUTES],
        [0, end - WEEK_MINUTES],
      ];
}

/** Whether `timezone` is an IANA zone this runtime knows (ClickHouse knows the same database). */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds to add to UTC to get local wall time in `timezone` at the instant `utcMs`. */
function offsetMs(utcMs: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant of local midnight starting `date` ("YYYY-MM-DD") in `timezone`. */
export function localMidnightUtc(date: string, timezone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let utc = wall - offsetMs(wall, timezone);
  utc = wall - offsetMs(utc, timezone); // once more across a DST change
  return utc;
}

/** A holiday as an absolute [from, to) interval in UTC milliseconds. */
export function holidayInterval(date: string, timezone: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return [localMidnightUtc(date, timezone), localMidnightUtc(next, timezone)];
}

const HAS_OFFSET = /[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?$/;

/**
 * An ISO 8601 time of a plant's calendar (a planned stop, a line silence) in UTC milliseconds: with an
 * offset or Z as written; without one, as the plant's wall clock in `timezone` ("2026-12-24T06:00" in
 * Europe/Berlin is 05:00 UTC), never the server's zone. NaN when it is no time.
 */
export function plantTimeMs(text: string, timezone: string): number {
  const t = text.trim();
  if (HAS_OFFSET.test(t)) return Date.parse(t);
  const m = LOCAL_DATE_TIME.exec(t);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  let utc = wall - offsetMs(wall, timezone);
  utc = wall - offsetMs(utc, timezone); // once more across a DST change
  return utc;
}
