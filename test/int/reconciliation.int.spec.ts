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
    ) => ({
      hop_id: id,
      correlation_id: corr,
      flow: 'production_confirmation',
      stage,
      plant: 'P1',
      line: 'L1',
      order_id: 'O-fh',
      start_time: Date.now() - minutesAgo * MIN,
      end_time: Date.now() - minutesAgo * MIN + 500,
      status,
      business_key: `${corr}-event`,
      ...extra,
    });
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
    const found = await allFindings(app.url, { types: ['failed_hop'] });
    expect(found.map((f) => f.correlationIds[0])).toEqual(['corr-failed']);
    expect(found[0].details).toBe(
      'last hop erp_api error (ERP_422_ORDER_LOCKED: order locked) after 2 attempt(s); no later hop succeeded',
    );
    expect(found[0].eventIds).toEqual(['corr-failed-event']);
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
