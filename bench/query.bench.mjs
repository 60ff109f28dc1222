// `npm run bench -- query [hops]`: finding and reading messages at scale (issue 11). Generates `hops`
// hops (default 100,000,000) over 30 days ending now inside ClickHouse: messages of six hops each
// (device -> gateway -> broker -> middleware -> erp_api -> erp_posting) from 3 plants x 4 lines x 5
// assets, four flows, lognormal stage latencies, ~1 % of messages failing at one hop (no later
// stages), ~1 % retried once at erp_api, rare store-and-forward buffering at the gateway, plus one
// device event per message and one ERP posting per message that reached erp_posting. The materialized
// view fills `trace_index`. Then, through the built server's GraphQL API, times 200 runs each, one
// after the other, with random existing keys, of: trace by correlation id, search by order, by
// business key, by ERP document id, "never reached erp_posting" over the data's last hour, and a
// search that matches nothing. Prints p50 / p95 / max per kind and the misses. Last line: JSON.
// BENCH_QUERY_DATA_DIR=/path keeps the engine's data there and, when it already holds a generated set of
// the same size, times the queries on it without generating again (for iterating on the queries).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DASHBOARD,
  dashFilter,
  dashRange,
  DAYS,
  generateQueryData,
  HOPS_PER_MESSAGE,
  INSERT_SETTINGS,
  NOT_POSTED,
  percentile,
  SEARCH,
  STAGES,
  TRACE,
} from './query-data.mjs';
import {
  compactClosedDays,
  fmt,
  gql,
  migratedDatabase,
  startEngine,
  startServer,
  waitForFirstRollup,
  waitForMerges,
} from './support.mjs';

const HOPS = Number(process.argv[2] ?? 100_000_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 200);
const WARMUP = 5;
const MESSAGES = Math.max(1, Math.round(HOPS / HOPS_PER_MESSAGE));
const SPAN_MS = DAYS * 86_400_000;
const KEPT_DIR = process.env.BENCH_QUERY_DATA_DIR ? path.resolve(process.env.BENCH_QUERY_DATA_DIR) : undefined;
const MARKER = KEPT_DIR && path.join(KEPT_DIR, 'query-bench.json');
/** A set generated earlier in the kept directory, with the same number of hops: reused. */
const reused = MARKER && existsSync(MARKER) ? JSON.parse(readFileSync(MARKER, 'utf8')) : undefined;
if (reused && reused.hops !== HOPS) {
  console.error(`${KEPT_DIR} holds ${reused.hops} generated hops, not ${HOPS}: use another BENCH_QUERY_DATA_DIR`);
  process.exit(2);
}
// One fixed end for every chunk and table: hops after it (messages still on their way) are not written.
const END_MS = reused?.end_ms ?? Date.now();
const START_MS = END_MS - SPAN_MS;

async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

async function rows(db, sql, params = {}, settings = {}) {
  const rs = await db.query({ query: sql, query_params: params, format: 'JSONEachRow', clickhouse_settings: settings });
  return rs.json();
}
const scalar = async (db, sql, params) => Number(Object.values((await rows(db, sql, params))[0])[0]);

