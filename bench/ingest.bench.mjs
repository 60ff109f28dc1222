// npm run bench -- ingest [rows]
// (a) raw @clickhouse/client JSONEachRow insert of the hops, (b) the same hops through
// POST /api/v1/hops as NDJSON (5,000 per request, 8 concurrent clients), (c) OTLP protobuf spans
// through POST /v1/traces. Prints rows/s; the last line is JSON.
import { createRequire } from 'node:module';
import { ADMIN_TOKEN, chunk, fmt, migratedDatabase, runConcurrent, startEngine, startServer } from './support.mjs';
import { generateHops } from './hop-generator.mjs';

const require = createRequire(import.meta.url);
const ROWS = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 600_000);
const BATCH = 5000;
const CONCURRENCY = 8;

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

async function count(client, db) {
  const rs = await client.query({ query: `SELECT count() AS c FROM ${db}.hops FINAL`, format: 'JSONEachRow' });
  return Number((await rs.json())[0].c);
}

// Each phase gets a fresh engine process and data directory, so no phase pays for another's merges.
console.log(`generating ${fmt(ROWS)} hops...`);
const hops = generateHops(ROWS);
let rawRate = 0;
{
  const engine = await startEngine();
  try {
    // (a) raw client insert
    const raw = await migratedDatabase(engine.url, 'bench_raw');
    const rawBatches = chunk(hops.map(toTableRow), BATCH);
    const rawSeconds = await runConcurrent(
      rawBatches.map((values) => () => raw.insert({ table: 'hops', values, format: 'JSONEachRow' })),
      CONCURRENCY,
    );
    rawRate = ROWS / rawSeconds;
    console.log(
      `(a) raw @clickhouse/client JSONEachRow: ${fmt(ROWS)} rows in ${rawSeconds.toFixed(2)} s = ${fmt(rawRate)} rows/s`,
    );
    if ((await count(raw, 'bench_raw')) !== ROWS) throw new Error('raw insert lost rows');
    await raw.close();
  } finally {
    await engine.stop();
  }
}
const engine = await startEngine();
try {
  // (b) through the API
  const api = await migratedDatabase(engine.url, 'bench_api');
  const server = await startServer({ CLICKHOUSE_URL: engine.url, CLICKHOUSE_DATABASE: 'bench_api' });
  let apiRate = 0;
  let otlpRate = 0;
  try {
    const bodies = chunk(hops, BATCH).map((b) => Buffer.from(b.map((h) => JSON.stringify(h)).join('\n') + '\n'));
    const apiSeconds = await runConcurrent(
      bodies.map((body) => async () => {
        const res = await fetch(`${server.url}/api/v1/hops`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${ADMIN_TOKEN}` },
          body,
        });
        if (res.status !== 200) throw new Error(`API answered ${res.status}: ${await res.text()}`);
      }),
      CONCURRENCY,
    );
    apiRate = ROWS / apiSeconds;
    console.log(
      `(b) POST /api/v1/hops NDJSON x${CONCURRENCY}: ${fmt(ROWS)} hops in ${apiSeconds.toFixed(2)} s = ${fmt(apiRate)} hops/s`,
    );
    const stored = await count(api, 'bench_api');
    if (stored !== ROWS) throw new Error(`API stored ${stored} of ${ROWS} hops`);

    // (c) OTLP protobuf
    let otlp;
    try {
      otlp = require('./otlp-payloads.cjs');
    } catch {
      otlp = undefined;
    }
    if (otlp) {
      const spans = Math.min(ROWS, 200_000);
      const { payloads, perRequest } = await otlp.buildOtlpPayloads(spans, 2000);
      const otlpSeconds = await runConcurrent(
        payloads.map((body) => async () => {
          const res = await fetch(`${server.url}/v1/traces`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${ADMIN_TOKEN}` },
            body,
          });
          if (res.status !== 200) throw new Error(`OTLP answered ${res.status}: ${await res.text()}`);
        }),
        CONCURRENCY,
      );
      otlpRate = (payloads.length * perRequest) / otlpSeconds;
      console.log(
        `(c) POST /v1/traces protobuf x${CONCURRENCY}: ${fmt(payloads.length * perRequest)} spans in ${otlpSeconds.toFixed(2)} s = ${fmt(otlpRate)} spans/s`,
      );
    }
  } finally {
    await server.stop();
  }
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
} finally {
  await engine.stop();
}
