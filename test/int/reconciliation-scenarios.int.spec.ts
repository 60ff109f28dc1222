import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReconcileService } from '../../server/src/reconciliation/reconcile.service';
import { startTestApp, type TestApp } from '../support/app';
import {
  allFindings,
  asAdmin,
  deviceEvent,
  MIN,
  posting,
  reconcileNow,
  seed,
  summary,
  type FindingView,
} from '../support/reconcile';

/**
 * Adversarial reconciliation scenarios written from the specification only (../shared/product.md,
 * issue 10 "Findings" and "Rules", docs/reconciliation.md), as a plant controller would recognise
 * them. Each test seeds its own orders. Run both ways the product reads (the tables sorted by time,
 * and the copies sorted by device event), like reconciliation.int.spec.ts: the answers must be the same.
 */
const HOUR = 60 * MIN;

/**
 * The start (UTC) of the latest month that began at least `hours` hours ago: for runs "as of" a
 * moment that far into a month, whatever today's date.
 */
function monthStartAtLeast(hours: number): number {
  const d = new Date(Date.now() - hours * HOUR);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

describe.each<{ plan: string; env: Record<string, string> }>([
  { plan: 'the tables sorted by time', env: {} },
  { plan: 'the copies sorted by device event', env: { RECONCILE_BY_EVENT_FROM_HOURS: '0' } },
])('reconciliation scenarios, reading $plan', ({ env }) => {
  let app: TestApp;

  const admin = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
    asAdmin<T>(app.url, query, variables);
  const setRules = (input: Record<string, unknown>) =>
    admin('mutation($input: FlowRulesInput!) { updateFlowRules(input: $input) { version } }', { input });
  const setConversion = (material: string, fromUnit: string, toUnit: string, factor: number) =>
    admin('mutation($input: UnitConversionInput!) { setUnitConversion(input: $input) { factor } }', {
      input: { material, fromUnit, toUnit, factor },
    });
  const setCost = (material: string, cost: number, unit: string) =>
    admin('mutation($input: MaterialCostInput!) { setMaterialCost(input: $input) { cost } }', {
      input: { material, cost, unit },
    });
  const fullPass = () => admin('mutation { reconcileNow(sinceDays: 1) { runId } }');
  const ofOrder = (order: string) => allFindings(app.url, { orderId: order });
  const open = (found: FindingView[]) => summary(found.filter((f) => f.status === 'open'));

  beforeAll(async () => {
    app = await startTestApp(env);
    // Two flows of our own, so tolerance settings do not touch the seeded flows:
    // quality_notification (quality_hold): tolerance 1 absolute AND 2 %; stock_transfer (inventory_movement): exact.
    await setRules({
      flow: 'quality_notification',
      eventTypes: ['quality_hold'],
      postingTypes: ['quality_notification'],
      slaSeconds: 900,
      graceSeconds: 900,
      toleranceAbs: 1,
      tolerancePct: 2,
    });
    await setRules({
      flow: 'stock_transfer',
      eventTypes: ['inventory_movement'],
      postingTypes: ['stock_transfer'],
      slaSeconds: 900,
      graceSeconds: 900,
      toleranceAbs: 0,
      tolerancePct: 0,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a reversal that reaches Syncline before the posting it reverses still cancels it: no duplicate', async () => {
    const t = Date.now() - 60 * MIN;
    const o = { order_id: 'O-s1' };
    await seed(app.url, {
      events: [deviceEvent('s1-e', 60, { ...o, event_time: t })],
      postings: [posting('s1-r', 's1-e', 50, { ...o, quantity: -10, reverses_document_id: 's1-b' })],
    });
    await reconcileNow(app.url);
    await seed(app.url, {
      postings: [posting('s1-a', 's1-e', 58, o), posting('s1-b', 's1-e', 57, o)],
    });
    await reconcileNow(app.url);
    const found = await ofOrder('O-s1');
    expect(open(found)).toEqual([]);
    expect(found.filter((f) => f.type === 'duplicate_posting' && f.status === 'open')).toEqual([]);
  });

  it("a reversal cancels the document it names even when it carries another device event's reference", async () => {
    const t = Date.now() - 60 * MIN;
    const o = { order_id: 'O-s2', event_time: t };
    await seed(app.url, {
      events: [deviceEvent('s2-e1', 60, o), deviceEvent('s2-e2', 60, o)],
      postings: [
        posting('s2-a1', 's2-e1', 58, { order_id: 'O-s2' }),
        posting('s2-a2', 's2-e2', 58, { order_id: 'O-s2' }),
        posting('s2-b2', 's2-e2', 57, { order_id: 'O-s2' }), // the duplicate
        // The ERP clerk's reversal of s2-b2 carries s2-e1's reference (copied from the wrong line).
        posting('s2-r', 's2-e1', 50, { order_id: 'O-s2', quantity: -10, reverses_document_id: 's2-b2' }),
      ],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s2'))).toEqual([]);
  });

  it('a reversal without any device event reference cancels the duplicate it names, and is no orphan', async () => {
    await seed(app.url, {
      events: [deviceEvent('s3-e', 60, { order_id: 'O-s3' })],
      postings: [
        posting('s3-a', 's3-e', 58, { order_id: 'O-s3' }),
        posting('s3-b', 's3-e', 57, { order_id: 'O-s3' }),
        posting('s3-r', '', 50, { order_id: 'O-s3', quantity: -10, reverses_document_id: 's3-b' }),
      ],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s3'))).toEqual([]);
  });

  it('a duplicate whose postings are both late is a duplicate and a late posting, never a missing posting', async () => {
    await seed(app.url, {
      events: [deviceEvent('s4-e', 60, { order_id: 'O-s4' })],
      postings: [posting('s4-a', 's4-e', 30, { order_id: 'O-s4' }), posting('s4-b', 's4-e', 29, { order_id: 'O-s4' })],
    });
    await reconcileNow(app.url);
    const found = await ofOrder('O-s4');
    expect(open(found)).toEqual(['duplicate_posting:s4-e:open', 'late_posting:s4-e:open']);
    expect(found.find((f) => f.type === 'duplicate_posting')).toMatchObject({ deviceQuantity: 10, erpQuantity: 20, unit: 'EA' });
  });

  it('tolerance absolute AND percent: the larger one applies; exactly at it is no finding', async () => {
    // quality_notification: 1 absolute, 2 %.
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, qty: number) =>
      deviceEvent(id, 60, { order_id: `O-${id}`, event_type: 'quality_hold', quantity: qty, event_time: t });
    const po = (id: string, qty: number) =>
      posting(`${id}-d`, id, 55, { order_id: `O-${id}`, posting_type: 'quality_notification', quantity: qty });
    await seed(app.url, {
      events: [ev('s5-abs-at', 10), ev('s5-abs-over', 10), ev('s5-pct-at', 100), ev('s5-pct-over', 100)],
      postings: [po('s5-abs-at', 11), po('s5-abs-over', 11.5), po('s5-pct-at', 102), po('s5-pct-over', 102.5)],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s5-abs-at')).toEqual([]); // |10-11| = 1 = max(1, 0.2)
    expect(await ofOrder('O-s5-pct-at')).toEqual([]); // |100-102| = 2 = max(1, 2)
    expect(summary(await ofOrder('O-s5-abs-over'))).toEqual(['quantity_mismatch:s5-abs-over:open']);
    expect(summary(await ofOrder('O-s5-pct-over'))).toEqual(['quantity_mismatch:s5-pct-over:open']);
    const [f] = await ofOrder('O-s5-pct-over');
    expect(f).toMatchObject({ flow: 'quality_notification', deviceQuantity: 100, erpQuantity: 102.5, unit: 'EA' });
  });

  it('cases against pieces with a per-material conversion, and an absolute tolerance in the posting unit plus a percent', async () => {
    await setConversion('M-QCS', 'CS', 'EA', 12);
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, qty: number) =>
      deviceEvent(id, 60, {
        order_id: `O-${id}`,
        event_type: 'quality_hold',
        material: 'M-QCS',
        quantity: qty,
        unit: 'EA',
        event_time: t,
      });
    const po = (id: string, qty: number) =>
      posting(`${id}-d`, id, 55, {
        order_id: `O-${id}`,
        posting_type: 'quality_notification',
        material: 'M-QCS',
        quantity: qty,
        unit: 'CS',
      });
    await seed(app.url, {
      events: [ev('s6-abs-at', 120), ev('s6-abs-over', 120), ev('s6-pct-at', 1200), ev('s6-pct-over', 1200)],
      postings: [po('s6-abs-at', 11), po('s6-abs-over', 11.5), po('s6-pct-at', 102), po('s6-pct-over', 103)],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s6-abs-at')).toEqual([]); // 120 EA = 10 CS; 11 CS is 1 CS off = the absolute tolerance
    expect(await ofOrder('O-s6-pct-at')).toEqual([]); // 1200 EA = 100 CS; 102 CS is 2 % off
    expect(summary(await ofOrder('O-s6-abs-over'))).toEqual(['quantity_mismatch:s6-abs-over:open']);
    const [f] = await ofOrder('O-s6-pct-over');
    expect(f).toMatchObject({ type: 'quantity_mismatch', unit: 'CS', erpQuantity: 103 });
    expect(f.deviceQuantity).toBeCloseTo(100, 9);
  });

  it('exactly at a percent tolerance is no finding even when the decimals are not exact in binary (30 vs 30.3 at 1 %)', async () => {
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, qty: number) => deviceEvent(id, 60, { order_id: `O-${id}`, quantity: qty, event_time: t });
    const po = (id: string, qty: number) => posting(`${id}-d`, id, 55, { order_id: `O-${id}`, quantity: qty });
    await seed(app.url, {
      events: [ev('s7-up', 30), ev('s7-down', 30), ev('s7-over', 30)],
      postings: [po('s7-up', 30.3), po('s7-down', 29.7), po('s7-over', 30.31)],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s7-up')).toEqual([]);
    expect(await ofOrder('O-s7-down')).toEqual([]);
    expect(summary(await ofOrder('O-s7-over'))).toEqual(['quantity_mismatch:s7-over:open']);
  });

  it('an exact flow (tolerance 0): 700 g against 0.7 kg agree, 700 g against 0.701 kg do not', async () => {
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, qty: number, unit: string) =>
      deviceEvent(id, 60, {
        order_id: `O-${id}`,
        event_type: 'inventory_movement',
        material: 'M-FLOUR',
        quantity: qty,
        unit,
        event_time: t,
      });
    const po = (id: string, qty: number, unit: string) =>
      posting(`${id}-d`, id, 55, {
        order_id: `O-${id}`,
        posting_type: 'stock_transfer',
        material: 'M-FLOUR',
        quantity: qty,
        unit,
      });
    await seed(app.url, {
      events: [ev('s8-g-kg', 700, 'G'), ev('s8-kg-g', 0.7, 'KG'), ev('s8-bad', 700, 'G')],
      postings: [po('s8-g-kg', 0.7, 'KG'), po('s8-kg-g', 700, 'G'), po('s8-bad', 0.701, 'KG')],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s8-g-kg')).toEqual([]);
    expect(await ofOrder('O-s8-kg-g')).toEqual([]);
    const [f] = await ofOrder('O-s8-bad');
    expect(f).toMatchObject({ type: 'quantity_mismatch', flow: 'stock_transfer', unit: 'KG', erpQuantity: 0.701 });
    expect(f.deviceQuantity).toBeCloseTo(0.7, 9);
  });

  it('negative quantities (scrap corrections) compare by magnitude of the tolerance: -100 vs -102 at 2 % is no finding', async () => {
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, order: string, qty: number) =>
      deviceEvent(id, 60, { order_id: order, event_type: 'scrap', quantity: qty, event_time: t });
    const po = (id: string, order: string, qty: number) =>
      posting(`${id}-d`, id, 50, { order_id: order, posting_type: 'scrap_posting', quantity: qty });
    await seed(app.url, {
      events: [
        ev('s9-at', 'O-s9-at', -100),
        ev('s9-over', 'O-s9-over', -100),
        ev('s9-mix-1', 'O-s9-mix', 20),
        ev('s9-mix-2', 'O-s9-mix', -5),
        ev('s9-miss', 'O-s9-miss', -5),
      ],
      postings: [
        po('s9-at', 'O-s9-at', -102),
        po('s9-over', 'O-s9-over', -103),
        po('s9-mix-1', 'O-s9-mix', 20),
        po('s9-mix-2', 'O-s9-mix', -5),
      ],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s9-at')).toEqual([]);
    expect(await ofOrder('O-s9-mix')).toEqual([]);
    const [over] = await ofOrder('O-s9-over');
    expect(over).toMatchObject({ type: 'quantity_mismatch', flow: 'scrap_posting', deviceQuantity: -100, erpQuantity: -103 });
    const [miss] = await ofOrder('O-s9-miss');
    expect(miss).toMatchObject({ type: 'missing_posting', flow: 'scrap_posting', deviceQuantity: -5, unit: 'EA' });
  });

  it('device event types that do not post (production start/stop, downtime) never give a missing posting', async () => {
    await seed(app.url, {
      events: ['production_start', 'production_stop', 'downtime'].map((type, i) =>
        deviceEvent(`s10-${i}`, 90, { order_id: 'O-s10', event_type: type }),
      ),
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s10')).toEqual([]);
  });

  it('exactly at the SLA is on time, a second later is late; a posting stamped before its event (clock skew) is on time; SLA is per flow', async () => {
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, extra: Record<string, unknown> = {}) =>
      deviceEvent(id, 60, { order_id: `O-${id}`, event_time: t, ...extra });
    const po = (id: string, at: number, extra: Record<string, unknown> = {}) =>
      posting(`${id}-d`, id, 0, { order_id: `O-${id}`, posted_at: at, ...extra });
    await seed(app.url, {
      events: [
        ev('s11-at'),
        ev('s11-after'),
        ev('s11-skew'),
        ev('s11-gr', { event_type: 'goods_receipt' }), // goods_receipt: SLA 30 min
        ev('s11-pc'), // production_confirmation: SLA 15 min
      ],
      postings: [
        po('s11-at', t + 15 * MIN),
        po('s11-after', t + 15 * MIN + 1000),
        po('s11-skew', t - 30_000),
        po('s11-gr', t + 20 * MIN, { posting_type: 'goods_receipt' }),
        po('s11-pc', t + 20 * MIN),
      ],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s11-at')).toEqual([]);
    expect(await ofOrder('O-s11-skew')).toEqual([]);
    expect(await ofOrder('O-s11-gr')).toEqual([]);
    expect(summary(await ofOrder('O-s11-after'))).toEqual(['late_posting:s11-after:open']);
    expect(summary(await ofOrder('O-s11-pc'))).toEqual(['late_posting:s11-pc:open']);
  });

  it('a posting made within the SLA that reached Syncline late closes the missing posting with that reason, and is not late', async () => {
    await seed(app.url, { events: [deviceEvent('s12-e', 60, { order_id: 'O-s12' })] });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s12'))).toEqual(['missing_posting:s12-e:open']);
    await seed(app.url, { postings: [posting('s12-d', 's12-e', 50, { order_id: 'O-s12' })] }); // 10 min after the event
    await reconcileNow(app.url);
    const found = await ofOrder('O-s12');
    expect(summary(found)).toEqual(['missing_posting:s12-e:resolved_auto']);
    expect(found[0].resolution).toMatch(/was posted within the SLA; it reached Syncline late/);
  });

  it('a late posting that is then reversed leaves the event without a posting: one open missing posting, no open late posting', async () => {
    await seed(app.url, {
      events: [deviceEvent('s13-e', 90, { order_id: 'O-s13' })],
      postings: [posting('s13-d', 's13-e', 60, { order_id: 'O-s13' })], // 30 min after: late
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s13'))).toEqual(['late_posting:s13-e:open']);
    await seed(app.url, {
      postings: [posting('s13-r', 's13-e', 10, { order_id: 'O-s13', quantity: -10, reverses_document_id: 's13-d' })],
    });
    await reconcileNow(app.url);
    expect(open(await ofOrder('O-s13'))).toEqual(['missing_posting:s13-e:open']);
  });

  it('an ERP export that arrives hours later: no false orphan in the sliding window, and the recheck turns missing into late', async () => {
    await seed(app.url, { events: [deviceEvent('s14-e', 300, { order_id: 'O-s14' })] });
    await fullPass();
    expect(summary(await ofOrder('O-s14'))).toEqual(['missing_posting:s14-e:open']);
    await seed(app.url, { postings: [posting('s14-d', 's14-e', 20, { order_id: 'O-s14' })] });
    await reconcileNow(app.url); // the continuous window: the event is older than it, but Syncline has seen it
    expect((await ofOrder('O-s14')).filter((f) => f.type === 'orphan_posting')).toEqual([]);
    await fullPass();
    const found = await ofOrder('O-s14');
    expect(open(found)).toEqual(['late_posting:s14-e:open']);
    expect(found.find((f) => f.type === 'missing_posting')).toMatchObject({ status: 'resolved_auto' });
    expect(found.find((f) => f.type === 'missing_posting')!.resolution).toMatch(/^posting s14-d arrived .+ late$/);
  });

  it('an order whose events fall into two hourly buckets: buckets go by the event, and one bucket does not offset the other', async () => {
    let b = Math.floor(Date.now() / HOUR) * HOUR;
    if (Date.now() - b < 25 * MIN) b -= HOUR;
    const ev = (id: string, order: string, at: number) => deviceEvent(id, 0, { order_id: order, event_time: at });
    const po = (id: string, order: string, at: number, qty: number) =>
      posting(`${id}-d`, id, 0, { order_id: order, posted_at: at, quantity: qty });
    await seed(app.url, {
      events: [
        // O-s15-ok: booked right, one posting lands in the next hour.
        ev('s15-ok-1', 'O-s15-ok', b - 5 * MIN),
        ev('s15-ok-2', 'O-s15-ok', b + 10 * MIN),
        // O-s15-two: +2 in the first hour, -2 in the second: two mismatches, not zero.
        ev('s15-two-1', 'O-s15-two', b - 5 * MIN),
        ev('s15-two-2', 'O-s15-two', b + 10 * MIN),
      ],
      postings: [
        po('s15-ok-1', 'O-s15-ok', b + 3 * MIN, 10),
        po('s15-ok-2', 'O-s15-ok', b + 12 * MIN, 10),
        po('s15-two-1', 'O-s15-two', b - 4 * MIN, 12),
        po('s15-two-2', 'O-s15-two', b + 11 * MIN, 8),
      ],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s15-ok')).toEqual([]);
    const two = await ofOrder('O-s15-two');
    expect(summary(two)).toEqual(['quantity_mismatch:s15-two-1:open', 'quantity_mismatch:s15-two-2:open']);
    expect(two.map((f) => `${f.eventIds.join(',')}:${f.deviceQuantity}:${f.erpQuantity}`).sort()).toEqual([
      's15-two-1:10:12',
      's15-two-2:10:8',
    ]);
    expect(new Set(two.map((f) => f.id)).size).toBe(2);
  });

  it("compares an order's sums within a bucket (deviations net out), and leaves an unposted event out of them", async () => {
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, order: string, qty: number) => deviceEvent(id, 60, { order_id: order, quantity: qty, event_time: t });
    const po = (id: string, order: string, qty: number) => posting(`${id}-d`, id, 55, { order_id: order, quantity: qty });
    await seed(app.url, {
      events: [
        ev('s16-net-1', 'O-s16-net', 50),
        ev('s16-net-2', 'O-s16-net', 50),
        ev('s16-sum-1', 'O-s16-sum', 100),
        ev('s16-sum-2', 'O-s16-sum', 50), // never posted
        ev('s16-sum-3', 'O-s16-sum', 50),
      ],
      postings: [
        po('s16-net-1', 'O-s16-net', 52),
        po('s16-net-2', 'O-s16-net', 48),
        po('s16-sum-1', 'O-s16-sum', 100),
        po('s16-sum-3', 'O-s16-sum', 60),
      ],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s16-net')).toEqual([]);
    const found = await ofOrder('O-s16-sum');
    expect(found.map((f) => f.type).sort()).toEqual(['missing_posting', 'quantity_mismatch']);
    expect(found.find((f) => f.type === 'missing_posting')!.eventIds).toEqual(['s16-sum-2']);
    expect(found.find((f) => f.type === 'quantity_mismatch')).toMatchObject({
      deviceQuantity: 150,
      erpQuantity: 160,
      unit: 'EA',
    });
  });

  it('a quantity correction booked as a reversal and a new document closes the mismatch, with no duplicate or missing posting', async () => {
    const t = Date.now() - 60 * MIN;
    await seed(app.url, {
      events: [deviceEvent('s17-e', 60, { order_id: 'O-s17', quantity: 100, event_time: t })],
      postings: [posting('s17-a', 's17-e', 58, { order_id: 'O-s17', quantity: 90 })],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s17'))).toEqual(['quantity_mismatch:s17-e:open']);
    await seed(app.url, {
      postings: [
        posting('s17-r', 's17-e', 50, { order_id: 'O-s17', quantity: -90, reverses_document_id: 's17-a' }),
        posting('s17-b', 's17-e', 50, { order_id: 'O-s17', quantity: 100 }),
      ],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s17'))).toEqual(['quantity_mismatch:s17-e:resolved_auto']);
  });

  it('a reversal sent twice cancels once, and a reversal booked with a positive quantity cancels all the same', async () => {
    const t = Date.now() - 60 * MIN;
    const o = { order_id: 'O-s18' };
    await seed(app.url, {
      events: [deviceEvent('s18-e1', 60, { ...o, event_time: t }), deviceEvent('s18-e2', 60, { ...o, event_time: t })],
      postings: [
        posting('s18-a1', 's18-e1', 58, o),
        posting('s18-b1', 's18-e1', 57, o),
        posting('s18-r1', 's18-e1', 50, { ...o, quantity: -10, reverses_document_id: 's18-b1' }),
        posting('s18-r1x', 's18-e1', 49, { ...o, quantity: -10, reverses_document_id: 's18-b1' }), // sent again under a new number
        posting('s18-a2', 's18-e2', 58, o),
        posting('s18-b2', 's18-e2', 57, o),
        posting('s18-r2', 's18-e2', 50, { ...o, quantity: 10, reverses_document_id: 's18-b2' }),
      ],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s18'))).toEqual([]);
  });

  it('three postings for one event, one reversed: still a duplicate of the two that stand; reversing the reversal reopens a closed duplicate', async () => {
    const o = { order_id: 'O-s19' };
    await seed(app.url, {
      events: [deviceEvent('s19-e', 60, o), deviceEvent('s19-f', 60, { order_id: 'O-s19b' })],
      postings: [
        posting('s19-a', 's19-e', 58, o),
        posting('s19-b', 's19-e', 57, o),
        posting('s19-c', 's19-e', 56, o),
        posting('s19-r', 's19-e', 50, { ...o, quantity: -10, reverses_document_id: 's19-c' }),
        posting('s19-fa', 's19-f', 58, { order_id: 'O-s19b' }),
        posting('s19-fb', 's19-f', 57, { order_id: 'O-s19b' }),
      ],
    });
    await reconcileNow(app.url);
    const [dup] = await ofOrder('O-s19');
    expect(dup).toMatchObject({ type: 'duplicate_posting', status: 'open', deviceQuantity: 10, erpQuantity: 20 });
    expect(dup.postingIds).not.toContain('s19-c');

    const [first] = await ofOrder('O-s19b');
    expect(first).toMatchObject({ type: 'duplicate_posting', status: 'open' });
    await seed(app.url, {
      postings: [posting('s19-fr', 's19-f', 40, { order_id: 'O-s19b', quantity: -10, reverses_document_id: 's19-fb' })],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s19b'))).toEqual(['duplicate_posting:s19-f:resolved_auto']);
    await seed(app.url, {
      postings: [posting('s19-frr', 's19-f', 30, { order_id: 'O-s19b', quantity: 10, reverses_document_id: 's19-fr' })],
    });
    await reconcileNow(app.url);
    const again = await ofOrder('O-s19b');
    expect(summary(again)).toEqual(['duplicate_posting:s19-f:open']);
    expect(again[0].id).toBe(first.id);
  });

  it('the same document re-sent (a changed quantity, or a changed posting time) is one posting, not a duplicate', async () => {
    const t = Date.now() - 100 * MIN;
    await seed(app.url, {
      events: [
        deviceEvent('s20-q', 100, { order_id: 'O-s20-q', event_time: t }),
        deviceEvent('s20-t', 100, { order_id: 'O-s20-t', event_time: t }),
      ],
      postings: [
        posting('s20-q-d', 's20-q', 0, { order_id: 'O-s20-q', posted_at: t + MIN }),
        posting('s20-t-d', 's20-t', 0, { order_id: 'O-s20-t', posted_at: t + MIN }),
      ],
    });
    await reconcileNow(app.url);
    await seed(app.url, {
      postings: [
        posting('s20-q-d', 's20-q', 0, { order_id: 'O-s20-q', posted_at: t + MIN, quantity: 12 }),
        posting('s20-t-d', 's20-t', 0, { order_id: 'O-s20-t', posted_at: t + 2 * HOUR - 5 * MIN }), // another hour
      ],
    });
    await reconcileNow(app.url);
    for (const order of ['O-s20-q', 'O-s20-t']) {
      const found = await ofOrder(order);
      expect(found.filter((f) => f.type === 'duplicate_posting')).toEqual([]);
      for (const f of found) expect(f.postingIds.filter((p) => p.endsWith('-d')).length).toBeLessThanOrEqual(1);
    }
    // Re-sent with the same quantity: whichever version counts, 10 against 10 (never 10 against 20).
    expect((await ofOrder('O-s20-t')).filter((f) => f.type === 'quantity_mismatch')).toEqual([]);
  });

  it("value at risk: standard cost x unreconciled quantity in the cost's unit, for each finding type", async () => {
    await setConversion('M-VAR', 'CS', 'EA', 12);
    await setCost('M-VAR', 2.5, 'CS');
    await setCost('M-VARG', 4, 'KG');
    const t = Date.now() - 60 * MIN;
    const ev = (id: string, qty: number, extra: Record<string, unknown> = {}) =>
      deviceEvent(id, 60, { order_id: `O-${id}`, material: 'M-VAR', quantity: qty, unit: 'EA', event_time: t, ...extra });
    const po = (doc: string, id: string, order: string, qty: number, minutesAgo = 55) =>
      posting(doc, id, minutesAgo, { order_id: order, material: 'M-VAR', quantity: qty, unit: 'CS' });
    await seed(app.url, {
      events: [
        ev('s21-miss', 24), // 2 CS missing: 5
        ev('s21-dup', 24), // an extra 2 CS: 5
        ev('s21-mm', 24), // 2 CS against 3 CS: 1 CS: 2.5
        ev('s21-late', 24), // none
        ev('s21-g', 500, { material: 'M-VARG', unit: 'G' }), // 0.5 KG at 4 per KG: 2
      ],
      postings: [
        po('s21-dup-a', 's21-dup', 'O-s21-dup', 2),
        po('s21-dup-b', 's21-dup', 'O-s21-dup', 2, 54),
        po('s21-mm-d', 's21-mm', 'O-s21-mm', 3),
        po('s21-late-d', 's21-late', 'O-s21-late', 2, 30),
        po('s21-orph', '', 'O-s21-orph', 3, 40), // 3 CS: 7.5
      ],
    });
    await reconcileNow(app.url);
    const var_ = async (order: string) => {
      const [f] = await ofOrder(order);
      return `${f.type}:${f.valueAtRisk}`;
    };
    const got = {
      miss: await var_('O-s21-miss'),
      dup: await var_('O-s21-dup'),
      mm: await var_('O-s21-mm'),
      late: await var_('O-s21-late'),
      orph: await var_('O-s21-orph'),
      g: await var_('O-s21-g'),
    };
    expect(got).toEqual({
      miss: 'missing_posting:5',
      dup: 'duplicate_posting:5',
      mm: 'quantity_mismatch:2.5',
      late: 'late_posting:0',
      orph: 'orphan_posting:7.5',
      g: 'missing_posting:2',
    });
  });

  it('severity by value at risk (threshold 1000, "at or over") and the flow priority', async () => {
    await setCost('M-SEV', 10, 'EA');
    const ev = (id: string, type: string, qty: number) =>
      deviceEvent(id, 60, { order_id: 'O-s22', material: 'M-SEV', event_type: type, quantity: qty });
    await seed(app.url, {
      events: [
        ev('s22-gr-big', 'goods_receipt', 100), // critical flow, 1000: critical
        ev('s22-gr-small', 'goods_receipt', 1), // critical flow, 10: high
        ev('s22-pc-big', 'cycle_complete', 100), // standard, 1000: high
        ev('s22-pc-small', 'cycle_complete', 99.9), // standard, 999: medium
        ev('s22-sc-big', 'scrap', 100), // low, 1000: high
        ev('s22-sc-small', 'scrap', 1), // low, 10: low
      ],
    });
    await reconcileNow(app.url);
    const found = await ofOrder('O-s22');
    expect(found.map((f) => `${f.eventIds[0]}:${f.type}:${f.severity}`).sort()).toEqual([
      's22-gr-big:missing_posting:critical',
      's22-gr-small:missing_posting:high',
      's22-pc-big:missing_posting:high',
      's22-pc-small:missing_posting:medium',
      's22-sc-big:missing_posting:high',
      's22-sc-small:missing_posting:low',
    ]);
  });

  it('ids: the same problem keeps its id on another instance and when more matching data joins; different problems differ', async () => {
    const t = Date.now() - 60 * MIN;
    await seed(app.url, {
      events: [
        deviceEvent('s23-m', 60, { order_id: 'O-s23', event_time: t }),
        deviceEvent('s23-x', 60, { order_id: 'O-s23', event_time: t }),
      ],
      postings: [posting('s23-m-d', 's23-m', 55, { order_id: 'O-s23', quantity: 12 })],
    });
    await reconcileNow(app.url);
    const first = await ofOrder('O-s23');
    expect(summary(first)).toEqual(['missing_posting:s23-x:open', 'quantity_mismatch:s23-m:open']);
    expect(new Set(first.map((f) => f.id)).size).toBe(2);

    const other = await startTestApp(env, { shareWith: app });
    try {
      await reconcileNow(other.url);
    } finally {
      await other.close();
    }
    const again = await ofOrder('O-s23');
    expect(again.map((f) => f.id).sort()).toEqual(first.map((f) => f.id).sort());

    // Another event of the same order and hour, booked right: still the same mismatch (20 vs 22), same id.
    await seed(app.url, {
      events: [deviceEvent('s23-n', 60, { order_id: 'O-s23', event_time: t })],
      postings: [posting('s23-n-d', 's23-n', 55, { order_id: 'O-s23' })],
    });
    await reconcileNow(app.url);
    const mismatches = (await ofOrder('O-s23')).filter((f) => f.type === 'quantity_mismatch');
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({
      id: first.find((f) => f.type === 'quantity_mismatch')!.id,
      status: 'open',
      deviceQuantity: 20,
      erpQuantity: 22,
    });
  });

  it('a reversal cancels the whole document whatever its quantity: the event is then missing its posting, not mismatched', async () => {
    await seed(app.url, {
      events: [deviceEvent('s24-e', 60, { order_id: 'O-s24' })],
      postings: [
        posting('s24-a', 's24-e', 58, { order_id: 'O-s24' }),
        posting('s24-r', 's24-e', 50, { order_id: 'O-s24', quantity: -4, reverses_document_id: 's24-a' }),
      ],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-s24'))).toEqual(['missing_posting:s24-e:open']);
  });

  it("a duplicate booked once in cases and once in pieces: quantities in the first posting's unit, value of the extra posting", async () => {
    await setConversion('M-DUPU', 'CS', 'EA', 12);
    await setCost('M-DUPU', 3, 'CS');
    const o = { order_id: 'O-s25', material: 'M-DUPU' };
    await seed(app.url, {
      events: [deviceEvent('s25-e', 60, { ...o, quantity: 24, unit: 'EA' })],
      postings: [
        posting('s25-a', 's25-e', 58, { ...o, quantity: 2, unit: 'CS' }),
        posting('s25-b', 's25-e', 57, { ...o, quantity: 24, unit: 'EA' }),
      ],
    });
    // The same the other way round: first 12 EA, then 1 CS.
    await seed(app.url, {
      events: [deviceEvent('s25-f', 60, { order_id: 'O-s25b', material: 'M-DUPU', quantity: 12, unit: 'EA' })],
      postings: [
        posting('s25-g', 's25-f', 58, { order_id: 'O-s25b', material: 'M-DUPU', quantity: 12, unit: 'EA' }),
        posting('s25-h', 's25-f', 57, { order_id: 'O-s25b', material: 'M-DUPU', quantity: 1, unit: 'CS' }),
      ],
    });
    await reconcileNow(app.url);
    const [dup] = await ofOrder('O-s25');
    // 2 CS + 24 EA (2 CS) = 4 CS posted; the device's 24 EA are 2 CS. (Summed as booked, it was "26 CS".)
    expect(dup).toMatchObject({ type: 'duplicate_posting', unit: 'CS', deviceQuantity: 2, erpQuantity: 4 });
    expect(dup.valueAtRisk).toBeCloseTo(6, 9); // the extra 2 CS at 3 per CS
    const [back] = await ofOrder('O-s25b');
    expect(back).toMatchObject({ type: 'duplicate_posting', unit: 'EA', deviceQuantity: 12, erpQuantity: 24 });
    expect(back.valueAtRisk).toBeCloseTo(3, 9); // the extra 12 EA are 1 CS at 3 per CS
  });

  it('a duplicate booked in three units is still a duplicate, with no ERP total it cannot compute', async () => {
    await setConversion('M-DUPU3', 'CS', 'EA', 12);
    await setConversion('M-DUPU3', 'PAL', 'CS', 40);
    const o = { order_id: 'O-s25c', material: 'M-DUPU3' };
    await seed(app.url, {
      events: [deviceEvent('s25c-e', 60, { ...o, quantity: 24, unit: 'EA' })],
      postings: [
        posting('s25c-a', 's25c-e', 58, { ...o, quantity: 2, unit: 'CS' }),
        posting('s25c-b', 's25c-e', 57, { ...o, quantity: 24, unit: 'EA' }),
        posting('s25c-c', 's25c-e', 56, { ...o, quantity: 1, unit: 'PAL' }),
      ],
    });
    await reconcileNow(app.url);
    const [dup] = await ofOrder('O-s25c');
    expect(dup).toMatchObject({ type: 'duplicate_posting', unit: 'CS', deviceQuantity: 2, erpQuantity: null, valueAtRisk: 0 });
    expect(dup.postingIds).toEqual(['s25c-a', 's25c-c']);
  });

  it("a message dropped at the broker with no later success is a failed hop, valued at the message's quantity", async () => {
    await setCost('M-FH', 2, 'EA');
    const t = Date.now() - 30 * MIN;
    const hop = (id: string, stage: string, offset: number, status: string) => ({
      hop_id: id,
      correlation_id: 'corr-s26',
      flow: 'production_confirmation',
      stage,
      plant: 'P1',
      line: 'L1',
      order_id: 'O-s26',
      material: 'M-FH',
      quantity: 24,
      unit: 'EA',
      start_time: t + offset,
      end_time: t + offset + 200,
      status,
      business_key: 's26-e',
    });
    await seed(app.url, {
      hops: [hop('s26-1', 'device', 0, 'ok'), hop('s26-2', 'gateway', 1000, 'ok'), hop('s26-3', 'broker', 2000, 'dropped')],
    });
    await reconcileNow(app.url);
    const [f] = await allFindings(app.url, { types: ['failed_hop'], orderId: 'O-s26' });
    expect(f).toMatchObject({ type: 'failed_hop', status: 'open', correlationIds: ['corr-s26'] });
    expect(f.valueAtRisk).toBeCloseTo(48, 9);
  });

  it('a device event re-sent with a corrected time (another hour) is one event: its quantity counts once', async () => {
    let b = Math.floor(Date.now() / HOUR) * HOUR;
    if (Date.now() - b < 25 * MIN) b -= HOUR;
    await seed(app.url, {
      events: [deviceEvent('s28-e', 0, { order_id: 'O-s28', event_time: b - 5 * MIN })],
      postings: [posting('s28-d', 's28-e', 0, { order_id: 'O-s28', posted_at: b + 6 * MIN })],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-s28')).toEqual([]);
    // The edge gateway's clock was fixed; it re-sends the buffered event with the right time.
    await seed(app.url, { events: [deviceEvent('s28-e', 0, { order_id: 'O-s28', event_time: b + 5 * MIN })] });
    await reconcileNow(app.url);
    expect(open(await ofOrder('O-s28'))).toEqual([]);
  });

  it('a posting with no device event reference is no orphan on a flow that does not require one', async () => {
    await setRules({ flow: 'quality_notification', requiresReference: false });
    await seed(app.url, {
      postings: [posting('s30-d', '', 40, { order_id: 'O-s30', posting_type: 'quality_notification' })],
    });
    await reconcileNow(app.url);
    expect((await ofOrder('O-s30')).filter((f) => f.type === 'orphan_posting')).toEqual([]);
  });

  /**
   * One run of production_confirmation as of `nowMs`: over its window (2 x SLA + grace: 45 min, from
   * the hour), or from `fromMs`.
   */
  const runAsOf = (nowMs: number, fromMs?: number) =>
    app.syncline.app.get(ReconcileService).run({ kind: 'on_demand', nowMs, fromMs, flows: ['production_confirmation'] });

  it('an event booked twice across the turn of a month is a duplicate naming both documents, not two single postings', async () => {
    const month = monthStartAtLeast(1);
    await seed(app.url, {
      events: [deviceEvent('s31', 0, { order_id: 'O-s31', event_time: month - 20 * MIN })],
      postings: [
        posting('s31-d1', 's31', 0, { order_id: 'O-s31', posted_at: month - 10 * MIN }),
        posting('s31-d2', 's31', 0, { order_id: 'O-s31', posted_at: month + 5 * MIN }),
      ],
    });
    await runAsOf(month + 30 * MIN);
    const found = await ofOrder('O-s31');
    expect(summary(found)).toEqual(['duplicate_posting:s31:open']);
    expect(found[0]).toMatchObject({ postingIds: ['s31-d1', 's31-d2'], deviceQuantity: 10, erpQuantity: 20 });
  });

  it('a posting dated in an earlier month, before the window, does not count beside the one in it: one posting, on time', async () => {
    const month = monthStartAtLeast(4);
    const now = month + 3 * HOUR; // the window from month + 2 h: the month before is wholly outside it
    await seed(app.url, {
      events: [deviceEvent('s32', 0, { order_id: 'O-s32', event_time: now - 30 * MIN })],
      postings: [
        posting('s32-old', 's32', 0, { order_id: 'O-s32', posted_at: month - 2 * HOUR }), // a clock set weeks back
        posting('s32-d', 's32', 0, { order_id: 'O-s32', posted_at: now - 20 * MIN }),
      ],
    });
    await runAsOf(now);
    expect(summary(await ofOrder('O-s32'))).toEqual([]);
    // A window that holds both: they are two postings of one event.
    await runAsOf(now, month - 3 * HOUR);
    expect(summary(await ofOrder('O-s32'))).toEqual(['duplicate_posting:s32:open']);
  });
});
