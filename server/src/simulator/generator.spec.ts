import { describe, expect, it } from 'vitest';
import type { HopInput } from '../ingest/records/hop.record';
import { deviceEventSpec } from '../ingest/records/device-event.record';
import { erpPostingSpec } from '../ingest/records/erp-posting.record';
import { hopSpec } from '../ingest/records/hop.record';
import type { NormalizeContext } from '../ingest/records/record-spec';
import { BASE_STAGES, EVENT_TYPES, HOP_STATUSES } from '../domain/vocabulary';
import { UnitTable } from '../ingest/units/unit-table';
import { deviceEventArrivals } from './delivery';
import { generateWindow, networkOutages } from './generator';
import { MATERIALS, buildPlantModel } from './plant-model';
import { isOutageConsequence, type SimulatedBatch } from './simulated-batch';
import { DEFAULT_SIMULATOR_OPTIONS, type SimulatorOptions } from './simulator-options';
import { SIM_FLOWS, SIM_STAGES } from './simulator-vocabulary';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2026, 10, 16); // 2026-11-16, a Monday

const ms = (v: string | number | null | undefined): number => (typeof v === 'number' ? v : Date.parse(String(v)));

function generate(options: SimulatorOptions, from: number, to: number): SimulatedBatch {
  return generateWindow(buildPlantModel(options), options, from, to);
}

function concat(parts: SimulatedBatch[]): SimulatedBatch {
  return {
    deviceEvents: parts.flatMap((p) => p.deviceEvents),
    hops: parts.flatMap((p) => p.hops),
    erpPostings: parts.flatMap((p) => p.erpPostings),
    groundTruth: parts.flatMap((p) => p.groundTruth),
  };
}

/** The first record that differs between two batches ('' when equal): cheaper than toEqual on 100k records. */
function firstDifference(a: SimulatedBatch, b: SimulatedBatch): string {
  for (const key of ['deviceEvents', 'hops', 'erpPostings', 'groundTruth'] as const) {
    const x = a[key].map((r) => JSON.stringify(r));
    const y = b[key].map((r) => JSON.stringify(r));
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (x[i] !== y[i]) return `${key}[${i}] of ${x.length} vs ${y.length}: ${x[i]} vs ${y[i]}`;
    }
  }
  return '';
}

function hopsByCorrelation(hops: HopInput[]): Map<string, HopInput[]> {
  const m = new Map<string, HopInput[]>();
  for (const h of hops) {
    const list = m.get(h.correlation_id);
    if (list) list.push(h);
    else m.set(h.correlation_id, [h]);
  }
  return m;
}

/** Busy disturbances, so windows cut through outages and silences. */
const DISTURBED: SimulatorOptions = {
  ...DEFAULT_SIMULATOR_OPTIONS,
  outages: { ...DEFAULT_SIMULATOR_OPTIONS.outages, perPlantPerDay: 12 },
  faultRates: { ...DEFAULT_SIMULATOR_OPTIONS.faultRates, silent_line: 0.05 },
};

