// npm run bench -- ingest [rows]
// (a) raw @clickhouse/client JSONEachRow insert of generated hops into the hops table,
// (b) the same hops through POST /api/v1/hops as NDJSON (5,000 per request, 8 concurrent clients),
// (c) OTLP protobuf spans from the official SDK serializer through POST /v1/traces.
// Each phase runs on a fresh embedded engine. Prints rows/s; the last line is JSON.
import http from 'node:http';
import { buildOtlpPayloads } from './otlp-payloads.mjs';
import { generateHops } from './hop-generator.mjs';
import {
  chunk,
  describeCpu,
  fmt,
  migratedDatabase,
  postBody,
  runConcurrent,
  startEngine,
  startServer,
  waitForQuiet,
  withCpu,
} from './support.mjs';

const ROWS = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 600_000);
const OTLP_SPANS = Math.min(ROWS, 300_000);
const BATCH = 5000;
const OTLP_BATCH = 2000;
const CONCURRENCY = 8;
// BENCH_INGEST_COLD=1: time the API at once, during the server's start-up jobs (the protocol before 2026-12-03).
const COLD = Boolean(process.env.BENCH_INGEST_COLD);

/** The server's start-up jobs done (see waitForQuiet), unless BENCH_INGEST_COLD. */
async function settled(engine, server) {
  if (COLD) return;
  const waited = await waitForQuiet({ engine: engine.pid, server: server.pid });
  console.log(`    (the server's start-up jobs took ${waited.toFixed(1)} s)`);
}

function toTableRow(h) {
  // What the table holds, as a client that already has clean data would insert it.
  return {
    ...h,
    parent_hop_id: h.parent_hop_id ?? '',
    error_code: h.error_code ?? '',
    start_time: h.start_time.replace('T', ' ').replace('Z', ''),
    end_time: h.end_time.replace('T', ' ').replace('Z', ''),
    attributes: {},
  };
}

async function storedHops(client) {
  const rs = await client.query({ query: 'SELECT count() AS c FROM hops FINAL', format: 'JSONEachRow' });
  return Number((await rs.json())[0].c);
}

async function withEngine(fn) {
  const engine = await startEngine();
  try {
    return await fn(engine);
  } finally {
    await engine.stop();
  }
}

async function measureRaw(hops) {
  return withEngine(async (engine) => {
    const raw = await migratedDatabase(engine.url, 'bench');
    const batches = chunk(hops.map(toTableRow), BATCH);
    const { result: seconds, perRow } = await withCpu({ engine: engine.pid }, hops.length, () =>
      runConcurrent(
        batches.map((values) => () => raw.insert({ table: 'hops', values, format: 'JSONEachRow' })),
        CONCURRENCY,
      ),
    );
    if ((await storedHops(raw)) !== hops.length) throw new Error('raw insert lost rows');
    await raw.close();
    return { rate: hops.length / seconds, perRow };
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const post = (url, body, contentType) => postBody(agent, url, body, contentType);

async function measureApi(hops) {
  return withEngine(async (engine) => {
    const db = await migratedDatabase(engine.url, 'bench');
    const server = await startServer({ CLICKHOUSE_URL: engine.url, CLICKHOUSE_DATABASE: 'bench' });
    try {
      await settled(engine, server);
      const bodies = chunk(hops, BATCH).map((b) => Buffer.from(b.map((h) => JSON.stringify(h)).join('\n') + '\n'));
      const { result: seconds, perRow } = await withCpu({ engine: engine.pid, server: server.pid }, hops.length, () =>
        runConcurrent(
          bodies.map((body) => () => post(`${server.url}/api/v1/hops`, body, 'application/x-ndjson')),
          CONCURRENCY,
        ),
      );
      const stored = await storedHops(db);
      if (stored !== hops.length) throw new Error(`the API stored ${stored} of ${hops.length} hops`);
      return { rate: hops.length / seconds, perRow };
    } finally {
      await server.stop();
      await db.close();
    }
  });
}

async function measureOtlp(spans) {
  const { payloads, perRequest } = await buildOtlpPayloads(spans, OTLP_BATCH);
  return withEngine(async (engine) => {
    const db = await migratedDatabase(engine.url, 'bench');
    const server = await startServer({ CLICKHOUSE_URL: engine.url, CLICKHOUSE_DATABASE: 'bench' });
    try {
      await settled(engine, server);
      const sent = payloads.length * perRequest;
      const { result: seconds, perRow } = await withCpu({ engine: engine.pid, server: server.pid }, sent, () =>
        runConcurrent(
          payloads.map((body) => async () => {
            const answer = await post(`${server.url}/v1/traces`, body, 'application/x-protobuf');
            if (answer.length !== 0) throw new Error('OTLP answered partial success: spans were rejected');
          }),
          CONCURRENCY,
        ),
      );
      const stored = await storedHops(db);
      if (stored !== sent) throw new Error(`OTLP stored ${stored} of ${sent} spans`);
      return { rate: sent / seconds, perRow };
    } finally {
      await server.stop();
      await db.close();
    }
  });
}

console.log(`generating ${fmt(ROWS)} hops...`);
const hops = generateHops(ROWS);
const raw = await measureRaw(hops);
const rawRate = raw.rate;
console.log(`(a) raw @clickhouse/client JSONEachRow, ${BATCH}/insert x${CONCURRENCY}: ${fmt(rawRate)} rows/s`);
console.log(`    ${describeCpu(raw.perRow)}`);
const api = await measureApi(hops);
const apiRate = api.rate;
console.log(`(b) POST /api/v1/hops NDJSON, ${BATCH}/request x${CONCURRENCY}: ${fmt(apiRate)} hops/s`);
console.log(`    ${describeCpu(api.perRow)}`);
const otlp = await measureOtlp(OTLP_SPANS);
const otlpRate = otlp.rate;
console.log(
  `(c) POST /v1/traces protobuf (SDK serializer), ${OTLP_BATCH} spans/request x${CONCURRENCY}: ${fmt(otlpRate)} spans/s`,
);
console.log(`    ${describeCpu(otlp.perRow)}`);
const ratio = apiRate / rawRate;
console.log(`ratio b/a = ${ratio.toFixed(2)}`);
console.log(
  JSON.stringify({
    rows: ROWS,
    batch: BATCH,
    concurrency: CONCURRENCY,
    raw_rows_per_s: Math.round(rawRate),
    api_hops_per_s: Math.round(apiRate),
    ratio: Number(ratio.toFixed(3)),
    otlp_spans_per_s: Math.round(otlpRate),
  }),
);