if (KEPT_DIR) mkdirSync(KEPT_DIR, { recursive: true });
const engine = await startEngine(KEPT_DIR);
const db = await migratedDatabase(engine.url, 'bench');
let gen;
if (reused) {
  console.log(`reusing the ${fmt(HOPS)} hops generated in ${KEPT_DIR} (${reused.generate_s} s to generate)`);
  gen = { ms: reused.generate_s * 1000 };
} else {
  console.log(
    `generating ${fmt(HOPS)} hops (${fmt(MESSAGES)} messages), their device events and postings over ${DAYS} days inside ClickHouse...`,
  );
  gen = await timed(() => generateQueryData(db, { messages: MESSAGES, startMs: START_MS, spanMs: SPAN_MS, endMs: END_MS }));
  if (MARKER)
    writeFileSync(MARKER, JSON.stringify({ hops: HOPS, end_ms: END_MS, generate_s: Number((gen.ms / 1000).toFixed(1)) }));
}
const hopRows = await scalar(db, 'SELECT count() FROM hops');
const messages = await scalar(db, 'SELECT uniqExact(correlation_id) FROM hops');
const events = await scalar(db, 'SELECT count() FROM device_events');
const postings = await scalar(db, 'SELECT count() FROM erp_postings');
const faults = (
  await rows(
    db,
    `SELECT countIf(status = 'error') AS errors, countIf(attempt = 2) AS retries,
            countIf(mapContains(attributes, 'store_and_forward')) AS buffered FROM hops`,
  )
)[0];
console.log(
  `generated ${fmt(hopRows)} hops of ${fmt(messages)} messages, ${fmt(events)} device events, ${fmt(postings)} postings in ${(gen.ms / 1000).toFixed(1)} s` +
    ` (${fmt(faults.errors)} failed hops, ${fmt(faults.retries)} retries, ${fmt(faults.buffered)} store-and-forward)`,
);
const latency = await rows(
  db,
  `SELECT toString(stage) AS stage, quantiles(0.5, 0.99)(dateDiff('microsecond', start_time, end_time) / 1000) AS d
   FROM hops WHERE status = 'ok' GROUP BY stage ORDER BY indexOf(${STAGES}, stage)`,
);
console.log(
  `hop durations p50 / p99: ${latency.map((r) => `${r.stage} ${r.d.map((x) => x.toFixed(0)).join(' / ')} ms`).join(', ')}`,
);
const compactS = await compactClosedDays(db, 'bench', END_MS, 900);
const settleS = await waitForMerges(db, 'bench', 600);
const sizes = Object.fromEntries(
  (
    await rows(
      db,
      `SELECT table, sum(rows) AS rows, sum(bytes_on_disk) AS bytes, count() AS parts FROM system.parts
       WHERE database = 'bench' AND active AND table IN ('hops', 'trace_index', 'device_events', 'erp_postings') GROUP BY table`,
    )
  ).map((r) => [r.table, { rows: Number(r.rows), bytes: Number(r.bytes), parts: Number(r.parts) }]),
);
console.log(
  `after ${settleS.toFixed(0)} s of merges: ` +
    Object.entries(sizes)
      .map(([t, s]) => `${t} ${fmt(s.rows)} rows, ${(s.bytes / 2 ** 20).toFixed(0)} MiB, ${s.parts} parts`)
      .join('; '),
);

// Random existing keys: messages (one in `mod` of their device hops, shuffled) and postings.
const n = RUNS + WARMUP;
const mod = Math.max(1, Math.floor(messages / (n * 50)));
const picked = await rows(
  db,
  `SELECT correlation_id, business_key, order_id FROM hops
   WHERE stage = 'device' AND cityHash64(hop_id) % {mod:UInt64} = 0 ORDER BY rand() LIMIT {n:UInt32}`,
  { mod, n: n * 3 },
);
const pick = (i) => picked[i % picked.length];
const docs = await rows(
  db,
  `SELECT document_id, device_event_id FROM erp_postings
   WHERE cityHash64(document_id) % {mod:UInt64} = 0 ORDER BY rand() LIMIT {n:UInt32}`,
  { mod, n },
);
const docMessage = new Map(
  (
    await rows(
      db,
      'SELECT business_key, any(correlation_id) AS correlation_id FROM trace_index WHERE business_key IN {keys:Array(String)} GROUP BY business_key',
      { keys: docs.map((d) => d.device_event_id) },
      { min_table_rows_to_use_projection_index: '0' },
    )
  ).map((r) => [r.business_key, r.correlation_id]),
);
const notPostedFrom = new Date(END_MS - 3_600_000).toISOString();
// The messages the "not posted" search should list: at small scales the last hour may hold none.
const notPostedExpected = await scalar(
  db,
  `SELECT count() FROM (SELECT correlation_id FROM hops
   WHERE start_time >= fromUnixTimestamp64Milli({from:Int64}) - toIntervalDay(1) GROUP BY correlation_id
   HAVING min(start_time) >= fromUnixTimestamp64Milli({from:Int64}) AND countIf(stage = 'erp_posting' AND status = 'ok') = 0)`,
  { from: END_MS - 3_600_000 },
);