describe('generateWindow: determinism and composability', { timeout: 30_000 }, () => {
  it('gives deep-equal output for the same seed and different output for another', () => {
    const a = generate(DEFAULT_SIMULATOR_OPTIONS, MONDAY + 6 * HOUR, MONDAY + 12 * HOUR);
    const b = generate(DEFAULT_SIMULATOR_OPTIONS, MONDAY + 6 * HOUR, MONDAY + 12 * HOUR);
    expect(a.deviceEvents.length).toBeGreaterThan(1000);
    expect(firstDifference(a, b)).toBe('');
    const c = generate({ ...DEFAULT_SIMULATOR_OPTIONS, seed: 2 }, MONDAY + 6 * HOUR, MONDAY + 12 * HOUR);
    expect(c.deviceEvents.map((e) => e.event_time)).not.toEqual(a.deviceEvents.map((e) => e.event_time));
  });

  it('gives exactly the records of [a, c) when generating [a, b) then [b, c), wherever b falls', () => {
    const a = MONDAY + 3 * HOUR;
    const c = a + 22 * HOUR;
    const whole = generate(DISTURBED, a, c);
    expect(whole.groundTruth.some((g) => g.fault_type === 'silent_line')).toBe(true);
    expect(whole.hops.some((h) => h.attributes?.buffered === true)).toBe(true);
    const b1 = a + 5 * HOUR + 17 * 60_000 + 13_457; // mid-slot
    const b2 = MONDAY + 17 * HOUR; // slot boundary
    const parts = [generate(DISTURBED, a, b1), generate(DISTURBED, b1, b2), generate(DISTURBED, b2, c)];
    expect(parts.every((p) => p.deviceEvents.length > 0 && p.groundTruth.length > 0)).toBe(true);
    expect(firstDifference(concat(parts), whole)).toBe('');
  });

  it('orders device events by time and keeps them inside the window', () => {
    const from = MONDAY + 8 * HOUR + 123;
    const to = MONDAY + 9 * HOUR + 456;
    const batch = generate(DEFAULT_SIMULATOR_OPTIONS, from, to);
    const times = batch.deviceEvents.map((e) => ms(e.event_time));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(from);
    expect(Math.max(...times)).toBeLessThan(to);
    expect(new Set(batch.deviceEvents.map((e) => e.event_id)).size).toBe(batch.deviceEvents.length);
  });

  it('produces about eventsPerAssetPerHour per asset over working time', () => {
    const options = { ...DEFAULT_SIMULATOR_OPTIONS, faultRates: { ...DEFAULT_SIMULATOR_OPTIONS.faultRates, silent_line: 0 } };
    const batch = generate(options, MONDAY, MONDAY + DAY);
    // Monday: P1 and P3 are in their weekend until 06:00 (18 h each), P2 stops 1 h for maintenance.
    const expected = 20 * 20 * (18 + 23 + 18);
    expect(Math.abs(batch.deviceEvents.length - expected)).toBeLessThan(5 * Math.sqrt(expected));
  });

  it('gives every hop a unique id, and each event one correlation id across its hops', () => {
    const batch = generate(DISTURBED, MONDAY + 6 * HOUR, MONDAY + 10 * HOUR);
    expect(new Set(batch.hops.map((h) => h.hop_id)).size).toBe(batch.hops.length);
    expect(new Set(batch.erpPostings.map((p) => p.document_id)).size).toBe(batch.erpPostings.length);
    const byCorrelation = hopsByCorrelation(batch.hops);
    expect(byCorrelation.size).toBe(batch.deviceEvents.length);
    for (const chain of byCorrelation.values()) {
      expect(new Set(chain.map((h) => h.business_key)).size).toBe(1);
    }
  });
});

