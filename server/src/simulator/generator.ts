import { plannedBreakAt } from './calendar';
import { OutageTimeline, SLOT_MS, covering, disturbancesInSlots, type DisturbanceSpec } from './disturbances';
import { OrderCache, createMessage } from './event-factory';
import { cumulativeFaultRates } from './faults';
import { isoFromMs, timeWriter } from './iso-time';
import { emitMessage, type AnchoredTruth, type MessageContext } from './message';
import type { PlantModel, SimAsset } from './plant-model';
import { Random, streamSeed } from './random';
import type { NetworkOutage, SimulatedBatch } from './simulated-batch';
import type { SimulatorOptions } from './simulator-options';
import { silentLines } from './silent-lines';
import { STREAM } from './streams';
import { validateSimulatorOptions } from './validate-options';

interface EventCore {
  timeMs: number;
  asset: SimAsset;
  k: number;
}

function slotRange(fromMs: number, toMs: number): [number, number] {
  return [Math.floor(fromMs / SLOT_MS), Math.ceil(toMs / SLOT_MS)];
}

function outageSpec(options: SimulatorOptions, plantNo: number): DisturbanceSpec {
  const o = options.outages;
  return {
    seed: options.seed,
    tag: STREAM.outage,
    key: plantNo,
    probabilityPerSlot: o.perPlantPerDay / 24,
    minMinutes: o.minMinutes,
    maxMinutes: o.maxMinutes,
  };
}

/** Network outages of each plant that start in [fromMs, toMs): for charts and for scoring late data. */
export function networkOutages(model: PlantModel, options: SimulatorOptions, fromMs: number, toMs: number): NetworkOutage[] {
  const [fromSlot, toSlot] = slotRange(fromMs, toMs);
  const out: NetworkOutage[] = [];
  for (const p of model.plants) {
    for (const i of disturbancesInSlots(outageSpec(options, p.plantNo), fromSlot, toSlot)) {
      if (i.startMs >= fromMs && i.startMs < toMs) {
        out.push({ plant: p.id, start: isoFromMs(i.startMs), end: isoFromMs(i.endMs), startMs: i.startMs, endMs: i.endMs });
      }
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || (a.plant < b.plant ? -1 : 1));
}

/**
 * Everything that happens in [fromMs, toMs): device events with their hops, postings and injected
 * faults. Deterministic for (options, fromMs, toMs) and composable: each hour slot of each asset
 * draws from its own stream, so generating [a, b) then [b, c) gives exactly the records of [a, c),
 * in the same order (by event time). Records caused by an event stay in the event's window even
 * when their own time falls after toMs.
 */
export function generateWindow(model: PlantModel, options: SimulatorOptions, fromMs: number, toMs: number): SimulatedBatch {
  const problem = validateSimulatorOptions(options);
  if (problem) throw new Error(`invalid simulator options: ${problem}`);
  if (model.seed !== options.seed) throw new Error('generateWindow: build the model from the same options (seeds differ)');
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs))
    throw new Error('generateWindow: fromMs and toMs must be epoch milliseconds');
  const out: SimulatedBatch = { deviceEvents: [], hops: [], erpPostings: [], groundTruth: [] };
  if (toMs <= fromMs) return out;
  const [fromSlot, toSlot] = slotRange(fromMs, toMs);

  const outages = model.plants.map((p) => new OutageTimeline(outageSpec(options, p.plantNo), fromSlot));
  const truth: AnchoredTruth[] = [];
  const silences = silentLines(model, options, fromMs, toMs, truth);

  const time = timeWriter(options.timestampFormat);
  const ctx: MessageContext = { options, faultCumulative: cumulativeFaultRates(options), out, truth, time };
  const enabled = options.flows;
  const flowWeights = enabled.map((f) => options.flowMix[f]);
  const orders = new OrderCache(model);
  const meanGapMs = options.eventsPerAssetPerHour > 0 ? SLOT_MS / options.eventsPerAssetPerHour : Infinity;
  const cores: EventCore[] = [];

  for (let slot = fromSlot; slot < toSlot && meanGapMs !== Infinity; slot++) {
    const slotStart = slot * SLOT_MS;
    const slotEnd = slotStart + SLOT_MS;
    cores.length = 0;
    for (const asset of model.assets) {
      // Arrival times are a Poisson process; every arrival of the slot is drawn (and numbered k)
      // whatever the window, then filtered, so a window edge never shifts the numbering.
      const arrivals = new Random(streamSeed(options.seed, STREAM.arrivals, asset.key, slot));
      const plant = model.plants[asset.plantNo - 1];
      let t = slotStart;
      for (let k = 1; ; k++) {
        t += arrivals.exponential(meanGapMs);
        if (t >= slotEnd) break;
        const ms = Math.floor(t);
        if (ms < fromMs || ms >= toMs) continue;
        if (plannedBreakAt(plant.calendar, ms) !== undefined) continue;
        if (covering(silences[asset.lineIndex], ms) !== undefined) continue;
        cores.push({ timeMs: ms, asset, k });
      }
    }
    cores.sort((a, b) => a.timeMs - b.timeMs || a.asset.key - b.asset.key || a.k - b.k);
    for (const c of cores) {
      const rng = new Random(streamSeed(options.seed, STREAM.event, c.asset.key, slot, c.k));
      const flow = enabled[rng.weighted(flowWeights)];
      const order = orders.at(model.lines[c.asset.lineIndex], c.asset.lineIndex, c.timeMs);
      const msg = createMessage(rng, options, flow, c.asset, order, c.timeMs, slot, c.k, time);
      emitMessage(ctx, rng, msg, outages[c.asset.plantNo - 1].at(c.timeMs));
    }
  }

  truth.sort(
    (a, b) =>
      a.anchorMs - b.anchorMs || (a.record.fault_id < b.record.fault_id ? -1 : a.record.fault_id > b.record.fault_id ? 1 : 0),
  );
  for (const t of truth) out.groundTruth.push(t.record);
  return out;
}
