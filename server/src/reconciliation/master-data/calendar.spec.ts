import { describe, expect, it } from 'vitest';
import { holidayInterval, isTimeZone, localMidnightUtc, shiftIntervals, WEEK_MINUTES } from './calendar';

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
    expect(new Date(localMidnightUtc('2026-07-01', 'Europe/Berlin')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(localMidnightUtc('2026-01-15', 'Europe/Berlin')).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(new Date(localMidnightUtc('2026-03-10', 'UTC')).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    // The day the clocks go forward is 23 hours long.
    const [from, to] = holidayInterval('2026-03-29', 'Europe/Berlin');
    expect((to - from) / 3_600_000).toBe(23);
  });

  it('knows which time zones exist', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
