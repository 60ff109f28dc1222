import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { createApiKey, deviceEvent, erpPosting, hop, postRecords } from '../support/ingest';
import { DAY } from '../support/time';

// Every case runs with bodies parsed on the HTTP thread and on encoder worker threads (INGEST_PARSE_WORKERS):
// the answers and what is stored must not depend on where the parsing ran.
describe.each([
  ['on the HTTP thread', '0'],
  ['on 2 encoder threads', '2'],
])('HTTP batch ingest on real ClickHouse, bodies parsed %s', (_where, workers) => {
  let app: TestApp;
  let key: string;
  const count = async (sql: string, params?: Record<string, unknown>) =>
    Number((await queryRows<{ c: string }>(app.db.client, sql, params))[0].c);

  beforeAll(async () => {
    app = await startTestApp({ INGEST_MAX_ROWS: '500', INGEST_MAX_BODY_BYTES: '200000', INGEST_PARSE_WORKERS: workers });
    key = (await createApiKey(app.url, { plants: ['P1'], kinds: ['hops', 'device_events', 'erp_postings'] })).token;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores hops sent as a JSON array, with times in UTC, units from the unit table and attributes kept', async () => {
    const h = hop({ hop_id: 'json-1', correlation_id: 'c-json-1' });
    const res = await postRecords(app.url, '/api/v1/hops', [h], { token: key });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 1 });
    const [row] = await queryRows<Record<string, unknown>>(
      app.db.client,
      "SELECT start_time, end_time, unit, quantity, status, payload, attributes FROM hops WHERE hop_id = 'json-1'",
    );
    expect(row).toEqual({
      start_time: `${DAY} 07:00:00.000000`,
      end_time: `${DAY} 07:00:00.250000`,
      unit: 'EA',
      quantity: 12,
      status: 'ok',
      payload: '{"qty":12}',
      attributes: { tenant: 'acme', retries: '0' },
    });
  });

  it('stores NDJSON, gzip-compressed, for all three kinds', async () => {
    const hops = [hop({ correlation_id: 'c-nd' }), hop({ correlation_id: 'c-nd', stage: 'erp_posting' })];
    const events = [deviceEvent({ event_id: 'nd-evt-1' })];
    const postings = [erpPosting({ document_id: 'nd-doc-1', device_event_id: 'nd-evt-1' })];
    for (const [path, rows] of [
      ['/api/v1/hops', hops],
      ['/api/v1/device-events', events],
      ['/api/v1/erp-postings', postings],
    ] as const) {
      const res = await postRecords(app.url, path, [...rows], { token: key, ndjson: true, gzip: true });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.accepted).toBe(rows.length);
    }
    const [ev] = await queryRows<Record<string, unknown>>(
      app.db.client,
      "SELECT event_time, unit, source FROM device_events WHERE event_id = 'nd-evt-1'",
    );
    expect(ev).toEqual({ event_time: `${DAY} 08:00:00.000`, unit: 'EA', source: 'http' });
    const [po] = await queryRows<Record<string, unknown>>(
      app.db.client,
      "SELECT unit, device_event_id FROM erp_postings WHERE document_id = 'nd-doc-1'",
    );
    expect(po).toEqual({ unit: 'CS', device_event_id: 'nd-evt-1' });
    expect(await count("SELECT count() AS c FROM hops FINAL WHERE correlation_id = 'c-nd'")).toBe(2);
  });

  it('counts a batch sent twice, and twice concurrently, once', async () => {
    const batch = Array.from({ length: 50 }, () => hop({ correlation_id: 'c-dup', flow: 'goods_receipt' }));
    const first = await postRecords(app.url, '/api/v1/hops', batch, { token: key });
    expect(first.status).toBe(200);
    const again = await Promise.all(
      [1, 2, 3].map(() => postRecords(app.url, '/api/v1/hops', batch, { token: key, ndjson: true })),
    );
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await count("SELECT count() AS c FROM hops FINAL WHERE flow = 'goods_receipt'")).toBe(50);
    expect(await count("SELECT sum(quantity) AS c FROM hops FINAL WHERE flow = 'goods_receipt'")).toBe(600);
    expect(await count("SELECT count() AS c FROM hops FINAL WHERE correlation_id = 'c-dup'")).toBe(50);

    const events = Array.from({ length: 20 }, () => deviceEvent({ plant: 'P1', line: 'DUP' }));
    await Promise.all([1, 2].map(() => postRecords(app.url, '/api/v1/device-events', events, { token: key })));
    expect(await count("SELECT count() AS c FROM device_events FINAL WHERE line = 'DUP'")).toBe(20);
  });

  it('stores every record of many concurrent requests as sent (request buffers are reused)', async () => {
    const requests = Array.from({ length: 24 }, (_, r) =>
      Array.from({ length: 300 }, (_, i) =>
        hop({ hop_id: `conc-${r}-${i}`, correlation_id: `c-conc-${r}`, quantity: r * 1000 + i, flow: 'concurrency' }),
      ),
    );
    const answers = await Promise.all(
      requests.map((rows, r) => postRecords(app.url, '/api/v1/hops', rows, { token: key, ndjson: r % 2 === 0 })),
    );
    expect(answers.map((a) => a.status)).toEqual(requests.map(() => 200));
    const stored = await queryRows<{ hop_id: string; correlation_id: string; quantity: number }>(
      app.db.client,
      "SELECT hop_id, correlation_id, quantity FROM hops FINAL WHERE flow = 'concurrency' ORDER BY hop_id",
    );
    const sent = requests
      .flat()
      .map((h) => ({ hop_id: h.hop_id, correlation_id: h.correlation_id, quantity: h.quantity }))
      .sort((x, y) => (String(x.hop_id) < String(y.hop_id) ? -1 : 1));
    expect(stored).toEqual(sent);
  });

  it('rejects a batch with invalid records, naming each record, field and what is allowed, and stores none of it', async () => {
    const batch = [
      hop({ hop_id: 'bad-ok', flow: 'bad_batch' }),
      hop({ flow: 'bad_batch', start_time: `${DAY}T08:00:00` }),
      hop({ flow: 'bad_batch', status: 'maybe' }),
      hop({ flow: 'bad_batch', unit: 'bananas' }),
      hop({ flow: 'bad_batch', stage: 'teleport' }),
      hop({ flow: 'bad_batch', plnt: 'typo' }),
      { ...hop({ flow: 'bad_batch' }), hop_id: undefined },
      hop({ flow: 'bad_batch', event_type: 'explosion' }),
      hop({ flow: 'bad_batch', start_time: '2020-01-01T00:00:00Z' }),
    ];
    const res = await postRecords(app.url, '/api/v1/hops', batch, { token: key });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('invalid_rows');
    expect(res.body.policy).toBe('all-or-nothing');
    expect(res.body.message).toMatch(/^8 of 9 records are invalid; nothing was stored/);
    const errors = res.body.errors as { index: number; field: string; reason: string }[];
    expect(errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'start_time'],
      [2, 'status'],
      [3, 'unit'],
      [4, 'stage'],
      [5, 'plnt'],
      [6, 'hop_id'],
      [7, 'event_type'],
      [8, 'start_time'],
    ]);
    expect(errors[0].reason).toMatch(/no UTC offset/);
    expect(errors[1].reason).toBe('must be one of ok, error, retry, dropped');
    expect(errors[2].reason).toMatch(/"bananas" is not in the unit table \(known: .*EA.*\)/);
    expect(errors[3].reason).toMatch(/must be one of device, gateway, broker, middleware, erp_api, erp_posting/);
    expect(errors[4].reason).toMatch(/is not a known field \(allowed: hop_id, correlation_id/);
    expect(errors[5].reason).toBe('is required');
    expect(errors[6].reason).toMatch(/must be one of production_start, .*goods_receipt/);
    expect(errors[7].reason).toMatch(/older than the 90-day retention of hops/);
    expect(await count("SELECT count() AS c FROM hops WHERE flow = 'bad_batch'")).toBe(0);
  });

  it('answers 400 for a body that is not JSON, naming the NDJSON line, and 415 for other formats', async () => {
    const bad = await postRecords(app.url, '/api/v1/device-events', [], {
      token: key,
      contentType: 'application/x-ndjson',
      rawBody: `${JSON.stringify(deviceEvent())}\n{"event_id": oops}\n`,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/NDJSON line 2 is not valid JSON/);
    const notArray = await postRecords(app.url, '/api/v1/device-events', [], { token: key, rawBody: '{"event_id":"x"}' });
    expect(notArray.status).toBe(400);
    expect(notArray.body.message).toMatch(/must be a JSON array/);
    const xml = await postRecords(app.url, '/api/v1/device-events', [], { token: key, contentType: 'text/xml', rawBody: '<a/>' });
    expect(xml.status).toBe(415);
  });

  it('answers 413 naming the limit when a batch has too many records or bytes, compressed or not', async () => {
    const many = Array.from({ length: 501 }, () => deviceEvent({ line: 'LIMIT' }));
    const rows = await postRecords(app.url, '/api/v1/device-events', many, { token: key, ndjson: true });
    expect(rows.status).toBe(413);
    expect(rows.body.message).toMatch(/at most 500 are accepted per request \(INGEST_MAX_ROWS\)/);
    const big = [deviceEvent({ line: 'LIMIT', attributes: { note: 'x'.repeat(250_000) } })];
    for (const gzip of [false, true]) {
      const bytes = await postRecords(app.url, '/api/v1/device-events', big, { token: key, gzip });
      expect(bytes.status).toBe(413);
      expect(bytes.body.message).toMatch(/larger than 200000 bytes \(INGEST_MAX_BODY_BYTES\)/);
    }
    expect(await count("SELECT count() AS c FROM device_events WHERE line = 'LIMIT'")).toBe(0);
  });

  it('refuses missing, wrong and revoked keys, and keys outside their plants or kinds', async () => {
    expect((await postRecords(app.url, '/api/v1/hops', [hop()])).status).toBe(401);
    expect((await postRecords(app.url, '/api/v1/hops', [hop()], { token: 'sl_000000000000_' + 'a'.repeat(43) })).status).toBe(
      401,
    );

    const other = await postRecords(
      app.url,
      '/api/v1/hops',
      [hop({ plant: 'P1', flow: 'scope_test' }), hop({ plant: 'P2', flow: 'scope_test' })],
      { token: key },
    );
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('forbidden_plant');
    expect(other.body.message).toMatch(/record 1, plant "P2" is outside this API key's plants \(P1\)/);
    expect(await count("SELECT count() AS c FROM hops WHERE flow = 'scope_test'")).toBe(0);

    const eventsOnly = await createApiKey(app.url, { plants: ['*'], kinds: ['device_events'] });
    const wrongKind = await postRecords(app.url, '/api/v1/erp-postings', [erpPosting()], { token: eventsOnly.token });
    expect(wrongKind.status).toBe(403);
    expect(wrongKind.body.message).toBe('This API key may send device_events, not erp_postings');
    expect(
      (await postRecords(app.url, '/api/v1/device-events', [deviceEvent({ plant: 'P9' })], { token: eventsOnly.token })).status,
    ).toBe(200);

    const revoke = await graphql<{ revokeApiKey: boolean }>(
      app.url,
      'mutation($id: ID!) { revokeApiKey(id: $id) }',
      { id: eventsOnly.id },
      TEST_ADMIN_TOKEN,
    );
    expect(revoke.body.data?.revokeApiKey).toBe(true);
    expect((await postRecords(app.url, '/api/v1/device-events', [deviceEvent()], { token: eventsOnly.token })).status).toBe(401);
  });

  it('lets only the admin manage keys, and never shows a key again', async () => {
    const asKey = await graphql(app.url, '{ apiKeys { id } }', undefined, key);
    expect(asKey.body.errors?.[0].message).toMatch(/API keys may only send data/);
    expect(asKey.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const list = await graphql<{ apiKeys: Record<string, unknown>[] }>(
      app.url,
      '{ apiKeys { id name plants kinds revoked } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(list.body.data?.apiKeys.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(list.body)).not.toContain(key.slice(16));
    const bad = await graphql(
      app.url,
      'mutation { createApiKey(input: {name: "x", plants: ["P1"], kinds: ["everything"]}) { token } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(bad.body.errors?.[0].message).toMatch(
      /kinds must be one or more of hops, device_events, erp_postings \(got everything\)/,
    );
    const [stored] = await queryRows<{ secret_sha256: string }>(app.db.client, 'SELECT secret_sha256 FROM api_keys LIMIT 1');
    expect(stored.secret_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rate-limits each key and says when to retry', async () => {
    const slow = await createApiKey(app.url, { plants: ['P1'], kinds: ['device_events'], rateLimitPerMinute: 2 });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof postRecords>> | undefined;
    for (let i = 0; i < 3; i++) {
      last = await postRecords(app.url, '/api/v1/device-events', [deviceEvent()], { token: slow.token });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.body.message).toMatch(/limited to 2 requests per minute/);
  });
});
