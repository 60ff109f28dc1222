import { describe, expect, it } from 'vitest';
import { holidayInterval, isTimeZone, localMidnightUtc, shiftIntervals, WEEK_MINUTES, plantTimeMs } from './calendar';

describe('plant calendars', () => {
  it('turns shifts into minutes of the week, splitting the night shift and the one that wraps past Sunday', () => {
    expect(shiftIntervals({ weekday: 1, start: '06:00', end: '14:00' })).toEqual([[360, 840]]);
    expect(shiftIntervals({ weekday: 3, start: '22:00', end: '06:00' })).toEqual([[2 * 1440 + 1320, 3 * 1440 + 360]]);
    expect(shiftIntervals({ weekday: 7, start: '22:00', end: '06:00' })).toEqual([
      [6 * 1440 + 1320, WEEK_MINUTES],
      [0, 360],
    ]);
    expect(shiftIntervals({ weekday: 2, start: '00:00', end: '00:00' })).toEqual([[1440, 2880]]);
  });

  it('finds local midnight in a zone, across daylight saving time', () => {
    // Dates of next year, so the test never ages: summer (UTC+2), winter (UTC+1) and the day the
    // clocks go forward (the last Sunday of March), which is 23 hours long in Berlin.
    const year = new Date().getUTCFullYear() + 1;
    const day = (month: number, date: number) => new Date(Date.UTC(year, month - 1, date)).toISOString().slice(0, 10);
    expect(localMidnightUtc(day(7, 1), 'Europe/Berlin')).toBe(Date.UTC(year, 5, 30, 22));
    expect(localMidnightUtc(day(1, 15), 'Europe/Berlin')).toBe(Date.UTC(year, 0, 14, 23));
    expect(localMidnightUtc(day(3, 10), 'UTC')).toBe(Date.UTC(year, 2, 10));
    const lastSundayOfMarch = 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const [from, to] = holidayInterval(day(3, lastSundayOfMarch), 'Europe/Berlin');
    expect((to - from) / 3_600_000).toBe(23);
  });

  it('knows which time zones exist', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('plantTimeMs', () => {
  it("reads a time without an offset as the plant's wall clock, across DST", () => {
    expect(new Date(plantTimeMs('2026-12-24T06:00', 'Europe/Berlin')).toISOString()).toBe('2026-12-24T05:00:00.000Z');
    expect(new Date(plantTimeMs('2026-07-01T06:00:30', 'Europe/Berlin')).toISOString()).toBe('2026-07-01T04:00:30.000Z');
    expect(new Date(plantTimeMs('2026-12-24 06:00', 'America/Chicago')).toISOString()).toBe('2026-12-24T12:00:00.000Z');
  });

  it('keeps a time with an offset or Z as written, and gives NaN for no time', () => {
    expect(plantTimeMs('2026-12-24T06:00Z', 'Europe/Berlin')).toBe(Date.parse('2026-12-24T06:00:00Z'));
    expect(plantTimeMs('2026-12-24T06:00+02:00', 'Europe/Berlin')).toBe(Date.parse('2026-12-24T04:00:00Z'));
    expect(plantTimeMs('Christmas', 'Europe/Berlin')).toBeNaN();
    expect(plantTimeMs('2026-12-24', 'Europe/Berlin')).toBeNaN();
  });
});