describe('generateWindow: hop chains', { timeout: 30_000 }, () => {
  const batch = generate(DEFAULT_SIMULATOR_OPTIONS, MONDAY + 6 * HOUR, MONDAY + 18 * HOUR);
  const faulty = new Set(batch.groundTruth.filter((g) => !isOutageConsequence(g)).map((g) => g.device_event_id));
  const chains = hopsByCorrelation(batch.hops);
  const events = new Map(batch.deviceEvents.map((e) => [e.event_id, e]));
  const postings = new Map(batch.erpPostings.filter((p) => p.device_event_id).map((p) => [p.device_event_id, p]));

  it('sends every clean message through the 6 stages in order, each hop after its parent', () => {
    let clean = 0;
    let retried = 0;
    const problems: string[] = [];
    for (const chain of chains.values()) {
      const eventId = chain[0].business_key!;
      if (faulty.has(eventId)) continue;
      clean++;
      const bad = (what: string) => problems.push(`${eventId}: ${what}`);
      const ok = chain.filter((h) => h.status === 'ok');
      if (ok.map((h) => h.stage).join() !== SIM_STAGES.join()) bad(`stages ${ok.map((h) => h.stage).join()}`);
      // A transient ERP API failure shows as one extra retry hop: normal noise, not a fault.
      const other = chain.filter((h) => h.status !== 'ok');
      if (other.length) {
        retried++;
        const o = other[0];
        if (
          other.length > 1 ||
          o.stage !== 'erp_api' ||
          o.status !== 'retry' ||
          o.attempt !== 1 ||
          o.error_code !== 'ERP_503_UNAVAILABLE'
        ) {
          bad('unexpected non-ok hops');
        }
      }
      for (let i = 1; i < chain.length; i++)
        if (ms(chain[i].start_time) < ms(chain[i - 1].start_time)) bad(`hop ${i} starts earlier`);
      if (ok[0].parent_hop_id !== null) bad('device hop has a parent');
      if (ms(ok[0].start_time) !== ms(events.get(eventId)!.event_time)) bad('device hop not at event time');
      for (let i = 1; i < ok.length; i++) {
        if (ok[i].parent_hop_id !== ok[i - 1].hop_id) bad(`${ok[i].stage} parent`);
        if (ms(ok[i].start_time) < ms(ok[i - 1].end_time)) bad(`${ok[i].stage} starts before its parent ends`);
      }
      for (const h of chain) if (ms(h.end_time) < ms(h.start_time)) bad(`${h.stage} ends before it starts`);
      const last = ok[5];
      const posting = postings.get(eventId);
      if (!posting || last.attributes?.document_id !== posting.document_id) bad('posting hop does not name the posting');
      else if (ms(posting.posted_at) !== ms(last.end_time)) bad('posted_at is not the posting hop end');
    }
    expect(problems).toEqual([]);
    expect(clean).toBeGreaterThan(batch.deviceEvents.length * 0.85);
    expect(retried).toBeGreaterThan(0);
  });

  it('links every hop, faulty or not, to a parent that exists in its chain and started before it', () => {
    const stageIndex = (h: HopInput) => (SIM_STAGES as readonly string[]).indexOf(h.stage);
    const problems: string[] = [];
    for (const chain of chains.values()) {
      const byId = new Map(chain.map((h) => [h.hop_id, h]));
      if (chain.filter((h) => h.parent_hop_id === null).length !== 1) problems.push(`${chain[0].business_key}: roots`);
      for (const h of chain) {
        if (h.parent_hop_id === null) continue;
        const parent = byId.get(h.parent_hop_id!);
        if (!parent) problems.push(`${h.hop_id}: no parent`);
        else if (stageIndex(parent) >= stageIndex(h) || ms(h.start_time) < ms(parent.start_time))
          problems.push(`${h.hop_id}: parent order`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('carries the event as the payload and the ERP unit on the ERP stages', () => {
    const problems: string[] = [];
    for (const chain of chains.values()) {
      const event = events.get(chain[0].business_key!)!;
      const erpUnit = MATERIALS.find((m) => m.material === event.material)?.erpUnit ?? 'EA';
      for (const h of chain) {
        if (h.payload !== event) problems.push(`${h.hop_id}: payload`);
        if (h.unit !== (h.stage === 'erp_api' || h.stage === 'erp_posting' ? erpUnit : event.unit))
          problems.push(`${h.hop_id}: unit`);
      }
    }
    expect(problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(batch.hops[0].payload))).toEqual(events.get(batch.hops[0].business_key!));
  });

  it('has long-tailed latency: p99 event-to-posting far above the median, all within the SLA when clean', () => {
    const lags: number[] = [];
    for (const p of batch.erpPostings) {
      if (!p.device_event_id || faulty.has(p.device_event_id) || p.flow !== 'production_confirmation') continue;
      lags.push(ms(p.posted_at) - ms(events.get(p.device_event_id)!.event_time));
    }
    lags.sort((a, b) => a - b);
    const p50 = lags[Math.floor(lags.length / 2)];
    const p99 = lags[Math.floor(lags.length * 0.99)];
    expect(p50).toBeGreaterThan(3_000);
    expect(p50).toBeLessThan(60_000);
    expect(p99 / p50).toBeGreaterThan(4);
    expect(lags[lags.length - 1]).toBeGreaterThan(60_000); // occasional multi-minute tail
    expect(lags[lags.length - 1]).toBeLessThanOrEqual(15 * 60_000);
  });
});

describe('generateWindow: shifts, outages and silent lines', { timeout: 30_000 }, () => {
  it('produces no events in planned breaks: weekends, nightly maintenance', () => {
    const batch = generate(DEFAULT_SIMULATOR_OPTIONS, MONDAY - 3 * DAY, MONDAY + 2 * DAY); // Fri 16 Nov - Tue
    const at = (plant: string) => batch.deviceEvents.filter((e) => e.plant === plant).map((e) => new Date(ms(e.event_time)));
    const p1 = at('P1');
    const inWeekend = (d: Date) =>
      (d.getUTCDay() === 6 && d.getUTCHours() >= 6) || d.getUTCDay() === 0 || (d.getUTCDay() === 1 && d.getUTCHours() < 6);
    expect(p1.filter(inWeekend)).toEqual([]);
    expect(p1.some((d) => d.getUTCDay() === 5)).toBe(true);
    expect(p1.some((d) => d.getUTCDay() === 6 && d.getUTCHours() === 5)).toBe(true);
    const p2 = at('P2');
    expect(p2.filter((d) => d.getUTCHours() === 2)).toEqual([]);
    expect(p2.some((d) => d.getUTCHours() === 3)).toBe(true);
    expect(p2.some((d) => d.getUTCDay() === 0)).toBe(true);
    expect(at('P3').filter((d) => d.getUTCHours() === 2 && d.getUTCMinutes() < 30)).toEqual([]);
  });

  it('buffers during a network outage: device hop at event time, gateway hop once the link is back', () => {
    const from = MONDAY + 6 * HOUR;
    const to = MONDAY + 30 * HOUR;
    const batch = generate(DISTURBED, from, to);
    const outages = networkOutages(buildPlantModel(DISTURBED), DISTURBED, from - DAY, to);
    expect(outages.length).toBeGreaterThan(10);
    const device = new Map(batch.hops.filter((h) => h.stage === 'device').map((h) => [h.business_key, h]));
    const gateways = new Map(batch.hops.filter((h) => h.stage === 'gateway').map((h) => [h.business_key, h]));
    const arrivals = deviceEventArrivals(batch);
    let buffered = 0;
    const problems: string[] = [];
    for (const e of batch.deviceEvents) {
      const t = ms(e.event_time);
      const covering = outages.filter((o) => o.plant === e.plant && o.startMs <= t && t < o.endMs);
      const gateway = gateways.get(e.event_id)!;
      if (ms(device.get(e.event_id)!.start_time) !== t) problems.push(`${e.event_id}: device hop not at event time`);
      if (arrivals.get(e.event_id) !== ms(gateway.start_time)) problems.push(`${e.event_id}: arrival`);
      if (covering.length) {
        buffered++;
        if (ms(gateway.start_time) < Math.max(...covering.map((o) => o.endMs)))
          problems.push(`${e.event_id}: forwarded during the outage`);
        if (gateway.attributes?.buffered !== true) problems.push(`${e.event_id}: not marked buffered`);
      } else if (ms(gateway.start_time) - t >= 60_000) problems.push(`${e.event_id}: late without an outage`);
    }
    expect(problems).toEqual([]);
    expect(buffered).toBeGreaterThan(100);
  });

  it('silences a line: no events on it for the whole recorded period', () => {
    const batch = generate(DISTURBED, MONDAY + 6 * HOUR, MONDAY + 30 * HOUR);
    const silences = batch.groundTruth.filter((g) => g.fault_type === 'silent_line');
    expect(silences.length).toBeGreaterThan(3);
    for (const s of silences) {
      const [, from, to] = /from (\S+) to (\S+)/.exec(s.details)!;
      const inside = batch.deviceEvents.filter(
        (e) => e.line === s.line && ms(e.event_time) >= ms(from) && ms(e.event_time) < ms(to),
      );
      expect(inside).toEqual([]);
      expect(ms(to) - ms(from)).toBeGreaterThanOrEqual(30 * 60_000);
      expect(ms(s.injected_at)).toBe(ms(from));
    }
  });
});

describe('generateWindow: record shapes', { timeout: 30_000 }, () => {
  // Close to now, so the ingest's retention check accepts every record.
  const from = Math.floor(Date.now() / HOUR) * HOUR - 12 * HOUR;
  const options = {
    ...DEFAULT_SIMULATOR_OPTIONS,
    faultRates: { ...DEFAULT_SIMULATOR_OPTIONS.faultRates, dropped_message: 0.05, failed_hop: 0.05, reversal_of_duplicate: 0.05 },
  };
  const units = ['EA', 'CS', 'BOX', 'PAL', 'KG', 'G', 'T', 'LB', 'L', 'ML', 'M3', 'M', 'MM', 'M2', 'H', 'MIN', 'S'];
  const ctx: NormalizeContext = {
    units: new UnitTable(units.map((code) => ({ code, aliases: [] }))),
    plants: null,
    stages: new Set(BASE_STAGES),
  };

  for (const format of ['iso', 'epoch_ms'] as const) {
    it(`passes the ingest's own validation (${format} times)`, () => {
      const batch = generate({ ...options, timestampFormat: format }, from, from + 12 * HOUR);
      expect(batch.deviceEvents.length).toBeGreaterThan(100);
      const events = deviceEventSpec('simulator');
      const postings = erpPostingSpec('simulator');
      const refused = [
        ...batch.deviceEvents.map((e) => events.toRow(e, ctx)),
        ...batch.hops.map((h) => hopSpec.toRow(h, ctx)),
        ...batch.erpPostings.map((p) => postings.toRow(p, ctx)),
      ].filter((r) => !Array.isArray(r));
      expect(refused).toEqual([]);
      const sample = batch.hops[0].start_time;
      expect(typeof sample).toBe(format === 'iso' ? 'string' : 'number');
      if (typeof sample === 'string') expect(sample).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
  }

  it('uses only the vocabulary: event types, stages, statuses, flows', () => {
    const batch = generate(options, MONDAY + 6 * HOUR, MONDAY + 12 * HOUR);
    const eventTypes: readonly string[] = EVENT_TYPES;
    const statuses: readonly string[] = HOP_STATUSES;
    const flows: readonly string[] = SIM_FLOWS;
    const stages: readonly string[] = SIM_STAGES;
    const bad = [
      ...batch.deviceEvents.filter(
        (e) =>
          !(e.event_id && e.plant && e.line && e.asset) ||
          !eventTypes.includes(e.event_type) ||
          !flows.includes(String(e.attributes?.flow)),
      ),
      ...batch.hops.filter(
        (h) =>
          !(h.hop_id && h.correlation_id && h.business_key && h.start_time && h.end_time) ||
          !stages.includes(h.stage) ||
          !statuses.includes(h.status) ||
          !eventTypes.includes(String(h.event_type)) ||
          !(h.attempt! >= 1),
      ),
      ...batch.erpPostings.filter(
        (p) => !(p.document_id && p.plant && p.posted_at) || !flows.includes(p.posting_type) || p.flow !== p.posting_type,
      ),
    ];
    expect(bad).toEqual([]);
    expect(new Set(batch.hops.map((h) => h.status))).toEqual(new Set(HOP_STATUSES));
  });

  it('refuses a model built from other options', () => {
    expect(() =>
      generateWindow(buildPlantModel(DEFAULT_SIMULATOR_OPTIONS), { ...DEFAULT_SIMULATOR_OPTIONS, seed: 9 }, 0, 1),
    ).toThrow(/same options/);
    expect(() => generate({ ...DEFAULT_SIMULATOR_OPTIONS, plants: 0 }, 0, 1)).toThrow(/plants/);
  });
});
