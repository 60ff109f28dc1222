import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamps';

const T = Date.UTC(2026, 10, 21, 7, 0, 0, 123); // 2026-11-21T07:00:00.123Z

describe('parseTimestamp', () => {
  it('normalizes ISO 8601 with any offset to UTC epoch microseconds', () => {
    expect(parseTimestamp('2026-11-21T07:00:00.123Z')).toBe(T * 1000);
    expect(parseTimestamp('2026-11-21T08:00:00.123+01:00')).toBe(T * 1000);
    expect(parseTimestamp('2026-11-21 02:00:00.123-0500')).toBe(T * 1000);
    expect(parseTimestamp('2026-11-21T07:00:00.123456Z')).toBe(T * 1000 + 456);
  });

  it('accepts epoch milliseconds and nanoseconds, as numbers or digit strings', () => {
    expect(parseTimestamp(T)).toBe(T * 1000);
    expect(parseTimestamp(String(T))).toBe(T * 1000);
    expect(parseTimestamp(`${T}456789`)).toBe(T * 1000 + 456);
  });

  it('refuses what it cannot place in time, saying why', () => {
    expect(parseTimestamp('2026-11-21T07:00:00')).toMatch(/no UTC offset/);
    expect(parseTimestamp(Math.floor(T / 1000))).toMatch(/epoch seconds are not accepted/);
    expect(parseTimestamp('yesterday')).toMatch(/is not an ISO 8601 time/);
    expect(parseTimestamp('1970-01-01T00:00:00Z')).toMatch(/outside 2000-2100/);
    expect(parseTimestamp(null)).toMatch(/must be an ISO 8601/);
    expect(parseTimestamp('2026-13-45T07:00:00Z')).toMatch(/not a valid date/);
  });
});

describe('calendar dates', () => {
  it('refuses days that do not exist instead of rolling them into the next month', () => {
    expect(parseTimestamp('2026-11-31T08:00:00.000Z')).toMatch(/2026-11-31 does not exist/);
    expect(parseTimestamp('2026-02-29T08:00:00+01:00')).toMatch(/2026-02-29 does not exist/);
    expect(parseTimestamp('2028-02-29T08:00:00.000Z')).toBe(Date.UTC(2028, 1, 29, 8) * 1000);
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29) * 1000);
  });
});
