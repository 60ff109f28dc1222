import { describe, expect, it } from 'vitest';
import type { ErpPostingInput } from '../ingest/records/erp-posting.record';
import type { HopInput } from '../ingest/records/hop.record';
import { plannedBreakAt } from './calendar';
import { SLOT_MS } from './disturbances';
import { generateWindow } from './generator';
import { MATERIALS, buildPlantModel } from './plant-model';
import { isOutageConsequence, type GroundTruthRecord, type SimulatedBatch } from './simulated-batch';
import { DEFAULT_SIMULATOR_OPTIONS, type SimulatorOptions } from './simulator-options';
import { MESSAGE_FAULT_TYPES, type FaultType, type SimFlow } from './simulator-vocabulary';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TUESDAY = Date.UTC(2026, 10, 17);
const ms = (v: string | number | null | undefined): number => (typeof v === 'number' ? v : Date.parse(String(v)));

function generate(options: SimulatorOptions, from: number, to: number): SimulatedBatch {
  return generateWindow(buildPlantModel(options), options, from, to);
}

function countByType(truth: GroundTruthRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of truth) if (!isOutageConsequence(g)) out[g.fault_type] = (out[g.fault_type] ?? 0) + 1;
  return out;
}

/** |observed - n p| within 5 binomial standard deviations (a false alarm about once in 3 million). */
function expectRate(observed: number, n: number, p: number, label: string): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(observed - n * p), `${label}: ${observed} seen, ${(n * p).toFixed(1)} expected`).toBeLessThanOrEqual(
    5 * sd + 1,
  );
}

const NO_OUTAGES: SimulatorOptions = {
  ...DEFAULT_SIMULATOR_OPTIONS,
  outages: { ...DEFAULT_SIMULATOR_OPTIONS.outages, perPlantPerDay: 0 },
};

describe('injected fault rates', { timeout: 30_000 }, () => {
  it('match the default rates over a day of the default plant', () => {
    const batch = generate(NO_OUTAGES, TUESDAY, TUESDAY + DAY);
    const n = batch.deviceEvents.length;
    expect(n).toBeGreaterThan(20_000);
    const counts = countByType(batch.groundTruth);
    for (const t of MESSAGE_FAULT_TYPES) expectRate(counts[t] ?? 0, n, NO_OUTAGES.faultRates[t], t);
  });

  it('follow raised rates, each type separately', () => {
    const rates = {
      dropped_message: 0.03,
      duplicate_posting: 0.05,
      wrong_quantity: 0.04,
      late_posting: 0.06,
      orphan_posting: 0.02,
      failed_hop: 0.035,
      reversal_of_duplicate: 0.025,
      silent_line: 0,
    } satisfies Record<FaultType, number>;
    const options = { ...NO_OUTAGES, faultRates: rates };
    const batch = generate(options, TUESDAY, TUESDAY + DAY);
    const counts = countByType(batch.groundTruth);
    for (const t of MESSAGE_FAULT_TYPES) expectRate(counts[t] ?? 0, batch.deviceEvents.length, rates[t], t);
  });

  it('silence lines at the configured rate per line and working hour', () => {
    const options = { ...NO_OUTAGES, faultRates: { ...NO_OUTAGES.faultRates, silent_line: 0.05 } };
    const model = buildPlantModel(options);
    const from = TUESDAY;
    const to = TUESDAY + 4 * DAY;
    const batch = generateWindow(model, options, from, to);
    // A silence is only drawn to start in working time: weight each hour by its working share.
    let lineHours = 0;
    for (const plant of model.plants) {
      for (let t = from; t < to; t += 60_000) if (!plannedBreakAt(plant.calendar, t)) lineHours += plant.lines.length / 60;
    }
    const silences = batch.groundTruth.filter((g) => g.fault_type === 'silent_line');
    expectRate(silences.length, Math.round(lineHours), 0.05, 'silent_line');
    for (const s of silences) expect(Math.floor(ms(s.injected_at) / SLOT_MS) * SLOT_MS).toBeGreaterThanOrEqual(from);
  });
});

