import type { PlannedBreak, PlantCalendar, ShiftDefinition } from './simulator-options';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** 1970-01-01 was a Thursday; weekdays are 0 = Sunday like Date#getUTCDay. */
function weekday(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** The planned break in force at this time, if any. Breaks may span midnight and whole weekends. */
export function plannedBreakAt(calendar: PlantCalendar, epochMs: number): PlannedBreak | undefined {
  const day = Math.floor(epochMs / DAY_MS);
  for (const b of calendar.breaks) {
    const endMinute = b.startMinute + b.durationMinutes;
    const daysBack = Math.floor((endMinute - 1) / 1440);
    for (let k = 0; k <= daysBack; k++) {
      const start = (day - k) * DAY_MS + b.startMinute * MINUTE_MS;
      if (epochMs >= start && epochMs < start + b.durationMinutes * MINUTE_MS && b.days.includes(weekday(day - k))) return b;
    }
  }
  return undefined;
}

/** The shift running at this time; before the first shift of a day, the last one of the day before. */
export function shiftAt(shifts: readonly ShiftDefinition[], epochMs: number): ShiftDefinition {
  const minute = Math.floor((epochMs - Math.floor(epochMs / DAY_MS) * DAY_MS) / MINUTE_MS);
  let current = shifts[shifts.length - 1];
  for (const s of shifts) if (s.startMinute <= minute) current = s;
  return current;
}
