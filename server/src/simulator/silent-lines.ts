import { plannedBreakAt } from './calendar';
import { SLOT_MS, disturbancesInSlots, lookbackSlots, mergeIntervals, type Interval } from './disturbances';
import { isoFromMs } from './iso-time';
import type { AnchoredTruth } from './message';
import type { PlantModel } from './plant-model';
import type { SimulatorOptions } from './simulator-options';
import { STREAM } from './streams';

/**
 * Each line's silent periods that can reach into [fromMs, toMs), merged, by line index; records a
 * ground-truth silent_line for each silence that starts in the window. A silence is drawn per line
 * and hour at the silent_line rate, and only where it would start in working time: a stopped line
 * cannot fall silent.
 */
export function silentLines(
  model: PlantModel,
  options: SimulatorOptions,
  fromMs: number,
  toMs: number,
  truth: AnchoredTruth[],
): Interval[][] {
  const s = options.silentLine;
  // Only silences that start at or before an event can cover it, so nothing after the window matters.
  const fromSlot = Math.floor(fromMs / SLOT_MS) - lookbackSlots(s.maxMinutes);
  const toSlot = Math.ceil(toMs / SLOT_MS);
  return model.lines.map((line) => {
    const calendar = model.plants[line.plantNo - 1].calendar;
    const spec = {
      seed: options.seed,
      tag: STREAM.silence,
      key: line.key,
      probabilityPerSlot: options.faultRates.silent_line,
      minMinutes: s.minMinutes,
      maxMinutes: s.maxMinutes,
    };
    const raw = disturbancesInSlots(spec, fromSlot, toSlot).filter((i) => plannedBreakAt(calendar, i.startMs) === undefined);
    for (const i of raw) {
      if (i.startMs < fromMs || i.startMs >= toMs) continue;
      const minutes = Math.round((i.endMs - i.startMs) / 60_000);
      truth.push({
        anchorMs: i.startMs,
        record: {
          fault_id: `GT-${line.id}-${Math.floor(i.startMs / SLOT_MS)}-silent_line`,
          fault_type: 'silent_line',
          plant: line.plant,
          line: line.id,
          flow: '',
          device_event_id: '',
          document_ids: [],
          correlation_id: '',
          injected_at: isoFromMs(i.startMs),
          details: `line ${line.id} sends no events from ${isoFromMs(i.startMs)} to ${isoFromMs(i.endMs)} (${minutes} min)`,
        },
      });
    }
    return mergeIntervals(raw);
  });
}
