import type { SimulatorOptions } from './simulator-options';
import { FAULT_TYPES, MESSAGE_FAULT_TYPES, SIM_FLOWS, SIM_STAGES } from './simulator-vocabulary';

const DAY_MIN = 24 * 60;

function intIn(v: number, min: number, max: number): boolean {
  return Number.isInteger(v) && v >= min && v <= max;
}

function numIn(v: number, min: number, max: number): boolean {
  return Number.isFinite(v) && v >= min && v <= max;
}

/**
 * What is wrong with the options (naming the option and, where there is one, its CLI flag), or
 * undefined. The generator relies on these bounds: e.g. outage and silence lengths bound how far back
 * it looks for a disturbance that started in an earlier time slot.
 */
export function validateSimulatorOptions(o: SimulatorOptions): string | undefined {
  if (!intIn(o.seed, 0, 0xffffffff)) return `seed (--seed): must be an integer from 0 to 4294967295, got ${o.seed}`;
  if (!intIn(o.plants, 1, 99)) return `plants (--plants): must be an integer from 1 to 99, got ${o.plants}`;
  if (!intIn(o.linesPerPlant, 1, 99)) return `linesPerPlant (--lines): must be an integer from 1 to 99, got ${o.linesPerPlant}`;
  if (!intIn(o.assetsPerLine, 1, 99)) return `assetsPerLine (--assets): must be an integer from 1 to 99, got ${o.assetsPerLine}`;
  if (!numIn(o.eventsPerAssetPerHour, 0, 3600)) {
    return `eventsPerAssetPerHour (--rate): must be from 0 to 3600, got ${o.eventsPerAssetPerHour}`;
  }
  if (o.flows.length === 0) return `flows (--flows): at least one of ${SIM_FLOWS.join(', ')}`;
  for (const f of o.flows) if (!SIM_FLOWS.includes(f)) return `flows (--flows): unknown flow "${String(f)}"`;
  for (const f of SIM_FLOWS) {
    if (!numIn(o.flowMix[f], 0, 1e6)) return `flowMix.${f}: must be a weight >= 0, got ${o.flowMix[f]}`;
    if (!numIn(o.slaMinutes[f], 1, 10_080)) return `slaMinutes.${f} (--sla): must be from 1 to 10080, got ${o.slaMinutes[f]}`;
    if (!numIn(o.tolerancePct[f], 0, 100))
      return `tolerancePct.${f} (--tolerance): must be from 0 to 100, got ${o.tolerancePct[f]}`;
  }
  if (!o.flows.some((f) => o.flowMix[f] > 0)) return 'flowMix: at least one enabled flow needs a weight above 0';
  for (const t of FAULT_TYPES) {
    if (!numIn(o.faultRates[t], 0, 1))
      return `faultRates.${t} (--fault-rate): must be a probability from 0 to 1, got ${o.faultRates[t]}`;
  }
  const sum = MESSAGE_FAULT_TYPES.reduce((s, t) => s + o.faultRates[t], 0);
  if (sum > 1 + 1e-9) {
    return `faultRates (--fault-rate): the per-message rates (all but silent_line) are exclusive and sum to ${sum}; at most 1 is allowed`;
  }
  for (const s of SIM_STAGES) {
    const l = o.stageLatency[s];
    if (!l || !numIn(l.medianMs, 0.001, 3_600_000) || !numIn(l.sigma, 0, 5)) {
      return `stageLatency.${s}: medianMs must be from 0.001 to 3600000 and sigma from 0 to 5`;
    }
    if (!numIn(l.tailProbability, 0, 1) || !numIn(l.tailMinMs, 0, 86_400_000) || !numIn(l.tailMaxMs, l.tailMinMs, 86_400_000)) {
      return `stageLatency.${s}: tailProbability must be from 0 to 1 and 0 <= tailMinMs <= tailMaxMs <= 86400000`;
    }
  }
  if (!numIn(o.transientRetryRate, 0, 1))
    return `transientRetryRate (--retry-rate): must be from 0 to 1, got ${o.transientRetryRate}`;
  const out = o.outages;
  if (!numIn(out.perPlantPerDay, 0, 24))
    return `outages.perPlantPerDay (--outages-per-day): must be from 0 to 24, got ${out.perPlantPerDay}`;
  if (
    !numIn(out.minMinutes, 1, DAY_MIN) ||
    !numIn(out.maxMinutes, out.minMinutes, DAY_MIN) ||
    !numIn(out.flushSeconds, 0, 3600)
  ) {
    return 'outages: need 1 <= minMinutes <= maxMinutes <= 1440 and flushSeconds from 0 to 3600';
  }
  const sil = o.silentLine;
  if (!numIn(sil.minMinutes, 1, 7 * DAY_MIN) || !numIn(sil.maxMinutes, sil.minMinutes, 7 * DAY_MIN)) {
    return 'silentLine: need 1 <= minMinutes <= maxMinutes <= 10080';
  }
  if (o.shifts.length === 0) return 'shifts: at least one shift';
  for (let i = 0; i < o.shifts.length; i++) {
    const s = o.shifts[i];
    if (!intIn(s.startMinute, 0, DAY_MIN - 1) || (i > 0 && s.startMinute <= o.shifts[i - 1].startMinute)) {
      return 'shifts: startMinute must be whole minutes from 0 to 1439, in increasing order';
    }
  }
  if (o.calendars.length === 0) return 'calendars: at least one calendar (it may have no breaks)';
  for (const c of o.calendars) {
    for (const b of c.breaks) {
      if (
        b.days.some((d) => !intIn(d, 0, 6)) ||
        !intIn(b.startMinute, 0, DAY_MIN - 1) ||
        !numIn(b.durationMinutes, 1, 7 * DAY_MIN)
      ) {
        return `calendars: break "${b.reason}" needs days from 0 (Sunday) to 6, startMinute 0..1439 and durationMinutes 1..10080`;
      }
    }
  }
  if (!intIn(o.orderHours, 1, 720)) return `orderHours (--order-hours): must be whole hours from 1 to 720, got ${o.orderHours}`;
  if (o.timestampFormat !== 'iso' && o.timestampFormat !== 'epoch_ms') {
    return `timestampFormat (--timestamps): must be iso or epoch_ms, got ${String(o.timestampFormat)}`;
  }
  if (!numIn(o.backfillDays, 0, 90))
    return `backfillDays (--days): must be from 0 to 90 (the retention of hops), got ${o.backfillDays}`;
  if (!numIn(o.speed, 0.001, 100_000)) return `speed (--speed): must be from 0.001 to 100000, got ${o.speed}`;
  return undefined;
}
