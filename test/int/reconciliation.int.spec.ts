import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { allFindings, deviceEvent, MIN, posting, reconcileNow, seed, summary } from '../support/reconcile';

/**
 * Reconciliation on hand-built data, one case per rule of ../shared/product.md. Each test uses its
 * own order ids, so the cases do not see each other's quantities. Twice: as the continuous window runs
 * read (the tables sorted by plant and time), and as long windows read (the copies sorted by device
 * event, ADR 0012); the answers must be the same.
 */
/** A hop of production_confirmation on P1, line L1, of `order`, from `startMs` to `endMs`; its device event is `<corr>-event`. */
function flowHop(
  id: string,
  corr: string,
  stage: string,
  order: string,
  startMs: number,
  endMs: number,
  status: string,
  extra: Record<string, unknown> = {},
) {
  return {
    hop_id: id,
    correlation_id: corr,
    flow: 'production_confirmation',
    stage,
    plant: 'P1',
    line: 'L1',
    order_id: order,
    start_time: startMs,
    end_time: endMs,
    status,
    business_key: `${corr}-event`,
    ...extra,
  };
}

describe.each<{ plan: string; env: Record<string, string> }>([
  { plan: 'the tables sorted by time', env: {} },
  { plan: 'the copies sorted by device event', env: { RECONCILE_BY_EVENT_FROM_HOURS: '0' } },
])('reconciliation: what counts as a finding, reading $plan', ({ env }) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(env);
  });
  afterAll(async () => {
    await app?.close();
  });

  const ofOrder = async (order: string) => allFindings(app.url, { orderId: order });

  it('finds a missing posting once the SLA has passed, and not before', async () => {
    await seed(app.url, {
      events: [deviceEvent('mp-old', 30, { order_id: 'O-mp' }), deviceEvent('mp-new', 5, { order_id: 'O-mp' })],
    });
    await reconcileNow(app.url);
    const found = await ofOrder('O-mp');
    expect(summary(found)).toEqual(['missing_posting:mp-old:open']);
    expect(found[0]).toMatchObject({
      plant: 'P1',
      line: 'L1',
      flow: 'production_confirmation',
      deviceQuantity: 10,
      erpQuantity: null,
      unit: 'EA',
    });
    expect(found[0].details).toMatch(/no ERP posting references device event mp-old/);
  });

  it('turns a missing posting into a late posting when the posting arrives after the SLA, with the reason', async () => {
    await seed(app.url, { events: [deviceEvent('lp-1', 70, { order_id: 'O-lp' })] });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-lp'))).toEqual(['missing_posting:lp-1:open']);
    await seed(app.url, { postings: [posting('4900001234', 'lp-1', 14, { order_id: 'O-lp' })] }); // 56 min after the event: 41 min past the SLA
    await reconcileNow(app.url);
    const found = await ofOrder('O-lp');
    expect(summary(found)).toEqual(['late_posting:lp-1:open', 'missing_posting:lp-1:resolved_auto']);
    const resolved = found.find((f) => f.type === 'missing_posting')!;
    expect(resolved.resolution).toMatch(/^posting 4900001234 arrived 4[01](\.\d)? min late$/);
  });

  it('finds duplicates, but not when a reversal cancels the extra posting; reversed quantities do not count', async () => {
    await seed(app.url, {
      events: [deviceEvent('dp-1', 60, { order_id: 'O-dp' }), deviceEvent('dp-2', 59, { order_id: 'O-dp' })],
      postings: [
        posting('dp-1-a', 'dp-1', 58, { order_id: 'O-dp' }),
        posting('dp-1-b', 'dp-1', 57, { order_id: 'O-dp' }),
        posting('dp-2-a', 'dp-2', 58, { order_id: 'O-dp' }),
        posting('dp-2-b', 'dp-2', 57, { order_id: 'O-dp' }),
        posting('dp-2-r', 'dp-2', 50, { order_id: 'O-dp', quantity: -10, reverses_document_id: 'dp-2-b' }),
      ],
    });
    await reconcileNow(app.url);
    const found = await ofOrder('O-dp');
    expect(summary(found)).toEqual(['duplicate_posting:dp-1:open']);
    expect(found[0]).toMatchObject({ postingIds: ['dp-1-a', 'dp-1-b'], deviceQuantity: 10, erpQuantity: 20 });
  });

  it('resolves a duplicate automatically when a reversal arrives later', async () => {
    await seed(app.url, {
      events: [deviceEvent('dr-1', 60, { order_id: 'O-dr' })],
      postings: [posting('dr-a', 'dr-1', 58, { order_id: 'O-dr' }), posting('dr-b', 'dr-1', 57, { order_id: 'O-dr' })],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-dr'))).toEqual(['duplicate_posting:dr-1:open']);
    await seed(app.url, {
      postings: [posting('dr-r', 'dr-1', 1, { order_id: 'O-dr', quantity: -10, reverses_document_id: 'dr-b' })],
    });
    await reconcileNow(app.url);
    const [dup] = await ofOrder('O-dr');
    expect(dup).toMatchObject({ status: 'resolved_auto', resolution: 'the extra postings were reversed' });
  });

  it('compares quantities after unit conversion: cases against pieces', async () => {
    const conv = await graphql(
      app.url,
      'mutation { setUnitConversion(input: { material: "M-CASE", fromUnit: "CS", toUnit: "EA", factor: 12 }) { factor } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(conv.body.errors).toBeUndefined();
    const ev = (id: string, order: string, qty: number) =>
      deviceEvent(id, 60, { order_id: order, material: 'M-CASE', quantity: qty, unit: 'EA' });
    const po = (doc: string, id: string, order: string, qty: number) =>
      posting(doc, id, 55, { order_id: order, material: 'M-CASE', quantity: qty, unit: 'CS' });
    await seed(app.url, {
      events: [ev('cs-ok', 'O-cs-ok', 24), ev('cs-bad', 'O-cs-bad', 24)],
      postings: [po('cs-ok-d', 'cs-ok', 'O-cs-ok', 2), po('cs-bad-d', 'cs-bad', 'O-cs-bad', 3)],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-cs-ok')).toEqual([]);
    const [mismatch] = await ofOrder('O-cs-bad');
    expect(mismatch).toMatchObject({
      type: 'quantity_mismatch',
      eventIds: ['cs-bad'],
      postingIds: ['cs-bad-d'],
      deviceQuantity: 2,
      erpQuantity: 3,
      unit: 'CS',
    });
    // The detail shows the device's quantity in both units.
    const detail = await graphql<{
      finding: {
        deviceEvents: { quantity: number; unit: string; quantityInFindingUnit: number }[];
        postings: { quantity: number; unit: string }[];
      };
    }>(
      app.url,
      'query($id: ID!) { finding(id: $id) { deviceEvents { quantity unit quantityInFindingUnit } postings { quantity unit } } }',
      { id: mismatch.id },
      TEST_ADMIN_TOKEN,
    );
    expect(detail.body.data!.finding).toEqual({
      deviceEvents: [{ quantity: 24, unit: 'EA', quantityInFindingUnit: 2 }],
      postings: [{ quantity: 3, unit: 'CS' }],
    });
  });

  const setConversion = async (material: string, fromUnit: string, toUnit: string, factor: number) => {
    const conv = await graphql(
      app.url,
      'mutation($input: UnitConversionInput!) { setUnitConversion(input: $input) { factor } }',
      { input: { material, fromUnit, toUnit, factor } },
      TEST_ADMIN_TOKEN,
    );
    expect(conv.body.errors, JSON.stringify(conv.body.errors)).toBeUndefined();
  };

  it("sums an order's quantities in one unit when its postings come in different units", async () => {
    await setConversion('M-MIX', 'CS', 'EA', 12);
    const ev = (id: string, order: string, qty: number) =>
      deviceEvent(id, 60, { order_id: order, material: 'M-MIX', quantity: qty, unit: 'EA' });
    const po = (doc: string, id: string, order: string, qty: number, unit: string) =>
      posting(doc, id, 55, { order_id: order, material: 'M-MIX', quantity: qty, unit });
    await seed(app.url, {
      // O-mx: 100 EA booked as 100 EA, 12 EA booked as 2 CS (24 EA): 112 EA against 124 EA, 10.7 % off.
      // O-mx-ok: 100 EA as 100 EA, 12 EA as 1 CS: equal.
      events: [ev('mx-1', 'O-mx', 100), ev('mx-2', 'O-mx', 12), ev('mx-3', 'O-mx-ok', 100), ev('mx-4', 'O-mx-ok', 12)],
      postings: [
        po('mx-1-d', 'mx-1', 'O-mx', 100, 'EA'),
        po('mx-2-d', 'mx-2', 'O-mx', 2, 'CS'),
        po('mx-3-d', 'mx-3', 'O-mx-ok', 100, 'EA'),
        po('mx-4-d', 'mx-4', 'O-mx-ok', 1, 'CS'),
      ],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-mx-ok')).toEqual([]);
    const found = await ofOrder('O-mx');
    expect(summary(found)).toEqual(['quantity_mismatch:mx-2:open']);
    expect(found[0]).toMatchObject({ postingIds: ['mx-2-d'], unit: 'EA' });
    expect(found[0].deviceQuantity).toBeCloseTo(112, 9);
    expect(found[0].erpQuantity).toBeCloseTo(124, 9);
  });

  it('converts through a chain of conversions: pounds against grams (pounds to kilograms to grams)', async () => {
    await seed(app.url, {
      events: [
        deviceEvent('lb-ok', 60, { order_id: 'O-lb-ok', material: 'M-LB', quantity: 1, unit: 'LB' }),
        deviceEvent('lb-bad', 60, { order_id: 'O-lb-bad', material: 'M-LB', quantity: 2, unit: 'LB' }),
      ],
      postings: [
        posting('lb-ok-d', 'lb-ok', 55, { order_id: 'O-lb-ok', material: 'M-LB', quantity: 453.59237, unit: 'G' }),
        posting('lb-bad-d', 'lb-bad', 55, { order_id: 'O-lb-bad', material: 'M-LB', quantity: 453.59237, unit: 'G' }),
      ],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-lb-ok')).toEqual([]);
    const [f] = await ofOrder('O-lb-bad');
    expect(f).toMatchObject({ type: 'quantity_mismatch', unit: 'G', erpQuantity: 453.59237 });
    expect(f.deviceQuantity).toBeCloseTo(907.18474, 6);
  });

  it("gives a late posting's and a duplicate's quantities in the posting's unit, the device's converted", async () => {
    await setConversion('M-MIX', 'CS', 'EA', 12);
    const opts = (order: string, extra: Record<string, unknown> = {}) => ({ order_id: order, material: 'M-MIX', ...extra });
    await seed(app.url, {
      events: [
        deviceEvent('lu-1', 60, opts('O-lu', { quantity: 24, unit: 'EA' })),
        deviceEvent('du-1', 60, opts('O-du', { quantity: 24, unit: 'EA' })),
      ],
      postings: [
        posting('lu-1-d', 'lu-1', 30, opts('O-lu', { quantity: 2, unit: 'CS' })), // 30 min after: 15 min past the SLA
        posting('du-1-a', 'du-1', 55, opts('O-du', { quantity: 2, unit: 'CS' })),
        posting('du-1-b', 'du-1', 54, opts('O-du', { quantity: 2, unit: 'CS' })),
      ],
    });
    await reconcileNow(app.url);
    const [late] = await ofOrder('O-lu');
    expect(late).toMatchObject({ type: 'late_posting', deviceQuantity: 2, erpQuantity: 2, unit: 'CS' });
    const [dup] = await ofOrder('O-du');
    expect(dup).toMatchObject({ type: 'duplicate_posting', deviceQuantity: 2, erpQuantity: 4, unit: 'CS' });
  });

  it('names both documents of a duplicate posted at the same moment', async () => {
    const at = Date.now() - 55 * MIN;
    await seed(app.url, {
      events: [deviceEvent('dt-1', 60, { order_id: 'O-dt' })],
      postings: [
        posting('dt-1-b', 'dt-1', 55, { order_id: 'O-dt', posted_at: at }),
        posting('dt-1-a', 'dt-1', 55, { order_id: 'O-dt', posted_at: at }),
      ],
    });
    await reconcileNow(app.url);
    const [dup] = await ofOrder('O-dt');
    expect(dup.type).toBe('duplicate_posting');
    expect([...dup.postingIds].sort()).toEqual(['dt-1-a', 'dt-1-b']);
    expect(dup.details).toMatch(/^2 postings reference device event dt-1: dt-1-[ab], dt-1-[ab]$/);
  });

  it('names the posting that really arrived when a missing posting resolves, not one that was reversed', async () => {
    // Posted on time, then reversed: missing. Then booked again, late.
    await seed(app.url, {
      events: [deviceEvent('rv-1', 70, { order_id: 'O-rv' })],
      postings: [
        posting('rv-1-a', 'rv-1', 68, { order_id: 'O-rv' }),
        posting('rv-1-r', 'rv-1', 60, { order_id: 'O-rv', quantity: -10, reverses_document_id: 'rv-1-a' }),
      ],
    });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-rv'))).toEqual(['missing_posting:rv-1:open']);
    await seed(app.url, { postings: [posting('rv-1-b', 'rv-1', 40, { order_id: 'O-rv' })] }); // 30 min after: 15 past the SLA
    await reconcileNow(app.url);
    const found = await ofOrder('O-rv');
    expect(summary(found)).toEqual(['late_posting:rv-1:open', 'missing_posting:rv-1:resolved_auto']);
    expect(found.find((f) => f.type === 'missing_posting')!.resolution).toMatch(/^posting rv-1-b arrived 1[45](\.\d)? min late$/);
  });

  it('counts a posting again when the reversal that cancelled it is itself reversed', async () => {
    await seed(app.url, {
      events: [deviceEvent('rr-1', 60, { order_id: 'O-rr' }), deviceEvent('rr-2', 60, { order_id: 'O-rr' })],
      postings: [
        posting('rr-1-a', 'rr-1', 58, { order_id: 'O-rr' }),
        posting('rr-1-r1', 'rr-1', 50, { order_id: 'O-rr', quantity: -10, reverses_document_id: 'rr-1-a' }),
        posting('rr-1-r2', 'rr-1', 45, { order_id: 'O-rr', quantity: 10, reverses_document_id: 'rr-1-r1' }),
        posting('rr-2-a', 'rr-2', 58, { order_id: 'O-rr' }),
        posting('rr-2-r1', 'rr-2', 50, { order_id: 'O-rr', quantity: -10, reverses_document_id: 'rr-2-a' }),
      ],
    });
    await reconcileNow(app.url);
    // rr-1's posting stands again; rr-2's is cancelled, so rr-2 has none.
    expect(summary(await ofOrder('O-rr'))).toEqual(['missing_posting:rr-2:open']);
  });

  it('says so when quantities cannot be compared for want of a unit conversion', async () => {
    await seed(app.url, {
      events: [deviceEvent('nc-1', 60, { order_id: 'O-nc', material: 'M-NOCONV', quantity: 5, unit: 'KG' })],
      postings: [posting('nc-1-d', 'nc-1', 55, { order_id: 'O-nc', material: 'M-NOCONV', quantity: 5, unit: 'EA' })],
    });
    await reconcileNow(app.url);
    const [f] = await ofOrder('O-nc');
    expect(f).toMatchObject({ type: 'quantity_mismatch', eventIds: ['nc-1'], unit: 'EA' });
    expect(f.details).toBe('no unit conversion KG to EA for material M-NOCONV: quantities cannot be compared');
  });

  it('is no finding exactly at the tolerance, and a finding just beyond it', async () => {
    // production_confirmation: 1 % tolerance. Device 100: ERP 101 is exactly at it, 101.5 beyond.
    await seed(app.url, {
      events: [
        deviceEvent('tol-at', 60, { order_id: 'O-tol-at', quantity: 100 }),
        deviceEvent('tol-over', 60, { order_id: 'O-tol-over', quantity: 100 }),
      ],
      postings: [
        posting('tol-at-d', 'tol-at', 55, { order_id: 'O-tol-at', quantity: 101 }),
        posting('tol-over-d', 'tol-over', 55, { order_id: 'O-tol-over', quantity: 101.5 }),
      ],
    });
    await reconcileNow(app.url);
    expect(await ofOrder('O-tol-at')).toEqual([]);
    expect(summary(await ofOrder('O-tol-over'))).toEqual(['quantity_mismatch:tol-over:open']);
  });

  it('finds orphan postings: with no reference where one is required, and referencing an unknown event after the grace period', async () => {
    await seed(app.url, {
      postings: [
        posting('or-noref', '', 40, { order_id: 'O-or' }),
        posting('or-unknown', 'never-sent', 40, { order_id: 'O-or' }), // grace 15 min: passed
        posting('or-fresh', 'not-yet-sent', 5, { order_id: 'O-or' }), // still within the grace period
      ],
    });
    await reconcileNow(app.url);
    const found = await ofOrder('O-or');
    expect(found.map((f) => `${f.type}:${f.postingIds[0]}`).sort()).toEqual([
      'orphan_posting:or-noref',
      'orphan_posting:or-unknown',
    ]);
    expect(found.find((f) => f.postingIds[0] === 'or-unknown')!.eventIds).toEqual(['never-sent']);
  });

  it('resolves an orphan when the late device data arrives (edge buffer flushed after an outage)', async () => {
    await seed(app.url, { postings: [posting('late-data-d', 'late-data-e', 40, { order_id: 'O-ld' })] });
    await reconcileNow(app.url);
    expect(summary(await ofOrder('O-ld'))).toEqual(['orphan_posting:late-data-e:open']);
    await seed(app.url, { events: [deviceEvent('late-data-e', 45, { order_id: 'O-ld' })] }); // happened before the posting
    await reconcileNow(app.url);
    const found = await ofOrder('O-ld');
    expect(summary(found)).toEqual(['orphan_posting:late-data-e:resolved_auto']);
    expect(found[0].resolution).toBe('the referenced device event arrived, or the posting was reversed');
  });

  it('finds a failed hop with no later success, and none when a retry succeeded or the ERP booked the event', async () => {
    const hop = (
      id: string,
      corr: string,
      stage: string,
      minutesAgo: number,
      status: string,
      extra: Record<string, unknown> = {},
    ) => flowHop(id, corr, stage, 'O-fh', Date.now() - minutesAgo * MIN, Date.now() - minutesAgo * MIN + 500, status, extra);
    await seed(app.url, {
      hops: [
        hop('fh-1', 'corr-failed', 'device', 30, 'ok'),
        hop('fh-2', 'corr-failed', 'erp_api', 29, 'retry', { error_code: 'ERP_503', attempt: 1 }),
        hop('fh-3', 'corr-failed', 'erp_api', 28, 'error', {
          error_code: 'ERP_422_ORDER_LOCKED',
          error_message: 'order locked',
          attempt: 2,
        }),
        hop('fh-4', 'corr-retried', 'device', 30, 'ok'),
        hop('fh-5', 'corr-retried', 'erp_api', 29, 'error', { error_code: 'ERP_503', attempt: 1 }),
        hop('fh-6', 'corr-retried', 'erp_api', 28, 'ok', { attempt: 2 }),
        hop('fh-7', 'corr-retried', 'erp_posting', 27, 'ok'),
        // Its hops end in an error, but the ERP booked its device event: no failed hop.
        hop('fh-8', 'corr-booked', 'device', 30, 'ok'),
        hop('fh-9', 'corr-booked', 'erp_api', 29, 'error', { error_code: 'ERP_TIMEOUT' }),
      ],
      postings: [posting('fh-booked-doc', 'corr-booked-event', 26, { order_id: 'O-fh' })],
    });
    await reconcileNow(app.url);
    const found = await allFindings(app.url, { types: ['failed_hop'], orderId: 'O-fh' });
    expect(found.map((f) => f.correlationIds[0])).toEqual(['corr-failed']);
    expect(found[0].details).toBe(
      'last hop erp_api error (ERP_422_ORDER_LOCKED: order locked) after 2 attempt(s); no later hop succeeded',
    );
    expect(found[0].eventIds).toEqual(['corr-failed-event']);
  });

  it('takes the hop that started last as the last: a parent span ending after its failed child, a timeout ending after the posting', async () => {
    const t = Date.now() - 30 * MIN;
    const hop = (
      id: string,
      corr: string,
      stage: string,
      start: number,
      end: number,
      status: string,
      extra: Record<string, unknown> = {},
    ) => flowHop(id, corr, stage, 'O-fh2', t + start, t + end, status, extra);
    await seed(app.url, {
      hops: [
        // The middleware caught the ERP's refusal and ended after it, ok: the message still failed.
        hop('fs-1', 'corr-caught', 'device', 0, 10, 'ok'),
        hop('fs-2', 'corr-caught', 'middleware', 100, 1200, 'ok'),
        hop('fs-3', 'corr-caught', 'erp_api', 200, 1100, 'error', { error_code: 'ERP_422', error_message: 'period closed' }),
        // The API call timed out after the ERP had posted: the message went through.
        hop('fs-4', 'corr-timeout', 'device', 0, 10, 'ok'),
        hop('fs-5', 'corr-timeout', 'erp_api', 100, 30_000, 'error', { error_code: 'ERP_504' }),
        hop('fs-6', 'corr-timeout', 'erp_posting', 12_000, 12_100, 'ok'),
      ],
    });
    await reconcileNow(app.url);
    const found = await allFindings(app.url, { types: ['failed_hop'], orderId: 'O-fh2' });
    expect(found.map((f) => f.correlationIds[0])).toEqual(['corr-caught']);
    expect(found[0].details).toMatch(/^last hop erp_api error \(ERP_422: period closed\)/);
  });

  it("finds a failed hop whose only posting was reversed, and closes it with the posting's name once the ERP books the event", async () => {
    const hop = (id: string, stage: string, minutesAgo: number, status: string) =>
      flowHop(id, 'corr-rev', stage, 'O-fh3', Date.now() - minutesAgo * MIN, Date.now() - minutesAgo * MIN + 500, status);
    await seed(app.url, {
      hops: [hop('fr-1', 'device', 30, 'ok'), hop('fr-2', 'erp_api', 29, 'error')],
      postings: [
        posting('fr-doc-a', 'corr-rev-event', 28, { order_id: 'O-fh3' }),
        posting('fr-doc-r', 'corr-rev-event', 27, { order_id: 'O-fh3', quantity: -10, reverses_document_id: 'fr-doc-a' }),
      ],
    });
    await reconcileNow(app.url);
    const [failed] = await allFindings(app.url, { types: ['failed_hop'], orderId: 'O-fh3' });
    expect(failed).toMatchObject({ status: 'open', correlationIds: ['corr-rev'] });
    await seed(app.url, { postings: [posting('fr-doc-b', 'corr-rev-event', 5, { order_id: 'O-fh3' })] });
    await reconcileNow(app.url);
    const [closed] = await allFindings(app.url, { types: ['failed_hop'], orderId: 'O-fh3' });
    expect(closed).toMatchObject({
      status: 'resolved_auto',
      resolution: 'posting fr-doc-b booked its device event corr-rev-event',
    });
  });

  it('gives the same problem the same id across runs, and a batch ingested twice finds nothing twice', async () => {
    const batch = {
      events: [deviceEvent('same-1', 40, { order_id: 'O-same' })],
      postings: [posting('same-d', '', 40, { order_id: 'O-same' })],
    };
    await seed(app.url, batch);
    await reconcileNow(app.url);
    const first = await ofOrder('O-same');
    await seed(app.url, batch);
    await reconcileNow(app.url);
    await reconcileNow(app.url);
    const again = await ofOrder('O-same');
    expect(again.map((f) => f.id).sort()).toEqual(first.map((f) => f.id).sort());
    expect(summary(again)).toEqual(['missing_posting:same-1:open', 'orphan_posting:same-d:open']);
    // First seen stays the first run's; last seen is the latest run's.
    for (const f of again) {
      const before = first.find((x) => x.id === f.id)!;
      expect(f.firstSeenAt).toBe(before.firstSeenAt);
      expect(Date.parse(f.lastSeenAt)).toBeGreaterThan(Date.parse(before.lastSeenAt));
    }
    const [rows] = await queryRows<{ n: number; ids: number }>(
      app.db.client,
      "SELECT count() AS n, uniqExact(finding_id) AS ids FROM findings FINAL WHERE order_id = 'O-same'",
    );
    expect(Number(rows.n)).toBe(Number(rows.ids));
  });

  it('keeps ids collision-free: fields are length-prefixed before hashing', async () => {
    // Two orders whose fields would concatenate to the same text.
    await seed(app.url, {
      events: [
        deviceEvent('col-a', 60, { order_id: 'O-1', material: '11', quantity: 5 }),
        deviceEvent('col-b', 60, { order_id: 'O-11', material: '1', quantity: 5 }),
      ],
      postings: [
        posting('col-a-d', 'col-a', 55, { order_id: 'O-1', material: '11', quantity: 6 }),
        posting('col-b-d', 'col-b', 55, { order_id: 'O-11', material: '1', quantity: 6 }),
      ],
    });
    await reconcileNow(app.url);
    const found = await allFindings(app.url, { types: ['quantity_mismatch'], ids: undefined });
    const pair = found.filter((f) => f.eventIds[0] === 'col-a' || f.eventIds[0] === 'col-b');
    expect(pair).toHaveLength(2);
    expect(new Set(pair.map((f) => f.id)).size).toBe(2);
  });
});