describe('ground truth matches what was produced', { timeout: 30_000 }, () => {
  const options: SimulatorOptions = {
    ...DEFAULT_SIMULATOR_OPTIONS,
    faultRates: {
      dropped_message: 0.03,
      duplicate_posting: 0.03,
      wrong_quantity: 0.03,
      late_posting: 0.03,
      orphan_posting: 0.03,
      failed_hop: 0.03,
      reversal_of_duplicate: 0.03,
      silent_line: 0.01,
    },
    outages: { ...DEFAULT_SIMULATOR_OPTIONS.outages, perPlantPerDay: 4 },
  };
  const batch = generate(options, TUESDAY, TUESDAY + DAY);
  const events = new Map(batch.deviceEvents.map((e) => [e.event_id, e]));
  const postingsByEvent = new Map<string, ErpPostingInput[]>();
  for (const p of batch.erpPostings) {
    if (!p.device_event_id) continue;
    const list = postingsByEvent.get(p.device_event_id) ?? [];
    list.push(p);
    postingsByEvent.set(p.device_event_id, list);
  }
  const documents = new Map(batch.erpPostings.map((p) => [p.document_id, p]));
  const reversed = new Set(batch.erpPostings.map((p) => p.reverses_document_id).filter(Boolean));
  const hopsByEvent = new Map<string, HopInput[]>();
  for (const h of batch.hops) {
    const list = hopsByEvent.get(h.business_key!) ?? [];
    list.push(h);
    hopsByEvent.set(h.business_key!, list);
  }
  const ofType = (t: FaultType) => batch.groundTruth.filter((g) => g.fault_type === t && !isOutageConsequence(g));
  const slaMs = (flow: string) => options.slaMinutes[flow as SimFlow] * 60_000;
  const expectedErpQty = (eventId: string) => {
    const e = events.get(eventId)!;
    const m = MATERIALS.find((x) => x.material === e.material);
    return m ? e.quantity! * m.toErpFactor : e.quantity!;
  };

  it('has every kind of fault to check', () => {
    for (const t of MESSAGE_FAULT_TYPES) expect(ofType(t).length, t).toBeGreaterThan(50);
    expect(batch.groundTruth.some(isOutageConsequence)).toBe(true);
  });

  it('dropped_message: the last hop is dropped and nothing is posted', () => {
    for (const g of ofType('dropped_message')) {
      const hops = hopsByEvent.get(g.device_event_id)!;
      expect(hops[hops.length - 1]).toMatchObject({ status: 'dropped', correlation_id: g.correlation_id });
      expect(hops.length).toBeLessThan(6);
      expect(postingsByEvent.get(g.device_event_id)).toBeUndefined();
    }
  });

  it('failed_hop: attempts 1..n at one stage, retry then a final error, and nothing is posted', () => {
    for (const g of ofType('failed_hop')) {
      const hops = hopsByEvent.get(g.device_event_id)!;
      const failing = hops.filter((h) => h.status !== 'ok');
      expect(failing.length).toBeGreaterThanOrEqual(2);
      expect(new Set(failing.map((h) => h.stage)).size).toBe(1);
      expect(failing.map((h) => h.attempt)).toEqual(failing.map((_, i) => i + 1));
      expect(failing.map((h) => h.status)).toEqual([...failing.slice(1).map(() => 'retry'), 'error']);
      expect(hops[hops.length - 1].status).toBe('error');
      expect(failing.every((h) => h.error_code)).toBe(true);
      expect(postingsByEvent.get(g.device_event_id)).toBeUndefined();
    }
  });

  it('duplicate_posting: two postings reference the event and neither is reversed', () => {
    for (const g of ofType('duplicate_posting')) {
      const postings = postingsByEvent.get(g.device_event_id)!;
      expect(postings.map((p) => p.document_id)).toEqual(g.document_ids);
      expect(postings).toHaveLength(2);
      expect(postings[0].quantity).toBe(postings[1].quantity);
      expect(g.document_ids.some((d) => reversed.has(d))).toBe(false);
      expect(hopsByEvent.get(g.device_event_id)!.filter((h) => h.stage === 'erp_posting')).toHaveLength(2);
    }
  });

  it('reversal_of_duplicate: the third posting reverses the duplicate with the opposite quantity, later', () => {
    for (const g of ofType('reversal_of_duplicate')) {
      const [first, duplicate, reversal] = g.document_ids.map((id) => documents.get(id)!);
      expect(postingsByEvent.get(g.device_event_id)).toHaveLength(3);
      expect(reversal.reverses_document_id).toBe(duplicate.document_id);
      expect(reversal.quantity).toBe(-duplicate.quantity!);
      expect(first.reverses_document_id ?? null).toBeNull();
      expect(ms(reversal.posted_at)).toBeGreaterThan(ms(duplicate.posted_at));
    }
  });

  it('wrong_quantity: the posted quantity is off by more than the flow tolerance', () => {
    for (const g of ofType('wrong_quantity')) {
      const [posting] = postingsByEvent.get(g.device_event_id)!;
      const expected = expectedErpQty(g.device_event_id);
      const off = Math.abs(posting.quantity! - expected) / Math.abs(expected);
      expect(off, g.details).toBeGreaterThan(options.tolerancePct[g.flow as SimFlow] / 100);
      expect(posting.document_id).toBe(g.document_ids[0]);
    }
  });

  it('late_posting: posted later than the SLA after the event', () => {
    for (const g of batch.groundTruth.filter((x) => x.fault_type === 'late_posting')) {
      const posting = documents.get(g.document_ids[0])!;
      expect(ms(posting.posted_at) - ms(events.get(g.device_event_id)!.event_time)).toBeGreaterThan(slaMs(g.flow));
    }
  });

  it('orphan_posting: the posting references no generated event', () => {
    for (const g of ofType('orphan_posting')) {
      const posting = documents.get(g.document_ids[0])!;
      expect(g.correlation_id).toBe('');
      expect(posting.device_event_id ?? '').toBe(g.device_event_id);
      if (posting.device_event_id) expect(events.has(posting.device_event_id)).toBe(false);
      expect(posting.attributes?.entered_by).toBe('manual');
    }
  });

  it('records every anomaly: events without ground truth post once, on time, with the converted quantity', () => {
    const explained = new Set(batch.groundTruth.map((g) => g.device_event_id));
    const problems: string[] = [];
    for (const e of batch.deviceEvents) {
      if (explained.has(e.event_id)) continue;
      const postings = postingsByEvent.get(e.event_id) ?? [];
      if (postings.length !== 1) problems.push(`${e.event_id}: ${postings.length} postings`);
      else {
        const p = postings[0];
        if (ms(p.posted_at) - ms(e.event_time) > slaMs(String(e.attributes?.flow))) problems.push(`${e.event_id}: late`);
        if (Math.abs(p.quantity! - expectedErpQty(e.event_id)) > 1e-9) problems.push(`${e.event_id}: quantity ${p.quantity}`);
      }
      const hops = hopsByEvent.get(e.event_id)!;
      if (hops.some((h) => h.status === 'dropped' || h.status === 'error')) problems.push(`${e.event_id}: failed hop`);
    }
    const referenced = new Set(batch.groundTruth.flatMap((g) => g.document_ids));
    for (const p of batch.erpPostings) {
      if (!p.device_event_id || !events.has(p.device_event_id)) {
        if (!referenced.has(p.document_id)) problems.push(`${p.document_id}: orphan not in ground truth`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('converts pieces to cases of 12 on the ERP side', () => {
    const faulty = new Set(batch.groundTruth.map((g) => g.device_event_id));
    const cased = batch.deviceEvents.filter((e) => e.material === 'FG-1002' && !faulty.has(e.event_id));
    expect(cased.length).toBeGreaterThan(100);
    for (const e of cased.slice(0, 200)) {
      const [p] = postingsByEvent.get(e.event_id)!;
      expect(e.unit).toBe('EA');
      expect(p.unit).toBe('CS');
      expect(p.quantity! * 12).toBeCloseTo(e.quantity!, 9);
    }
  });
});