// Each kind: the request for run i, and whether its answer found what it should.
const KINDS = {
  trace: {
    run: (i) => gql(server.url, TRACE, { id: pick(i).correlation_id }),
    ok: (d, i) =>
      d.trace.message.correlationId === pick(i).correlation_id && d.trace.hops.length > 0 && d.trace.deviceEvents.length === 1,
  },
  search_order: {
    run: (i) => gql(server.url, SEARCH, { q: pick(n + i).order_id }),
    ok: (d) => d.traceSearch.nodes.length > 0,
  },
  search_business_key: {
    run: (i) => gql(server.url, SEARCH, { q: pick(2 * n + i).business_key }),
    ok: (d, i) => d.traceSearch.nodes.some((m) => m.correlationId === pick(2 * n + i).correlation_id),
  },
  search_document: {
    run: (i) => gql(server.url, SEARCH, { q: docs[i % docs.length].document_id }),
    ok: (d, i) => d.traceSearch.nodes.some((m) => m.correlationId === docMessage.get(docs[i % docs.length].device_event_id)),
  },
  search_not_posted: {
    run: () => gql(server.url, NOT_POSTED, { from: notPostedFrom }),
    ok: (d) =>
      d.traceSearch.nodes.length === Math.min(50, notPostedExpected) && d.traceSearch.nodes.every((m) => m.outcome !== 'posted'),
  },
  search_no_match: {
    run: () => gql(server.url, SEARCH, { q: `NOMATCH-${randomBytes(6).toString('hex')}` }),
    ok: (d) => d.traceSearch.nodes.length === 0,
  },
};

let salt = 0;
for (const days of [7, 30])
  for (const [name, [query, ok]] of Object.entries(DASHBOARD)) {
    const s = ++salt;
    const filterOf = (i) => {
      const f = dashFilter(i, s);
      return name === 'roi' ? { plants: f.plants, flows: f.flows } : f;
    };
    KINDS[`dash_${name}_${days}d`] = {
      run: (i) => gql(server.url, query, { range: dashRange(i, days, s, END_MS), filter: filterOf(i) }),
      ok,
    };
  }

// BENCH_QUERY_ONLY=dash (a prefix, or several: trace,dash_roi) times only those kinds, for iterating on them.
if (process.env.BENCH_QUERY_ONLY) {
  const prefixes = process.env.BENCH_QUERY_ONLY.split(',');
  for (const k of Object.keys(KINDS)) if (!prefixes.some((p) => k.startsWith(p))) delete KINDS[k];
}

// Findings as reconciliation and people would have left them (the ROI page reads them): one failed-hop
// finding per failed message; 60 % resolved by reconciliation, 10 % resolved and 5 % acknowledged by a person.
if ((await scalar(db, 'SELECT count() FROM findings')) === 0) {
  await db.command({
    query: `INSERT INTO findings (finding_id, type, plant, line, flow, order_id, material, event_ids, correlation_ids, value_at_risk,
              currency, severity, priority, anchor_at, condition_since, first_seen_at, last_seen_at, active, details, version)
            SELECT concat('bf-', correlation_id), 'failed_hop', plant, line, flow, order_id, material, [business_key], [correlation_id],
              50 + cityHash64(correlation_id) % 500, 'EUR', ['critical', 'high', 'medium', 'low'][cityHash64(correlation_id, 1) % 4 + 1],
              'standard', start_time, start_time, start_time + INTERVAL 1 MINUTE, start_time + INTERVAL 1 MINUTE, 1, '', 1
            FROM hops WHERE status = 'error'`,
    clickhouse_settings: INSERT_SETTINGS,
  });
  await db.command({
    query: `INSERT INTO finding_events (finding_id, event_id, at, kind, status, assignee, comment, actor, actor_role, plant)
            SELECT finding_id, concat(finding_id, '-1'), first_seen_at + INTERVAL 30 MINUTE, 'status',
              multiIf(r < 60, 'resolved_auto', r < 70, 'resolved_manual', 'acknowledged'), '', '',
              if(r < 60, 'reconciliation', 'alice'), if(r < 60, '', 'it_support'), plant
            FROM (SELECT finding_id, plant, first_seen_at, cityHash64(finding_id, 2) % 100 AS r FROM findings) WHERE r < 75`,
    clickhouse_settings: INSERT_SETTINGS,
  });
}
console.log(
  `findings: ${fmt(await scalar(db, 'SELECT count() FROM findings'))}, their history: ${fmt(await scalar(db, 'SELECT count() FROM finding_events'))} events`,
);

// The rollups are rebuilt from scratch for every run, by the server's own rollup job, and timed
// (BENCH_QUERY_KEEP_ROLLUPS=1 keeps those of the previous run, for iterating on the queries).
for (const t of process.env.BENCH_QUERY_KEEP_ROLLUPS
  ? []
  : [
      'lag_minute',
      'lag_hour',
      'lag_day',
      'stage_lag_minute',
      'stage_lag_hour',
      'roi_postings_hour',
      'roi_inventory_hour',
      'roi_maintenance_hour',
      'rollup_progress',
    ])
  await db.command({ query: `TRUNCATE TABLE ${t}` });

