import { describe, expect, it } from 'vitest';
import { calendarShifts, simulatorMasterData } from './master-data';
import { DEFAULT_SIMULATOR_OPTIONS } from './simulator-options';

describe("the simulator's master data as a plant admin enters it", () => {
  it('turns a weekend break into shifts from Monday 06:00 to Saturday 06:00', () => {
    const shifts = calendarShifts(DEFAULT_SIMULATOR_OPTIONS.calendars[0]);
    expect(shifts[0]).toEqual({ weekday: 1, start: '06:00', end: '00:00' });
    expect(shifts.at(-1)).toEqual({ weekday: 6, start: '00:00', end: '06:00' });
    expect(shifts.filter((s) => s.weekday === 7)).toEqual([]);
  });

  it('turns a nightly maintenance hour into daily shifts around it', () => {
    const shifts = calendarShifts(DEFAULT_SIMULATOR_OPTIONS.calendars[1]);
    expect(shifts.filter((s) => s.weekday === 3)).toEqual([
      { weekday: 3, start: '00:00', end: '02:00' },
      { weekday: 3, start: '03:00', end: '00:00' },
    ]);
  });

  it('gives every plant a calendar and every material a cost', () => {
    const data = simulatorMasterData(DEFAULT_SIMULATOR_OPTIONS);
    expect(data.calendars.map((c) => c.plant)).toEqual(['P1', 'P2', 'P3']);
    expect(data.calendars[0].silentMinutes).toBe(25);
    expect(data.costs.length).toBeGreaterThan(3);
    expect(data.conversions).toContainEqual({ material: 'FG-1002', from_unit: 'EA', to_unit: 'CS', factor: 1 / 12 });
  });
});
