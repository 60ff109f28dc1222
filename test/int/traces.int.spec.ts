import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { personWithSession } from '../support/people';
import { MIN, posting, reconcileNow, seed } from '../support/reconcile';

interface Msg {
  correlationId: string;
  plant: string;
  businessKey: string;
  stages: string[];
  missingStages: string[];
  outcome: string;
  hasError: boolean;
  durationMs: number;
  findingCount: number;
}
interface Hop {
  hopId: string;
  correlationId: string;
  stage: string;
  status: string;
  errorCode: string;
  attempt: number;
  offsetMs: number;
  durationMs: number;
  gapMs: number | null;
  parentMissing: boolean;
  startsBeforeParentEnd: boolean;
  retry: boolean;
  stitched: boolean;
}

const MSG_FIELDS = 'correlationId plant businessKey stages missingStages outcome hasError durationMs findingCount';
const HOP_FIELDS =
  'hopId correlationId stage status errorCode attempt offsetMs durationMs gapMs parentMissing startsBeforeParentEnd retry stitched';

/**
 * Traces on hand-built messages in the real engine: every key finds its message, another plant's
 * message is as absent as one that never existed, gaps and durations are exact, a retry storm pages.
 */
describe('traces', () => {
  let app: TestApp;
  let p1Manager: string;
  const t0 = Date.now() - 120 * MIN;
  const at = (ms: number) => new Date(t0 + ms).toISOString();

  const hop = (id: string, corr: string, stage: string, start: number, end: number, extra: Record<string, unknown> = {}) => ({
    hop_id: id,
    correlation_id: corr,
    flow: 'production_confirmation',
    stage,
    system: `${stage}-sys`,
    plant: 'P1',
    line: 'L2',
    asset: 'ASSET-7',
    order_id: 'ORD-A',
    material: 'M-CASE',
    batch: 'BATCH-A',
    event_type: 'cycle_complete',
    quantity: 12,
    unit: 'EA',
    start_time: at(start),
    end_time: at(end),
    status: 'ok',
    business_key: 'EV-A',
    payload: { event_id: 'EV-A', quantity: 12 },
    ...extra,
  });

  // Message A: the gateway buffered 12 minutes (network outage), middleware failed once and retried,
  // and middleware started a new correlation id (tr-a2) for the ERP side: stitched by business key.
  const messageA = [
    hop('a-1', 'tr-a', 'device', 0, 40),
    hop('a-2', 'tr-a', 'gateway', 12 * MIN, 12 * MIN + 100, { parent_hop_id: 'a-1' }),
    hop('a-3', 'tr-a', 'broker', 12 * MIN + 150, 12 * MIN + 160, { parent_hop_id: 'a-2' }),
    hop('a-4', 'tr-a', 'middleware', 12 * MIN + 200, 12 * MIN + 700, {
      parent_hop_id: 'a-3',
      status: 'error',
      error_code: 'HTTP_503',
      error_message: 'upstream unavailable',
    }),
    hop('a-5', 'tr-a', 'middleware', 12 * MIN + 2700, 12 * MIN + 2900, { parent_hop_id: 'a-3', attempt: 2 }),
    hop('a-6', 'tr-a2', 'erp_api', 12 * MIN + 3000, 12 * MIN + 3400, { parent_hop_id: 'a-5' }),
    hop('a-7', 'tr-a2', 'erp_posting', 12 * MIN + 3500, 12 * MIN + 4000, {
      parent_hop_id: 'a-6',
      attributes: { document_id: 'DOC-A' },
      payload: { big: 'x'.repeat(70_000) },
    }),
  ];
  // Message B in plant P2.
  const messageB = [
    hop('b-1', 'tr-b', 'device', 1000, 1040, { plant: 'P2', business_key: 'EV-B', order_id: 'ORD-B', batch: 'BATCH-B' }),
    hop('b-2', 'tr-b', 'gateway', 1100, 1200, { plant: 'P2', business_key: 'EV-B', order_id: 'ORD-B', parent_hop_id: 'b-1' }),
  ];
  // Message C: skipped the broker, a hop whose parent never arrived, and one that starts before its
  // parent ended (device clock ahead).
  const messageC = [
    hop('c-1', 'tr-c', 'device', 5000, 5400, { business_key: 'EV-C', order_id: 'ORD-C' }),
    hop('c-2', 'tr-c', 'gateway', 5300, 5500, { business_key: 'EV-C', order_id: 'ORD-C', parent_hop_id: 'c-1' }),
    hop('c-3', 'tr-c', 'middleware', 6000, 6100, { business_key: 'EV-C', order_id: 'ORD-C', parent_hop_id: 'ghost' }),
  ];
  // Message D: its last hop failed at the ERP API (a failed_hop finding).
  const messageD = [
    hop('d-1', 'tr-d', 'device', 9000, 9040, { business_key: 'EV-D', order_id: 'ORD-D' }),
    hop('d-2', 'tr-d', 'erp_api', 9100, 9200, {
      business_key: 'EV-D',
      order_id: 'ORD-D',
      parent_hop_id: 'd-1',
      status: 'error',
      error_code: 'HTTP_500',
    }),
  ];
  // Message Z: the hop that carries its asset has no business key; the next one, stored by another
  // insert, does. Its device event was never posted (a missing_posting finding names the event only).
  const zHop = (id: string, stage: string, start: number, extra: Record<string, unknown>) =>
    hop(id, 'tr-z', stage, start, start + 40, { line: 'L8', order_id: 'ORD-Z', material: 'M-Z', batch: 'BATCH-Z', ...extra });
  const messageZ = [
    zHop('z-1', 'device', 40 * MIN, { asset: 'ASSET-Z', business_key: null }),
    zHop('z-2', 'gateway', 40 * MIN + 100, { asset: null, business_key: 'EV-Z', parent_hop_id: 'z-1' }),
  ];
  // A retry storm: 3,000 hops of one message.
  const storm = Array.from({ length: 3000 }, (_, i) =>
    hop(`s-${String(i).padStart(4, '0')}`, 'tr-storm', 'erp_api', 20_000 + i * 10, 20_000 + i * 10 + 5, {
      business_key: 'EV-S',
      order_id: 'ORD-S',
      status: 'retry',
      attempt: i + 1,
      parent_hop_id: i === 0 ? '' : `s-${String(i - 1).padStart(4, '0')}`,
    }),
  );

  const eventA = {
    event_id: 'EV-A',
    event_time: t0,
    plant: 'P1',
    line: 'L2',
    order_id: 'ORD-A',
    material: 'M-CASE',
    event_type: 'cycle_complete',
    quantity: 12,
    unit: 'EA',
  };
  const postingA = posting('DOC-A', 'EV-A', 105, { order_id: 'ORD-A', material: 'M-CASE', quantity: 12 });

  beforeAll(async () => {
    app = await startTestApp();
    await seed(app.url, {
      events: [
        eventA,
        {
          event_id: 'EV-Z',
          event_time: t0 + 40 * MIN,
          plant: 'P1',
          line: 'L8',
          order_id: 'ORD-Z',
          material: 'M-Z',
          event_type: 'cycle_complete',
          quantity: 3,
          unit: 'EA',
        },
      ],
      postings: [postingA, posting('DOC-B', 'EV-B', 105, { plant: 'P2', order_id: 'ORD-B' })],
      hops: [...messageA, ...messageB, ...messageC, ...messageD],
    });
    await seed(app.url, { hops: storm });
    await seed(app.url, { hops: [messageZ[0]] });
    await seed(app.url, { hops: [messageZ[1]] });
    // The same batches again (a client retry after a timeout): stored twice, shown once.
    await seed(app.url, { events: [eventA], postings: [postingA], hops: messageA });
    p1Manager = (await personWithSession(app.url, { username: 'pm-p1', role: 'plant_manager', plants: ['P1'] })).token;
    await reconcileNow(app.url);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function search(
    query: string | null,
    token = TEST_ADMIN_TOKEN,
    filter?: Record<string, unknown>,
    after?: string,
    first = 50,
  ) {
    const { body } = await graphql<{
      traceSearch: { nodes: Msg[]; matchedAs: string[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }>(
      app.url,
      `query($q: String, $f: TraceFilterInput, $after: String, $first: Int) {
         traceSearch(query: $q, filter: $f, first: $first, after: $after) { nodes { ${MSG_FIELDS} } matchedAs pageInfo { hasNextPage endCursor } } }`,
      { q: query, f: filter, after, first },
      token,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!.traceSearch;
  }

  /**
   * A device hop (40 ms from `start`) and its gateway hop (100-200 ms) reported with `failure`, then the
   * gateway hop sent again as ok with a later end (300 ms): another insert, so another part of each
   * table until merges run. Hop ids `<prefix>-1` and `<prefix>-2`.
   */
  async function seedCorrectedGateway(
    prefix: string,
    correlationId: string,
    start: number,
    keys: Record<string, unknown>,
    failure: Record<string, unknown>,
  ) {
    const [device, gateway] = [`${prefix}-1`, `${prefix}-2`];
    const sent = (end: number, extra: Record<string, unknown> = {}) =>
      hop(gateway, correlationId, 'gateway', start + 100, start + end, { ...keys, parent_hop_id: device, ...extra });
    await seed(app.url, { hops: [hop(device, correlationId, 'device', start, start + 40, keys), sent(200, failure)] });
    await seed(app.url, { hops: [sent(300)] });
  }

  async function trace(id: string, token = TEST_ADMIN_TOKEN, after?: string, first = 500) {
    return graphql<{
      trace: {
        message: Msg;
        stitched: Msg[];
        hops: Hop[];
        hopCount: number;
        hopsPageInfo: { hasNextPage: boolean; endCursor: string | null };
        deviceEvents: {
          eventId: string;
          eventTime: string;
          plant: string;
          line: string;
          asset: string;
          orderId: string;
          material: string;
          eventType: string;
          quantity: number;
          unit: string;
        }[];
        postings: {
          documentId: string;
          postingType: string;
          orderId: string;
          material: string;
          quantity: number;
          unit: string;
          reversesDocumentId: string;
        }[];
      };
    }>(
      app.url,
      `query($id: String!, $after: String, $first: Int) { trace(correlationId: $id, hopsFirst: $first, hopsAfter: $after) {
         message { ${MSG_FIELDS} } stitched { ${MSG_FIELDS} } hops { ${HOP_FIELDS} } hopCount
         hopsPageInfo { hasNextPage endCursor }
         deviceEvents { eventId eventTime plant line asset orderId material eventType quantity unit }
         postings { documentId postingType orderId material quantity unit reversesDocumentId } } }`,
      { id, after, first },
      token,
    );
  }

  it('finds message A by each of its keys, and says what the text matched as', async () => {
    const keys: [string, string][] = [
      ['tr-a', 'correlation_id'],
      ['EV-A', 'business_key'],
      ['ORD-A', 'order'],
      ['BATCH-A', 'batch'],
      ['DOC-A', 'document'],
      ['ASSET-7', 'asset'],
      ['M-CASE', 'material'],
    ];
    for (const [key, kind] of keys) {
      const found = await search(key);
      expect(
        found.nodes.map((n) => n.correlationId),
        key,
      ).toContain('tr-a');
      expect(found.matchedAs, key).toContain(kind);
    }
  });

  it('lists a message once per correlation id, newest first, paged by cursor', async () => {
    const first = await search('ORD-A');
    // tr-a2 starts later than tr-a: both carry order ORD-A.
    expect(first.nodes.map((n) => n.correlationId)).toEqual(['tr-a2', 'tr-a']);
    // Six messages carry material M-CASE (tr-b in P2): three pages of two, newest first hop first.
    const all: string[] = [];
    let after: string | undefined;
    do {
      const page = await search('M-CASE', TEST_ADMIN_TOKEN, undefined, after, 2);
      all.push(...page.nodes.map((n) => n.correlationId));
      after = page.pageInfo.endCursor ?? undefined;
      if (!page.pageInfo.hasNextPage) break;
    } while (after);
    expect(all).toEqual(['tr-a2', 'tr-storm', 'tr-d', 'tr-c', 'tr-b', 'tr-a']);
  });

  it('lists a busy order exactly, newest first by each message\u2019s own first hop, across pages', async () => {
    // 130 messages of one order, a second apart, and two whose only hop carrying the order is late
    // while their first hop (another insert, without the order) is early. Until the parts merge, the
    // order's rows alone rank them at the top; they belong after m-060 (tr-m-x) and m-030 (tr-m-z).
    // Merges are stopped so that the parts stay apart, as they are for the first minutes after ingest.
    await app.db.client.command({ query: 'SYSTEM STOP MERGES trace_index' });
    try {
      const base = 40 * MIN;
      const many = Array.from({ length: 130 }, (_, i) =>
        hop(`m-${i}`, `tr-m-${String(i).padStart(3, '0')}`, 'device', base + i * 1000, base + i * 1000 + 10, {
          business_key: `EV-M-${i}`,
          order_id: 'ORD-MANY',
          batch: '',
        }),
      );
      const late = (id: string, corr: string, start: number, order: string) =>
        hop(id, corr, order ? 'erp_api' : 'device', base + start, base + start + 10, {
          business_key: corr,
          order_id: order,
          batch: '',
        });
      await seed(app.url, {
        hops: [...many, late('x-2', 'tr-m-x', 129_500, 'ORD-MANY'), late('z-2', 'tr-m-z', 129_700, 'ORD-MANY')],
      });
      await seed(app.url, { hops: [late('x-1', 'tr-m-x', 60_500, ''), late('z-1', 'tr-m-z', 30_500, '')] });
      const m = (i: number) => `tr-m-${String(i).padStart(3, '0')}`;
      const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, k) => m(from - k));
      const expected = [...range(129, 61), 'tr-m-x', ...range(60, 31), 'tr-m-z', ...range(30, 0)];
      const all: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await search('ORD-MANY', TEST_ADMIN_TOKEN, undefined, after, 50);
        all.push(...page.nodes.map((n) => n.correlationId));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(all).toEqual(expected);
      // A filter narrows before the page is cut: only the messages that started in the range.
      const narrowed = await search('ORD-MANY', TEST_ADMIN_TOKEN, { from: at(base + 100_000), to: at(base + 110_000) });
      expect(narrowed.nodes.map((n) => n.correlationId)).toEqual(range(109, 100));
    } finally {
      await app.db.client.command({ query: 'SYSTEM START MERGES trace_index' });
    }
  });

  it('filters by status: a hop in error, never reached erp_posting', async () => {
    const errors = await search(null, TEST_ADMIN_TOKEN, { statuses: ['error'], from: at(-MIN) });
    expect(errors.nodes.map((n) => n.correlationId)).toEqual(['tr-d', 'tr-a']);
    const notPosted = (await search('ORD-C', TEST_ADMIN_TOKEN, { statuses: ['not_posted'] })).nodes;
    expect(notPosted.map((n) => n.correlationId)).toEqual(['tr-c']);
    expect(notPosted[0].outcome).toBe('in_progress');
    expect(notPosted[0].missingStages).toEqual(['broker']);
  });

  it('browses a time range with each filter: line, flow, stage, system, status', async () => {
    const ids = async (f: Record<string, unknown>) =>
      (await search(null, TEST_ADMIN_TOKEN, { from: at(-MIN), to: at(15 * MIN), ...f })).nodes.map((n) => n.correlationId);
    expect(await ids({ stages: ['erp_api'] })).toEqual(['tr-a2', 'tr-storm', 'tr-d']);
    expect(await ids({ stages: ['erp_api'], statuses: ['error'] })).toEqual(['tr-d']);
    expect(await ids({ systems: ['erp_posting-sys'] })).toEqual(['tr-a2']);
    expect(await ids({ lines: ['L2'], flows: ['production_confirmation'], stages: ['middleware'] })).toEqual(['tr-c', 'tr-a']);
    expect(await ids({ lines: ['L9'] })).toEqual([]);
    expect(await ids({ flows: ['goods_receipt'] })).toEqual([]);
  });

  it('answers "no match" to any text that is not a key, never an error', async () => {
    for (const text of ['x'.repeat(10_000), "' OR 1=1 --", '%', '_', 'tr-%', 'Ünïcødé ✓ 工場', '\\', '{"a":1}', 'NOPE']) {
      const found = await search(text);
      expect(found.nodes, text.slice(0, 20)).toEqual([]);
    }
    const missing = await trace('x'.repeat(10_000));
    expect(missing.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows another plant\u2019s message to nobody outside it: by any key, by id, over REST', async () => {
    for (const key of ['tr-b', 'EV-B', 'ORD-B', 'BATCH-B', 'DOC-B'])
      expect((await search(key, p1Manager)).nodes, key).toEqual([]);
    // The admin does see it.
    expect((await search('DOC-B')).nodes.map((n) => n.correlationId)).toEqual(['tr-b']);
    const hidden = await trace('tr-b', p1Manager);
    const absent = await trace('does-not-exist', p1Manager);
    expect(hidden.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(hidden.body.errors?.[0].message.replace('tr-b', 'X')).toBe(
      absent.body.errors?.[0].message.replace('does-not-exist', 'X'),
    );
    const rest = (id: string) => fetch(`${app.url}/api/v1/traces/${id}`, { headers: { authorization: `Bearer ${p1Manager}` } });
    expect((await rest('tr-b')).status).toBe(404);
    expect((await rest('does-not-exist')).status).toBe(404);
    const own = await rest('tr-a');
    expect(own.status).toBe(200);
    const json = (await own.json()) as { message: Msg; hops: Hop[] };
    expect(json.message.correlationId).toBe('tr-a');
    expect(json.hops).toHaveLength(7);
    expect((await fetch(`${app.url}/api/v1/traces/tr-a`)).status).toBe(401);
  });

  it('shows a correlation id seen in two plants whole to whoever sees both, and only its own plant to a plant manager', async () => {
    // One correlation id with a hop in P1 and its child in P2 (on a cluster: each plant on its own shard),
    // before the other tests' messages and with keys of its own, so that no other test finds it.
    const apart = {
      line: 'L7',
      asset: 'ASSET-TWO',
      order_id: 'ORD-TWO',
      material: 'M-TWO',
      batch: 'BATCH-TWO',
      business_key: '',
    };
    await seed(app.url, {
      hops: [
        hop('two-1', 'tr-two', 'device', -30 * MIN, -30 * MIN + 40, apart),
        hop('two-2', 'tr-two', 'gateway', -30 * MIN + 100, -30 * MIN + 200, { ...apart, plant: 'P2', parent_hop_id: 'two-1' }),
      ],
    });
    const whole = (await trace('tr-two')).body.data!.trace;
    expect(whole.hops.map((h) => [h.hopId, h.parentMissing, h.gapMs])).toEqual([
      ['two-1', false, null],
      ['two-2', false, 60],
    ]);
    expect(whole.hopCount).toBe(2);
    expect([whole.message.plant, ...whole.stitched.map((s) => s.plant)].sort()).toEqual(['P1', 'P2']);
    expect(whole.message.stages).toEqual(['device', 'gateway']);
    const own = (await trace('tr-two', p1Manager)).body.data!.trace;
    expect(own.hops.map((h) => h.hopId)).toEqual(['two-1']);
    expect(own.message).toMatchObject({ plant: 'P1', stages: ['device'] });
    expect(own.stitched).toEqual([]);
  });

  it('shows a hop sent again with a correction once, as last sent, even before the parts merge', async () => {
    // A gateway first reports its hop failed, then sends the same hop id again as ok, with a later end
    // (another insert, so another part of each table until merges run).
    const fix = { line: 'L9', asset: 'ASSET-FIX', order_id: 'ORD-FIX', material: 'M-FIX', batch: 'BATCH-FIX', business_key: '' };
    await seedCorrectedGateway('fix', 'tr-fix', -35 * MIN, fix, { status: 'error', error_code: 'TIMEOUT' });
    const t = (await trace('tr-fix')).body.data!.trace;
    expect(t.hops.map((h) => [h.hopId, h.status, h.errorCode, h.durationMs, h.gapMs])).toEqual([
      ['fix-1', 'ok', '', 40, null],
      ['fix-2', 'ok', '', 200, 60],
    ]);
    expect(t.hopCount).toBe(2);
  });

  it('shows a message stored before its index rows carried hops whole, with the hops that came after the upgrade', async () => {
    // An installation upgraded past migration 20261210090000 while this message was on its way: its
    // first hops were indexed by the view as it was then (no hop rows; the test rewrites them so), the
    // last one by the view as it is now. The waterfall comes from `hops`, every hop once.
    const keys = { line: 'L5', asset: 'ASSET-U', order_id: 'ORD-U', material: 'M-U', batch: 'BATCH-U', business_key: 'EV-U' };
    const start = -50 * MIN;
    await seedCorrectedGateway('u', 'tr-upgrade', start, keys, { status: 'error' });
    await app.db.commandOnShards(
      `ALTER TABLE trace_index DELETE WHERE correlation_id = 'tr-upgrade' SETTINGS mutations_sync = 2`,
    );
    await app.db.commandOnShards(`
      INSERT INTO trace_index (correlation_id, plant, flow, line, business_key, order_id, batch, asset, material,
                               first_start, last_end, has_error, reached_erp, stages, systems)
      SELECT correlation_id, plant, flow, line, business_key, order_id, batch, asset, material, start_time, end_time,
             toUInt8(status IN ('error', 'dropped')), toUInt8(stage = 'erp_posting' AND status = 'ok'), [toString(stage)],
             if(system = '', CAST([] AS Array(String)), [toString(system)])
      FROM hops WHERE correlation_id = 'tr-upgrade'`);
    await seed(app.url, {
      hops: [hop('u-3', 'tr-upgrade', 'broker', start + 350, start + 360, { ...keys, parent_hop_id: 'u-2' })],
    });

    const pages: Hop[][] = [];
    let after: string | undefined;
    do {
      const t = (await trace('tr-upgrade', p1Manager, after, 2)).body.data!.trace;
      expect(t.hopCount).toBe(3);
      pages.push(t.hops);
      after = t.hopsPageInfo.endCursor ?? undefined;
    } while (after);
    expect(pages.map((p) => p.map((h) => [h.hopId, h.status, h.durationMs, h.gapMs]))).toEqual([
      [
        ['u-1', 'ok', 40, null],
        ['u-2', 'ok', 200, 60],
      ],
      [['u-3', 'ok', 10, 50]],
    ]);
  });

  it('computes durations and gaps of message A, marks the retry, the error and the stitched hops', async () => {
    const { body } = await trace('tr-a', p1Manager);
    expect(body.errors).toBeUndefined();
    const t = body.data!.trace;
    // Stored twice, shown once.
    expect(t.hopCount).toBe(7);
    // One message, one view: the summary covers the stitched part too (the ERP side under tr-a2).
    expect(t.message).toMatchObject({
      correlationId: 'tr-a',
      stages: ['device', 'gateway', 'broker', 'middleware', 'erp_api', 'erp_posting'],
      missingStages: [],
      hasError: true,
      outcome: 'posted',
      durationMs: 12 * MIN + 4000,
    });
    expect(t.stitched.map((s) => s.correlationId)).toEqual(['tr-a2']);
    expect(t.stitched[0].outcome).toBe('posted');
    // Opened from the stitched side, the same whole message.
    const fromErpSide = (await trace('tr-a2', p1Manager)).body.data!.trace;
    expect(fromErpSide.message).toMatchObject({
      correlationId: 'tr-a2',
      stages: ['device', 'gateway', 'broker', 'middleware', 'erp_api', 'erp_posting'],
      missingStages: [],
      outcome: 'posted',
      durationMs: 12 * MIN + 4000,
    });
    const byId = new Map(t.hops.map((h) => [h.hopId, h]));
    expect(t.hops.map((h) => h.hopId)).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7']);
    expect(byId.get('a-1')).toMatchObject({ offsetMs: 0, durationMs: 40, gapMs: null, parentMissing: false });
    // The gateway's store-and-forward: 12 minutes after the device hop ended.
    expect(byId.get('a-2')).toMatchObject({ offsetMs: 12 * MIN, durationMs: 100, gapMs: 12 * MIN - 40 });
    expect(byId.get('a-4')).toMatchObject({ status: 'error', errorCode: 'HTTP_503', retry: false, gapMs: 40 });
    expect(byId.get('a-5')).toMatchObject({ status: 'ok', attempt: 2, retry: true, gapMs: 2540 });
    expect(byId.get('a-6')).toMatchObject({ stitched: true, correlationId: 'tr-a2', gapMs: 100 });
    expect(byId.get('a-7')).toMatchObject({ stitched: true, durationMs: 500 });
    expect(Object.values(byId.get('a-3')!).includes(true)).toBe(false);
    expect(t.deviceEvents.map((e) => e.eventId)).toEqual(['EV-A']);
    expect(t.postings.map((p) => p.documentId)).toEqual(['DOC-A']);
    // Opening the stitched id shows the same message from its side.
    const other = await trace('tr-a2');
    expect(other.body.data!.trace.stitched.map((s) => s.correlationId)).toEqual(['tr-a']);
    expect(other.body.data!.trace.hopCount).toBe(7);
  });

  it('shows what is missing: a skipped stage, a parent that never arrived, a hop before its parent ended', async () => {
    const t = (await trace('tr-c')).body.data!.trace;
    expect(t.message.missingStages).toEqual(['broker']);
    const byId = new Map(t.hops.map((h) => [h.hopId, h]));
    expect(byId.get('c-2')).toMatchObject({ startsBeforeParentEnd: true, gapMs: -100 });
    expect(byId.get('c-3')).toMatchObject({ parentMissing: true, gapMs: null });
    expect(byId.get('c-1')).toMatchObject({ parentMissing: false, startsBeforeParentEnd: false });
  });

  it('shows the findings about a message beside it and counts them in the search', async () => {
    const { body } = await graphql<{ trace: { findings: { type: string; correlationIds: string[] }[] } }>(
      app.url,
      '{ trace(correlationId: "tr-d") { findings { type correlationIds } } }',
      {},
      p1Manager,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.trace.findings).toEqual([{ type: 'failed_hop', correlationIds: ['tr-d'] }]);
    const found = await search('EV-D', p1Manager);
    expect(found.nodes.map((n) => [n.correlationId, n.findingCount])).toEqual([['tr-d', 1]]);
    expect((await search('ORD-C', p1Manager)).nodes[0].findingCount).toBe(0);
  });

  it('counts the findings about a message\u2019s device event in a search by any of its keys', async () => {
    // The finding names EV-Z, never tr-z: it counts through the message's business key, which the row
    // matching ASSET-Z does not carry (until the parts merge).
    for (const key of ['ASSET-Z', 'ORD-Z', 'EV-Z', 'tr-z']) {
      const found = await search(key, p1Manager);
      expect(
        found.nodes.map((n) => [n.correlationId, n.businessKey, n.findingCount]),
        key,
      ).toEqual([['tr-z', 'EV-Z', 1]]);
    }
  });

  /** Every page of a message's hops, 500 at a time; each page says how many there are and whether more follow. */
  async function hopPages(id: string, token: string, hopCount: number): Promise<Hop[][]> {
    const pages: Hop[][] = [];
    let after: string | undefined;
    do {
      const { body } = await trace(id, token, after);
      expect(body.errors).toBeUndefined();
      const t = body.data!.trace;
      expect(t.hopCount).toBe(hopCount);
      expect(t.hops.length).toBeLessThanOrEqual(500);
      pages.push(t.hops);
      after = t.hopsPageInfo.endCursor ?? undefined;
      expect(t.hopsPageInfo.hasNextPage).toBe(after !== undefined);
    } while (after);
    return pages;
  }

  it('pages a 3,000-hop retry storm 500 at a time, in start order, each hop once', async () => {
    const pages = await hopPages('tr-storm', TEST_ADMIN_TOKEN, 3000);
    expect(pages.length).toBe(6);
    pages.forEach(([head, ...rest], p) => {
      // Each hop's parent is the one before, also when that one is on the previous page: 5 ms gaps.
      expect(head).toMatchObject(p === 0 ? { gapMs: null, parentMissing: false } : { gapMs: 5, parentMissing: false });
      expect(rest.every((h) => h.gapMs === 5 && !h.parentMissing)).toBe(true);
    });
    expect(pages.flat().map((h) => h.hopId)).toEqual(storm.map((h) => h.hop_id));
  });

  it('pages a 1,200-hop message: each hop once as last sent, parents across pages, a missing parent flagged', async () => {
    // Two days ago, with keys of its own: no other test lists it.
    const start = Date.now() - 2 * 24 * 60 * MIN;
    const keys = { business_key: 'EV-W', order_id: 'ORD-W', material: 'M-W', batch: 'BATCH-W', asset: 'ASSET-W', line: 'L6' };
    const id = (i: number) => `w-${String(i).padStart(4, '0')}`;
    const wide = (i: number, extra: Record<string, unknown> = {}) => ({
      ...hop(id(i), 'tr-wide', 'erp_api', 0, 0, { ...keys, status: 'retry', attempt: i + 1 }),
      start_time: new Date(start + i * 10).toISOString(),
      end_time: new Date(start + i * 10 + 5).toISOString(),
      parent_hop_id: i === 0 ? '' : i === 900 ? 'never-arrived' : id(i - 1),
      ...extra,
    });
    const hops = Array.from({ length: 1200 }, (_, i) => wide(i));
    await seed(app.url, { hops });
    // Hop 700 sent again with a correction (stored twice until the parts merge): shown once, as last sent.
    await seed(app.url, { hops: [wide(700, { status: 'error', error_code: 'HTTP_500' })] });
    const pages = await hopPages('tr-wide', p1Manager, 1200);
    expect(pages.length).toBe(3);
    const seen = pages.flat();
    expect(seen.map((h) => h.hopId)).toEqual(hops.map((h) => h.hop_id));
    expect(seen[700]).toMatchObject({ status: 'error', errorCode: 'HTTP_500', gapMs: 5 });
    // Hop 500 opens the second page; its parent, hop 499, closed the first.
    expect(seen[500]).toMatchObject({ hopId: 'w-0500', gapMs: 5, parentMissing: false });
    expect(seen[900]).toMatchObject({ gapMs: null, parentMissing: true });
    const others = seen.filter((_, i) => i !== 0 && i !== 900);
    expect(others.every((h) => h.gapMs === 5 && !h.parentMissing && h.offsetMs === Number(h.hopId.slice(2)) * 10)).toBe(true);
  });

  it('shows every posting of the message\u2019s device event, however much later, and finds it by each document', async () => {
    // Message E three days ago; posted a minute after, reversed two days later and posted again.
    const DAY = 24 * 60;
    const e = { business_key: 'EV-E', order_id: 'ORD-E', material: 'M-E', batch: 'BATCH-E', asset: 'ASSET-E' };
    await seed(app.url, {
      hops: [
        {
          ...hop('e-1', 'tr-e', 'device', 0, 40, e),
          start_time: new Date(Date.now() - 3 * DAY * MIN).toISOString(),
          end_time: new Date(Date.now() - 3 * DAY * MIN + 40).toISOString(),
        },
      ],
      postings: [
        posting('DOC-E1', 'EV-E', 3 * DAY - 1, { order_id: 'ORD-E' }),
        posting('DOC-E2', 'EV-E', DAY, { order_id: 'ORD-E', quantity: -10, reverses_document_id: 'DOC-E1' }),
        posting('DOC-E3', 'EV-E', DAY - 5, { order_id: 'ORD-E' }),
      ],
    });
    const { body } = await trace('tr-e');
    expect(body.errors).toBeUndefined();
    expect(body.data!.trace.postings.map((p) => p.documentId)).toEqual(['DOC-E1', 'DOC-E2', 'DOC-E3']);
    for (const doc of ['DOC-E1', 'DOC-E3']) expect((await search(doc)).nodes.map((n) => n.correlationId)).toEqual(['tr-e']);
    // A plant manager of P2 finds none of it.
    const p2 = (await personWithSession(app.url, { username: 'pm-p2-e', role: 'plant_manager', plants: ['P2'] })).token;
    expect((await search('DOC-E3', p2)).nodes).toEqual([]);
  });

  it('shows postings stored before their refs carried them whole, and one corrected after the upgrade as corrected', async () => {
    // An installation upgraded past migration 20261211090000: DOC-S1 and DOC-S2 were stored before it
    // (their rows in posting_refs say only where they are; the test rewrites them so), DOC-S2 was then
    // re-sent with a correction and DOC-S3 came after. Each shows whole, as last sent.
    const s = { business_key: 'EV-S', order_id: 'ORD-S', material: 'M-S', batch: 'BATCH-S', asset: 'ASSET-S' };
    await seed(app.url, {
      hops: [hop('s-1', 'tr-stored', 'device', -40 * MIN, -40 * MIN + 40, s)],
      postings: [
        posting('DOC-S1', 'EV-S', 39, {
          order_id: 'ORD-S',
          material: 'M-S',
          posting_type: 'goods_issue',
          quantity: 7,
          unit: 'KG',
        }),
        posting('DOC-S2', 'EV-S', 38, { order_id: 'ORD-S', material: 'M-S', quantity: 5 }),
      ],
    });
    await app.db.commandOnShards(`
      ALTER TABLE posting_refs UPDATE whole = 0, posting_type = '', order_id = '', material = '', quantity = 0, unit = '',
        reverses_document_id = '', ingested_at = 0
      WHERE device_event_id = 'EV-S' SETTINGS mutations_sync = 2`);
    await seed(app.url, {
      postings: [
        posting('DOC-S2', 'EV-S', 38, { order_id: 'ORD-S', material: 'M-S', quantity: 6 }),
        posting('DOC-S3', 'EV-S', 30, { order_id: 'ORD-S', material: 'M-S', quantity: -7, reverses_document_id: 'DOC-S1' }),
      ],
    });
    const { body } = await trace('tr-stored');
    expect(body.errors).toBeUndefined();
    expect(
      body.data!.trace.postings.map((p) => [
        p.documentId,
        p.postingType,
        p.orderId,
        p.material,
        p.quantity,
        p.unit,
        p.reversesDocumentId,
      ]),
    ).toEqual([
      ['DOC-S1', 'goods_issue', 'ORD-S', 'M-S', 7, 'KG', ''],
      ['DOC-S2', 'production_confirmation', 'ORD-S', 'M-S', 6, 'EA', ''],
      ['DOC-S3', 'production_confirmation', 'ORD-S', 'M-S', -7, 'EA', 'DOC-S1'],
    ]);
  });

  it('shows device events stored before events_by_id carried them whole, and one re-sent after the upgrade as re-sent', async () => {
    // An installation upgraded past migration 20261212090000: EV-W1 and EV-W2 were stored before it
    // (their rows in events_by_id carry no asset; the test rewrites them so), EV-W2 was then re-sent
    // with a corrected quantity and EV-W3 came after. Each shows whole, as last sent.
    const eventAt = t0 - 50 * MIN;
    const event = (id: string, quantity: number, asset: string) => ({
      event_id: id,
      event_time: eventAt,
      plant: 'P1',
      line: 'L5',
      asset,
      order_id: 'ORD-W',
      material: 'M-W',
      event_type: 'cycle_complete',
      quantity,
      unit: 'EA',
    });
    const keys = { order_id: 'ORD-W', material: 'M-W', batch: 'BATCH-W', asset: 'ASSET-W1' };
    await seed(app.url, {
      events: [event('EV-W1', 4, 'ASSET-W1'), event('EV-W2', 5, 'ASSET-W2')],
      hops: [
        hop('w-1', 'tr-w', 'device', -50 * MIN, -50 * MIN + 40, { ...keys, business_key: 'EV-W1' }),
        hop('w-2', 'tr-w2', 'device', -50 * MIN, -50 * MIN + 40, { ...keys, business_key: 'EV-W2' }),
        hop('w-3', 'tr-w3', 'device', -50 * MIN, -50 * MIN + 40, { ...keys, business_key: 'EV-W3' }),
      ],
    });
    await app.db.commandOnShards(`
      ALTER TABLE events_by_id UPDATE whole = 0, asset = '' WHERE event_id IN ('EV-W1', 'EV-W2') SETTINGS mutations_sync = 2`);
    await seed(app.url, { events: [event('EV-W2', 6, 'ASSET-W2'), event('EV-W3', 7, 'ASSET-W3')] });
    const shown = async (id: string) => {
      const { body } = await trace(id);
      expect(body.errors).toBeUndefined();
      return body.data!.trace.deviceEvents.map((e) => [
        e.eventId,
        e.line,
        e.asset,
        e.orderId,
        e.material,
        e.eventType,
        e.quantity,
        e.unit,
      ]);
    };
    expect(await shown('tr-w')).toEqual([['EV-W1', 'L5', 'ASSET-W1', 'ORD-W', 'M-W', 'cycle_complete', 4, 'EA']]);
    expect(await shown('tr-w2')).toEqual([['EV-W2', 'L5', 'ASSET-W2', 'ORD-W', 'M-W', 'cycle_complete', 6, 'EA']]);
    expect(await shown('tr-w3')).toEqual([['EV-W3', 'L5', 'ASSET-W3', 'ORD-W', 'M-W', 'cycle_complete', 7, 'EA']]);
  });

  it('shows a device event stored before the upgrade as each viewer\u2019s plants allow', async () => {
    // A message seen in P1 and P2. Before migration 20261212090000 its device event EV-S was stored in
    // P1, then re-sent corrected to P2. Both rows are read from device_events (their events_by_id rows
    // carry no asset); that read keeps to the viewer's plants like every other: whoever sees both
    // plants sees the event as last sent, P1's manager the P1 row, never the P2 one.
    const event = (plant: string, asset: string, quantity: number) => ({
      event_id: 'EV-S',
      event_time: t0 - 45 * MIN,
      plant,
      line: 'L1',
      asset,
      order_id: 'ORD-S',
      material: 'M-S',
      event_type: 'cycle_complete',
      quantity,
      unit: 'EA',
    });
    await seed(app.url, {
      events: [event('P1', 'ASSET-S1', 3)],
      hops: [
        hop('s-1', 'tr-s', 'device', -45 * MIN, -45 * MIN + 40, { business_key: 'EV-S', order_id: 'ORD-S' }),
        hop('s-2', 'tr-s', 'gateway', -45 * MIN + 100, -45 * MIN + 200, {
          business_key: 'EV-S',
          order_id: 'ORD-S',
          plant: 'P2',
          parent_hop_id: 's-1',
        }),
      ],
    });
    await seed(app.url, { events: [event('P2', 'ASSET-S2', 4)] });
    await app.db.commandOnShards(`
      ALTER TABLE events_by_id UPDATE whole = 0, asset = '' WHERE event_id = 'EV-S' SETTINGS mutations_sync = 2`);
    const events = async (token: string) => {
      const { body } = await trace('tr-s', token);
      expect(body.errors).toBeUndefined();
      return body.data!.trace.deviceEvents.map((e) => [e.eventId, e.plant, e.asset, e.quantity]);
    };
    expect(await events(TEST_ADMIN_TOKEN)).toEqual([['EV-S', 'P2', 'ASSET-S2', 4]]);
    expect(await events(p1Manager)).toEqual([['EV-S', 'P1', 'ASSET-S1', 3]]);
  });

  it('opens a hop with its attributes and payload, cut at 64 KiB with the whole on request', async () => {
    const query = `query($full: Boolean) { traceHop(correlationId: "tr-a2", hopId: "a-7", fullPayload: $full) {
        hopId stage attributes payload payloadBytes payloadTruncated } }`;
    const cut = await graphql<{
      traceHop: { attributes: string; payload: string; payloadBytes: number; payloadTruncated: boolean };
    }>(app.url, query, { full: false }, p1Manager);
    expect(cut.body.errors).toBeUndefined();
    const h = cut.body.data!.traceHop;
    expect(JSON.parse(h.attributes)).toEqual({ document_id: 'DOC-A' });
    expect(h.payloadTruncated).toBe(true);
    expect(h.payload.length).toBe(64 * 1024);
    const full = await graphql<{ traceHop: { payload: string; payloadTruncated: boolean } }>(
      app.url,
      query,
      { full: true },
      p1Manager,
    );
    expect(full.body.data!.traceHop.payloadTruncated).toBe(false);
    expect(JSON.parse(full.body.data!.traceHop.payload)).toEqual({ big: 'x'.repeat(70_000) });
    const hidden = await graphql(app.url, 'query { traceHop(correlationId: "tr-b", hopId: "b-1") { hopId } }', {}, p1Manager);
    expect(hidden.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