const server = await startServer({
  CLICKHOUSE_URL: engine.url,
  CLICKHOUSE_DATABASE: 'bench',
  RECONCILE_INTERVAL_SECONDS: '0',
  RECONCILE_RECHECK_MINUTES: '0',
  SYNCLINE_DATA_DIR: `/tmp/syncline-bench-data-${process.pid}`,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
});
let rollupS;
try {
  console.log("rolling up 30 days (the rollup job's first run: Sync lag, then ROI)...");
  const rollup = await waitForFirstRollup(db, 'bench', 3600);
  rollupS = rollup.first;
  console.log(`the rollups settled (the run after the first, and the merges) after ${rollup.settled.toFixed(1)} s`);
  const rolled = (
    await rows(
      db,
      'SELECT (SELECT count() FROM lag_minute) AS minutes, (SELECT count() FROM lag_hour) AS hours, (SELECT count() FROM stage_lag_minute) AS stages',
    )
  )[0];
  console.log(
    `rollups: ${rollupS.toFixed(1)} s for 30 days (${fmt(rolled.minutes)} minute rows, ${fmt(rolled.hours)} hour rows, ${fmt(rolled.stages)} stage minute rows)`,
  );
  await waitForMerges(db, 'bench', 300);
  const times = Object.fromEntries(Object.keys(KINDS).map((k) => [k, []]));
  const misses = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  const failures = [];
  // Warm-up with keys the timed runs do not use, then the runs one after the other, the kinds in turn.
  for (let i = RUNS; i < RUNS + WARMUP; i++) for (const kind of Object.values(KINDS)) await kind.run(i).catch(() => undefined);
  for (let i = 0; i < RUNS; i++) {
    for (const [name, kind] of Object.entries(KINDS)) {
      const started = performance.now();
      let found = false;
      try {
        found = kind.ok(await kind.run(i), i);
      } catch (e) {
        if (failures.length < 5) failures.push(`${name}: ${e.message}`);
      }
      times[name].push(performance.now() - started);
      if (!found) misses[name]++;
    }
  }
  const stats = {};
  for (const [name, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    stats[name] = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
    console.log(
      `${name.padEnd(20)} ${RUNS} runs: p50 ${stats[name].p50.toFixed(1)} ms, p95 ${stats[name].p95.toFixed(1)} ms, max ${stats[name].max.toFixed(1)} ms` +
        (misses[name] ? `, ${misses[name]} MISSED` : ''),
    );
  }
  for (const f of failures) console.log(`  failed: ${f}`);
  const totalMisses = Object.values(misses).reduce((a, b) => a + b, 0);
  if (totalMisses) console.log(`${totalMisses} runs did not find what they should: the figures above are not valid`);
  const searches = Object.keys(KINDS).filter((k) => k.startsWith('search_'));
  const dashboards = Object.keys(KINDS).filter((k) => k.startsWith('dash_'));
  const ms = (x) => Number(x.toFixed(1));
  console.log(
    JSON.stringify({
      rows: hopRows,
      messages,
      device_events: events,
      postings,
      trace_p50_ms: stats.trace ? ms(stats.trace.p50) : null,
      trace_p95_ms: stats.trace ? ms(stats.trace.p95) : null,
      search_order_p95_ms: stats.search_order ? ms(stats.search_order.p95) : null,
      search_business_key_p95_ms: stats.search_business_key ? ms(stats.search_business_key.p95) : null,
      search_document_p95_ms: stats.search_document ? ms(stats.search_document.p95) : null,
      search_not_posted_p95_ms: stats.search_not_posted ? ms(stats.search_not_posted.p95) : null,
      search_no_match_p95_ms: stats.search_no_match ? ms(stats.search_no_match.p95) : null,
      search_p95_ms_max: searches.length ? ms(Math.max(...searches.map((k) => stats[k].p95))) : null,
      ...Object.fromEntries(dashboards.map((k) => [`${k}_p95_ms`, ms(stats[k].p95)])),
      dashboard_p95_ms_max: dashboards.length ? ms(Math.max(...dashboards.map((k) => stats[k].p95))) : null,
      rollup_backfill_s: Number(rollupS.toFixed(1)),
      misses: totalMisses,
      generate_s: Number((gen.ms / 1000).toFixed(1)),
      compact_s: Number(compactS.toFixed(0)),
      trace_index_rows: sizes.trace_index?.rows ?? 0,
      hops_bytes_on_disk: sizes.hops?.bytes ?? 0,
      trace_index_bytes_on_disk: sizes.trace_index?.bytes ?? 0,
    }),
  );
} finally {
  await server.stop();
  await db.close();
  await engine.stop();
}
