import { describe, expect, it } from 'vitest';
import { plannedBreakAt, shiftAt } from './calendar';
import { DEFAULT_SIMULATOR_OPTIONS } from './simulator-options';

const [weekendCalendar, nightlyCalendar] = DEFAULT_SIMULATOR_OPTIONS.calendars;
// 2026-11-21 is a Saturday.
const at = (day: number, h: number, m = 0) => Date.UTC(2026, 10, day, h, m);

describe('plannedBreakAt', () => {
  it('covers a weekend that spans two midnights, and nothing outside it', () => {
    expect(plannedBreakAt(weekendCalendar, at(21, 5, 59))).toBeUndefined();
    expect(plannedBreakAt(weekendCalendar, at(21, 6))?.reason).toBe('weekend');
    expect(plannedBreakAt(weekendCalendar, at(22, 12))?.reason).toBe('weekend');
    expect(plannedBreakAt(weekendCalendar, at(23, 5, 59))?.reason).toBe('weekend');
    expect(plannedBreakAt(weekendCalendar, at(23, 6))).toBeUndefined();
    expect(plannedBreakAt(weekendCalendar, at(18, 3))).toBeUndefined();
  });

  it('covers a nightly break every day', () => {
    for (const day of [16, 17, 18, 19, 20, 21]) {
      expect(plannedBreakAt(nightlyCalendar, at(day, 2, 30))?.reason).toBe('nightly maintenance');
      expect(plannedBreakAt(nightlyCalendar, at(day, 3))).toBeUndefined();
    }
    expect(plannedBreakAt(nightlyCalendar, at(22, 12))).toBeUndefined(); // runs on Sundays
  });
});

describe('shiftAt', () => {
  it('names the shift, with the night shift running past midnight', () => {
    const shifts = DEFAULT_SIMULATOR_OPTIONS.shifts;
    expect(shiftAt(shifts, at(18, 6)).name).toBe('early');
    expect(shiftAt(shifts, at(18, 13, 59)).name).toBe('early');
    expect(shiftAt(shifts, at(18, 14)).name).toBe('late');
    expect(shiftAt(shifts, at(18, 23)).name).toBe('night');
    expect(shiftAt(shifts, at(18, 2)).name).toBe('night');
  });
});
