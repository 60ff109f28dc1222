import { describe, expect, it } from 'vitest';
import { daysFromCivil, isoMillisZToMicros, parseTimestamp } from './timestamps';

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

describe("daysFromCivil and the direct path's ISO reader", () => {
  it('counts days as Date.UTC does, every day from 1999 to 2101 (leap years, century and 400-year rules)', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2102, 0, 1); ms += 86_400_000) {
      const d = new Date(ms);
      const days = daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (days * 86_400_000 !== ms) wrong.push(d.toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('reads toISOString() times as Date.parse does, to the millisecond', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(2000, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 86_400_000 * 7 + 3_723_456) {
      const iso = new Date(ms).toISOString();
      if (isoMillisZToMicros(Buffer.from(iso), 0, 24) !== Date.parse(iso) * 1000) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });
});

describe('epoch nanoseconds', () => {
  it('keeps microseconds exactly, as the slow path does, over the whole 2000-2100 range', () => {
    const wrong: string[] = [];
    for (let us = Date.UTC(2000, 0, 1) * 1000 + 7; us < Date.UTC(2100, 0, 1) * 1000; us += 86_400_000_000 * 13 + 123_457) {
      const ns = `${us}${String(us % 1000).padStart(3, '0')}`;
      if (ns.length === 19 && parseTimestamp(ns) !== us) wrong.push(ns);
    }
    expect(wrong).toEqual([]);
    expect(parseTimestamp('1763700000123456789')).toBe(1_763_700_000_123_456);
    expect(parseTimestamp('17637000001234567x9')).toMatch(/is not/);
    expect(parseTimestamp('0903700000123456789')).toMatch(/outside 2000-2100/); // 1998
  });
});
