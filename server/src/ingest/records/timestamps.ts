/**
 * Timestamps arrive as ISO 8601 with an offset, epoch milliseconds or epoch nanoseconds (number or
 * digit string). They leave as integer epoch microseconds (UTC), which ClickHouse reads into
 * DateTime64(6) as ticks with no string formatting on the hot path.
 */
export type TimestampResult = number | string; // number = epoch µs, string = what is wrong

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

export const TIMESTAMP_RULE =
  'an ISO 8601 time with a UTC offset (2026-11-21T08:00:00.123+01:00 or ...Z), epoch milliseconds or epoch nanoseconds';

function inRange(ms: number): boolean {
  return ms >= MIN_MS && ms < MAX_MS;
}

/** Whether day `day` exists in `month` (1-12) of `year`: Date.parse and Date.UTC roll 11-31 into 12-01. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function dayExists(year: number, month: number, day: number): boolean {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

/** The calendar date of an ISO string (YYYY-MM-DD...), if that day does not exist: the reason. */
function impossibleDate(value: string): string | undefined {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && dayExists(year, month, day)
    ? undefined
    : `"${value}" is not a valid date and time (${value.slice(0, 10)} does not exist)`;
}

function digits(buf: Buffer, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (year >= 0), as Date.UTC counts them, in integer
 * arithmetic (H. Hinnant's days_from_civil): no call into the Date builtin per timestamp.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The epoch µs of toISOString()'s shape, 2026-11-21T07:00:00.123Z, read from bytes (the direct
 * ingest path), when it has exactly that shape with every field in its usual range and the time
 * lies in 2000-2100; otherwise undefined and parseTimestamp decides. Within those ranges daysFromCivil
 * counts days as Date.parse does (parseTimestamp's own fast path), so both paths agree.
 */
export function isoMillisZToMicros(buf: Buffer, start: number, end: number): number | undefined {
  if (end - start !== 24) return undefined;
  const b = start;
  if (buf[b + 4] !== 45 || buf[b + 7] !== 45 || buf[b + 10] !== 84 || buf[b + 13] !== 58 || buf[b + 16] !== 58) return undefined;
  if (buf[b + 19] !== 46 || buf[b + 23] !== 90) return undefined;
  const year = digits(buf, b, 4);
  const month = digits(buf, b + 5, 2);
  const day = digits(buf, b + 8, 2);
  const hour = digits(buf, b + 11, 2);
  const minute = digits(buf, b + 14, 2);
  const second = digits(buf, b + 17, 2);
  const milli = digits(buf, b + 20, 3);
  if (year < 0 || month < 1 || month > 12 || !dayExists(year, month, day) || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return undefined;
  const ms = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + milli;
  return inRange(ms) ? ms * 1000 : undefined;
}

function fromDigits(digits: string): TimestampResult {
  if (digits.length >= 18 && digits.length <= 19) {
    // epoch ns: keep sub-millisecond precision that a JS number would lose
    const us = Number(digits.slice(0, -3));
    return inRange(us / 1000) ? us : `epoch nanoseconds ${digits} is outside 2000-2100`;
  }
  if (digits.length >= 12 && digits.length <= 13) {
    const ms = Number(digits);
    return inRange(ms) ? ms * 1000 : `epoch milliseconds ${digits} is outside 2000-2100`;
  }
  return `${digits} is neither epoch milliseconds (13 digits) nor epoch nanoseconds (19 digits); epoch seconds are not accepted`;
}

/** The epoch µs of 19 decimal digits of epoch ns (what fromDigits computes), undefined if any is not a digit. */
function epochNanosToMicros(value: string): number | undefined {
  let us = 0;
  for (let i = 0; i < 19; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    if (i < 16) us = us * 10 + d;
  }
  return us;
}

export function parseTimestamp(value: unknown): TimestampResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return `must be ${TIMESTAMP_RULE}`;
    if (value >= 1e17) {
      const us = Math.round(value / 1000);
      return inRange(us / 1000) ? us : `epoch nanoseconds ${value} is outside 2000-2100`;
    }
    if (value >= 1e11 && value < 1e14) {
      return inRange(value) ? Math.round(value * 1000) : `epoch milliseconds ${value} is outside 2000-2100`;
    }
    return `${value} is neither epoch milliseconds nor epoch nanoseconds; epoch seconds are not accepted`;
  }
  if (typeof value !== 'string') return `must be ${TIMESTAMP_RULE}`;
  // Fast path for the commonest shape, toISOString()'s 2026-11-21T07:00:00.123Z.
  if (
    value.length === 24 &&
    value.charCodeAt(23) === 90 /* Z */ &&
    value.charCodeAt(10) === 84 /* T */ &&
    value.charCodeAt(19) === 46
  ) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms) && inRange(ms) && impossibleDate(value) === undefined) return ms * 1000;
  }
  if (value.length === 19) {
    // Fast path for epoch ns as OTLP sends them: the µs are the first 16 digits, exact in a double.
    const us = epochNanosToMicros(value);
    if (us !== undefined) return inRange(us / 1000) ? us : `epoch nanoseconds ${value} is outside 2000-2100`;
  }
  const c0 = value.charCodeAt(0);
  if (value.length >= 12 && value.length <= 19 && c0 >= 48 && c0 <= 57 && /^\d+$/.test(value)) return fromDigits(value);
  if (!ISO_WITH_OFFSET.test(value)) {
    return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)
      ? `"${value}" has no UTC offset; add Z or +hh:mm`
      : `"${value}" is not ${TIMESTAMP_RULE}`;
  }
  const ms = Date.parse(value.replace(' ', 'T'));
  if (Number.isNaN(ms)) return `"${value}" is not a valid date and time`;
  const impossible = impossibleDate(value);
  if (impossible) return impossible;
  if (!inRange(ms)) return `"${value}" is outside 2000-2100`;
  // Date.parse keeps milliseconds only; restore microseconds from the fraction when given.
  const frac = /\.(\d{4,9})/.exec(value);
  const extraUs = frac ? Number(frac[1].slice(3, 6).padEnd(3, '0')) : 0;
  return ms * 1000 + extraUs;
}
