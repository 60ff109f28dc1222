// `npm run bench -- replay [messages]`: replay throughput and duplicate sends. Stores `messages`
// (default 10,000) failed messages through ingest, then replays them all to a local HTTP target that
// answers in about 5 ms, with the ERP re-check on (checkMode postings), and counts what the target
// receives. Then the same with another set of messages requested twice at once. Last line: JSON.
import http from 'node:http';
import { Redis } from 'ioredis';
import { ADMIN_TOKEN, chunk, fmt, gql, migratedDatabase, startEngine, startServer } from './support.mjs';

const MESSAGES = Number(process.argv[2] ?? 10_000);
const TARGET_LATENCY_MS = 5;
const FLOW = 'production_confirmation';
const QUEUE_PREFIX = `bench-replay-${process.pid}`;

/** The ERP API: answers each request after ~5 ms and counts every idempotency key it receives. */
function startTarget() {
  const received = new Map();
  const server = http.createServer((req, res) => {
    const key = String(req.headers['idempotency-key']);
    req.resume();
    req.on('end', () => {
      received.set(key, (received.get(key) ?? 0) + 1);
      setTimeout(() => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'posted', document_id: `DOC-${key}` }));
      }, TARGET_LATENCY_MS);
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/replay`,
        received,
        duplicates: (prefix) => [...received].filter(([k, n]) => k.startsWith(prefix) && n > 1).length,
        sends: (prefix) => [...received].filter(([k]) => k.startsWith(prefix)).reduce((a, [, n]) => a + n, 0),
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}

/** `n` failed messages: a device hop with the payload and a failed middleware hop each. */
async function storeMessages(url, prefix, n) {
  const t = Date.now() - 30 * 60_000;
  const hops = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${i}`;
    const base = { correlation_id: `c-${id}`, flow: FLOW, plant: 'P1', line: 'L1', order_id: 'O-bench', business_key: id };
    hops.push(
      {
        ...base,
        hop_id: `${id}-1`,
        stage: 'device',
        start_time: t + i,
        end_time: t + i + 20,
        status: 'ok',
        payload: { event_id: id, plant: 'P1', quantity: 10, unit: 'EA' },
      },
      {
        ...base,
        hop_id: `${id}-2`,
        stage: 'middleware',
        start_time: t + i + 30,
        end_time: t + i + 60,
        status: 'error',
        error_code: 'HTTP_503',
      },
    );
  }
  for (const part of chunk(hops, 10_000)) {
    const res = await fetch(`${url}/api/v1/hops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(part),
    });
    if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
  return Array.from({ length: n }, (_, i) => `c-${prefix}-${i}`);
}

/** ClickHouse's own counters (queries, inserts, merges, CPU), to see where its time goes between two points. */
const EVENTS = [
  'SelectQuery',
  'InsertQuery',
  'SelectQueryTimeMicroseconds',
  'InsertQueryTimeMicroseconds',
  'MergesTimeMilliseconds',
  'MergedRows',
  'InsertedRows',
  'UserTimeMicroseconds',
];
async function engineEvents(db) {
  const rs = await db.query({
    query: 'SELECT event, value FROM system.events WHERE event IN {e:Array(String)}',
    query_params: { e: EVENTS },
    format: 'JSONEachRow',
  });
  return Object.fromEntries((await rs.json()).map((r) => [r.event, Number(r.value)]));
}
const delta = (a, b) => Object.fromEntries(EVENTS.map((e) => [e, (b[e] ?? 0) - (a[e] ?? 0)]));

/** Requests replays of `ids` in requests of at most 10,000 (the most one request takes); returns their batch ids. */
async function request(url, ids) {
  const batches = [];
  for (const part of chunk(ids, 10_000)) {
    const { replayMessages } = await gql(
      url,
      'mutation($ids: [String!]!) { replayMessages(correlationIds: $ids, dryRun: false, reason: "bench") { batchId toSend skipped } }',
      { ids: part },
    );
    if (replayMessages.batchId) batches.push(replayMessages.batchId);
  }
  return batches;
}

async function waitDone(url, batchIds) {
  for (;;) {
    let open = 0;
    let sent = 0;
    let other = 0;
    for (const id of batchIds) {
      const { replayBatch: b } = await gql(
        url,
        'query($id: String!) { replayBatch(id: $id) { queued sent skipped failed dead cancelled } }',
        { id },
      );
      open += b.queued;
      sent += b.sent;
      other += b.skipped + b.failed + b.dead + b.cancelled;
    }
    if (open === 0) return { sent, other };
    await new Promise((r) => setTimeout(r, 500));
  }
}

const engine = await startEngine();
const db = await migratedDatabase(engine.url, 'bench');
const target = await startTarget();
const server = await startServer({
  CLICKHOUSE_URL: engine.url,
  CLICKHOUSE_DATABASE: 'bench',
  QUEUE_PREFIX,
  RECONCILE_INTERVAL_SECONDS: '0',
  RECONCILE_RECHECK_MINUTES: '0',
  SYNCLINE_DATA_DIR: `/tmp/syncline-bench-data-${process.pid}`,
});
try {
  await gql(server.url, 'mutation($input: ReplayTargetInput!) { saveReplayTarget(input: $input) { flow } }', {
    input: { flow: FLOW, url: target.url, ratePerSecond: 10_000, concurrency: 64, timeoutMs: 5000 },
  });
  console.log(
    `storing ${fmt(MESSAGES)} failed messages, then replaying them to a target answering in ~${TARGET_LATENCY_MS} ms...`,
  );
  const ids = await storeMessages(server.url, 'r1', MESSAGES);

  const before = await engineEvents(db);
  const started = performance.now();
  const batches = await request(server.url, ids);
  const requested = (performance.now() - started) / 1000;
  const one = await waitDone(server.url, batches);
  const seconds = (performance.now() - started) / 1000;
  const replaysPerS = MESSAGES / seconds;
  const used = delta(before, await engineEvents(db));
  console.log(
    `(1) ${fmt(MESSAGES)} replays in ${seconds.toFixed(2)} s (requests answered after ${requested.toFixed(2)} s): ${fmt(Math.round(replaysPerS))} replays/s; sent ${fmt(one.sent)}, target received ${fmt(target.sends('r1'))}, duplicates ${target.duplicates('r1')}`,
  );

  console.log(
    `    ClickHouse meanwhile: ${fmt(used.SelectQuery)} selects (${(used.SelectQueryTimeMicroseconds / 1e6).toFixed(1)} s), ${fmt(used.InsertQuery)} inserts (${(used.InsertQueryTimeMicroseconds / 1e6).toFixed(1)} s, ${fmt(used.InsertedRows)} rows), merges ${(used.MergesTimeMilliseconds / 1000).toFixed(1)} s (${fmt(used.MergedRows)} rows), user CPU ${(used.UserTimeMicroseconds / 1e6).toFixed(1)} s`,
  );

  // The same set of new messages requested twice at once (two people, or a double click on "all").
  const ids2 = await storeMessages(server.url, 'r2', MESSAGES);
  const started2 = performance.now();
  const [a, b] = await Promise.all([request(server.url, ids2), request(server.url, ids2)]);
  const two = await waitDone(server.url, [...a, ...b]);
  const seconds2 = (performance.now() - started2) / 1000;
  console.log(
    `(2) the same ${fmt(MESSAGES)} requested twice at once: done in ${seconds2.toFixed(2)} s; sent ${fmt(two.sent)}, skipped ${fmt(two.other)}, target received ${fmt(target.sends('r2'))}, duplicates ${target.duplicates('r2')}`,
  );
  const duplicates = target.duplicates('r1') + target.duplicates('r2');
  console.log(
    JSON.stringify({
      messages: MESSAGES,
      replays_per_s: Math.round(replaysPerS),
      seconds: Number(seconds.toFixed(2)),
      duplicate_sends: duplicates,
      twice_at_once_seconds: Number(seconds2.toFixed(2)),
      twice_at_once_duplicates: target.duplicates('r2'),
      target_received: target.sends('r1') + target.sends('r2'),
    }),
  );
} finally {
  await server.stop();
  await target.close();
  await db.close();
  await engine.stop();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${QUEUE_PREFIX}:*`);
  for (const part of chunk(keys, 1000)) await redis.del(...part);
  redis.disconnect();
}
