import { plannedBreakAt } from './calendar';
import { MATERIALS, UNIT_CONVERSIONS, buildPlantModel, type UnitConversion } from './plant-model';
import type { PlantCalendar, SimulatorOptions } from './simulator-options';

const MONDAY = Date.UTC(2026, 10, 2); // any Monday: the calendars repeat weekly
const DAY_MINUTES = 1440;

export interface ShiftRow {
  /** 1 = Monday ... 7 = Sunday */
  weekday: number;
  start: string;
  end: string;
}

/**
 * The simulator's plant calendar (planned breaks, UTC) as the shifts a plant admin would enter in
 * Syncline: the working time of each weekday, split at midnight.
 */
export function calendarShifts(calendar: PlantCalendar): ShiftRow[] {
  const hhmm = (m: number) => `${String(Math.floor((m % DAY_MINUTES) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const working = Array.from({ length: 7 * DAY_MINUTES }, (_, m) => plannedBreakAt(calendar, MONDAY + m * 60_000) === undefined);
  const shifts: ShiftRow[] = [];
  for (let m = 0; m < working.length;) {
    if (!working[m]) {
      m++;
      continue;
    }
    const midnight = (Math.floor(m / DAY_MINUTES) + 1) * DAY_MINUTES;
    let end = m;
    while (end < midnight && working[end]) end++;
    shifts.push({ weekday: Math.floor(m / DAY_MINUTES) + 1, start: hhmm(m), end: hhmm(end) });
    m = end;
  }
  return shifts;
}

/** What a plant admin would enter for the simulated plant: conversions, standard costs, calendars. */
export function simulatorMasterData(options: SimulatorOptions): {
  conversions: readonly UnitConversion[];
  costs: { material: string; cost: number; unit: string }[];
  calendars: { plant: string; timezone: string; silentMinutes: number; shifts: ShiftRow[]; stops: []; holidays: [] }[];
} {
  const model = buildPlantModel(options);
  return {
    conversions: UNIT_CONVERSIONS,
    costs: MATERIALS.map((m) => ({ material: m.material, cost: m.standardCost, unit: m.plantUnit })),
    calendars: model.plants.map((p) => ({
      plant: p.id,
      timezone: 'UTC',
      // Below the simulator's shortest silence, far above a normal gap between a line's events.
      silentMinutes: Math.max(1, options.silentLine.minMinutes - 5),
      shifts: calendarShifts(p.calendar),
      stops: [],
      holidays: [],
    })),
  };
}
