// `npm run bench -- cluster [events] [hops]`: what running on a cluster costs (issue 15). The same run,
// on the same machine, first on one embedded engine, then on a cluster of two embedded engines (each a
// shard, Distributed tables in front, ADR 0011), each with two Syncline instances sharing one Redis:
//   - ingest: generated hops POSTed as NDJSON through both instances at once (hops/s), on fresh engines,
//     in rounds that alternate the shapes (one engine, cluster, cluster, one engine, ...:
//     BENCH_CLUSTER_INGEST_PAIRS pairs), so that a drift of the machine's speed during the run weighs on
//     both shapes alike; the ratio is cluster / single of the rounds' total hops over total seconds;
//   - the reconcile benchmark's data (`events` device events and their postings, 1 % faults of each
//     kind) and the query benchmark's (`hops` hops of six-hop messages, their events and postings),
//     generated inside ClickHouse through the entry node, then a full reconciliation pass (31 days);
//   - once the merges are done: trace by correlation id (p95 of BENCH_CLUSTER_RUNS runs, the two instances in turn);
//   - the Sync lag and ROI dashboard queries over 7 and 30 days (p95 per kind; the slowest kind's p95).
// Prints both shapes side by side; the last line is JSON with the ratios cluster / single.
// Defaults are a tenth of the reconcile and query benchmarks' sizes, so that both shapes fit in one run.
import http from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateHops } from './hop-generator.mjs';
import { DASHBOARD, dashFilter, dashRange, DAYS, generateQueryData, HOPS_PER_MESSAGE, percentile, TRACE } from './query-data.mjs';
import { generate as generateReconcileData } from './reconcile-data.mjs';
import {
  chunk,
  compactClosedDays,
  fmt,
  gql,
  migratedDatabase,
  postBody,
  root,
  runConcurrent,
  startEngine,
  startServer,
  timed,
  waitForMerges,
} from './support.mjs';

const require = createRequire(import.meta.url);
const { createClient, ClickHouseLogLevel } = require('@clickhouse/client');
const { startEmbeddedCluster } = require('@syncline/clickhouse');
const { migrateCluster } = require(path.join(root, 'server/dist/clickhouse/cluster/cluster-schema.js'));
const { CLUSTER_QUERY_SETTINGS } = require(path.join(root, 'server/dist/clickhouse/clickhouse.service.js'));

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const HOPS = Number(process.argv[3] ?? 10_000_000);
// Hops POSTed through the two instances: 2,400,000 (15-18 s of ingest here), so that the figure is the
// steady state with the engines' merges running, not a 3-second burst (600,000 hops, the earlier default,
// gave the same code ratios from 0.73 to 0.91 in alternated runs).
const INGEST_HOPS = Number(process.env.BENCH_CLUSTER_INGEST_HOPS ?? 2_400_000);
const INGEST_PAIRS = Number(process.env.BENCH_CLUSTER_INGEST_PAIRS ?? 2);
const RUNS = Number(process.env.BENCH_CLUSTER_RUNS ?? 100);
const BATCH = 5000;
const CONCURRENCY = 4; // per instance
const SPAN_MS = DAYS * 86_400_000;
const END_MS = Date.now();
const DATABASE = 'bench';

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 * CONCURRENCY });
const clientFor = (url, database, settings = {}) =>
  createClient({
    url,
    database,
    request_timeout: 600_000,
    log: { level: ClickHouseLogLevel.OFF },
    clickhouse_settings: settings,
  });

async function scalar(db, sql) {
  const rs = await db.query({ query: sql, format: 'JSONEachRow' });
  return Number(Object.values((await rs.json())[0])[0]);
}

/** One engine: today's layout. */
async function singleShape() {
  const engine = await startEngine();
  const db = await migratedDatabase(engine.url, DATABASE);
  return {
    name: 'one engine',
    env: { CLICKHOUSE_URL: engine.url },
    db,
    locals: [db],
    localDatabase: DATABASE,
    stop: async () => {
      await db.close();
      await engine.stop();
    },
  };
}

/** Two engines as a cluster of two shards, the schema laid out as Syncline lays it out (ADR 0011). */
async function clusterShape() {
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-bench-cluster-'));
  const cluster = await startEmbeddedCluster({ dataDir: dir, shards: 2 });
  const admins = cluster.urls.map((url) => clientFor(url, 'default'));
  await migrateCluster({
    entry: admins[0],
    shards: admins,
    shardUrls: cluster.urls,
    database: DATABASE,
    cluster: cluster.cluster,
    replicated: false,
    dir: path.join(root, 'clickhouse/migrations'),
  });
  await Promise.all(admins.map((c) => c.close()));
  const db = clientFor(cluster.urls[0], DATABASE, CLUSTER_QUERY_SETTINGS);
  const locals = cluster.urls.map((url) => clientFor(url, `${DATABASE}_local`));
  return {
    name: 'two-shard cluster',
    env: { CLICKHOUSE_URL: cluster.urls[0], CLICKHOUSE_CLUSTER: cluster.cluster, CLICKHOUSE_SHARD_URLS: cluster.urls.join(',') },
    db,
    locals,
    localDatabase: `${DATABASE}_local`,
    stop: async () => {
      await Promise.all([db, ...locals].map((c) => c.close()));
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Two Syncline instances on `shape`, with no background jobs: the bench runs each step itself. */
async function startInstances(shape) {
  const env = {
    ...shape.env,
    CLICKHOUSE_DATABASE: DATABASE,
    QUEUE_PREFIX: `bench-cluster-${process.pid}-${shape.locals.length}`,
    RECONCILE_INTERVAL_SECONDS: '0',
    RECONCILE_RECHECK_MINUTES: '0',
    ROLLUP_INTERVAL_SECONDS: '0',
    ALERT_EVALUATE_SECONDS: '0',
    REPLAY_SWEEP_SECONDS: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  };
  const dataDir = `/tmp/syncline-bench-data-${process.pid}-${shape.locals.length}`;
  const servers = [
    await startServer({ ...env, SYNCLINE_DATA_DIR: `${dataDir}-a` }),
    await startServer({ ...env, SYNCLINE_DATA_DIR: `${dataDir}-b` }),
  ];
  return {
    servers,
    stop: async () => {
      for (const s of servers) await s.stop();
      for (const suffix of ['a', 'b']) rmSync(`${dataDir}-${suffix}`, { recursive: true, force: true });
    },
  };
}

/** One ingest round on a fresh `shape`, through both instances at once; the seconds it took. */
async function ingestRound(shape, bodies, hopCount) {
  const instances = await startInstances(shape);
  try {
    const { servers } = instances;
    const seconds = await runConcurrent(
      bodies.map((body, i) => () => postBody(agent, `${servers[i % 2].url}/api/v1/hops`, body, 'application/x-ndjson')),
      2 * CONCURRENCY,
    );
    const stored = await scalar(shape.db, 'SELECT count() FROM hops');
    if (stored !== hopCount) throw new Error(`${shape.name} stored ${stored} of ${hopCount} hops`);
    console.log(`ingest, ${shape.name}: ${fmt(hopCount / seconds)} hops/s (${fmt(hopCount)} hops in ${seconds.toFixed(1)} s)`);
    return seconds;
  } finally {
    await instances.stop();
    await shape.stop();
  }
}

/** Ingest rounds alternating the shapes (single, cluster, cluster, single, ...); hops/s of each shape. */
async function measureIngest(hops) {
  console.log(`\n== ingest: ${INGEST_PAIRS} pairs of rounds, shapes alternated, each on fresh engines`);
  const bodies = chunk(hops, BATCH).map((b) => Buffer.from(b.map((h) => JSON.stringify(h)).join('\n') + '\n'));
  const seconds = { single: 0, cluster: 0 };
  for (let pair = 0; pair < INGEST_PAIRS; pair++)
    for (const kind of pair % 2 ? ['cluster', 'single'] : ['single', 'cluster'])
      seconds[kind] += await ingestRound(kind === 'single' ? await singleShape() : await clusterShape(), bodies, hops.length);
  return { single: (INGEST_PAIRS * hops.length) / seconds.single, cluster: (INGEST_PAIRS * hops.length) / seconds.cluster };
}

async function measure(shape) {
  console.log(`\n== ${shape.name}`);
  const instances = await startInstances(shape);
  const { servers } = instances;
  try {
    // The reconcile and query benchmarks' data, generated inside ClickHouse through the entry node.
    const gen = await timed(async () => {
      await generateReconcileData(shape.db, EVENTS);
      await generateQueryData(shape.db, {
        messages: Math.round(HOPS / HOPS_PER_MESSAGE),
        startMs: END_MS - SPAN_MS,
        spanMs: SPAN_MS,
        endMs: END_MS,
      });
      // As the reconcile benchmark does on one engine: merged tables on every shard.
      for (const local of shape.locals)
        for (const t of ['device_events', 'erp_postings']) await local.command({ query: `OPTIMIZE TABLE ${t} FINAL` });
      // As the query benchmark does: every closed day and month one part on every shard (migrations 20261206100000, 20261212090000).
      for (const local of shape.locals) await compactClosedDays(local, shape.localDatabase, END_MS, 900);
    });
    const split = await Promise.all(shape.locals.map((l) => scalar(l, 'SELECT count() FROM hops')));
    console.log(
      `generated ${fmt(EVENTS)} reconcile events and ${fmt(HOPS)} query hops in ${gen.seconds.toFixed(0)} s; hops per shard: ${split.map(fmt).join(' / ')}`,
    );

    const full = await timed(() => gql(servers[0].url, 'mutation { reconcileNow(sinceDays: 31) { detected } }'));
    console.log(`reconciliation full pass: ${full.seconds.toFixed(2)} s, ${fmt(full.result.reconcileNow.detected)} findings`);
    const rollup = await timed(() => gql(servers[0].url, 'mutation { refreshSyncLagRollups(rebuild: true) { minutes hours } }'));
    console.log(`rollups of 30 days: ${rollup.seconds.toFixed(1)} s`);
    // As the query benchmark does: lookups timed once the engines' merges of what was just written are
    // done (as on any installation a few minutes after its last bulk load), on every shard.
    const settled = await Promise.all(shape.locals.map((l) => waitForMerges(l, shape.localDatabase, 300)));
    console.log(`merges settled after ${Math.max(...settled).toFixed(0)} s`);

    // Trace lookups, the two instances in turn, with existing ids.
    const ids = (
      await (
        await shape.db.query({
          query: `SELECT correlation_id FROM hops WHERE stage = 'device' AND cityHash64(hop_id) % 97 = 0 ORDER BY rand() LIMIT ${RUNS + 5}`,
          format: 'JSONEachRow',
        })
      ).json()
    ).map((r) => r.correlation_id);
    const traceMs = [];
    for (const [i, id] of ids.entries()) {
      const t = await timed(() => gql(servers[i % 2].url, TRACE, { id }));
      if (t.result.trace.message.correlationId !== id) throw new Error(`trace ${id} answered another message`);
      if (i >= 5) traceMs.push(t.seconds * 1000);
    }
    traceMs.sort((a, b) => a - b);
    const traceP95 = percentile(traceMs, 95);
    console.log(`trace by id: p50 ${percentile(traceMs, 50).toFixed(1)} ms, p95 ${traceP95.toFixed(1)} ms`);

    // Dashboard queries, each kind over 7 and 30 days, random ranges in the data's last days and filters.
    const dash = {};
    let salt = 0;
    for (const days of [7, 30])
      for (const [name, [query, ok]] of Object.entries(DASHBOARD)) {
        const s = ++salt;
        const times = [];
        for (let i = 0; i < Math.max(20, Math.round(RUNS / 4)) + 2; i++) {
          const f = dashFilter(i, s);
          const filter = name === 'roi' ? { plants: f.plants, flows: f.flows } : f;
          const t = await timed(() => gql(servers[i % 2].url, query, { range: dashRange(i, days, s, END_MS), filter }));
          if (i === 0 && !ok(t.result)) throw new Error(`dashboard ${name} answered nothing`);
          if (i >= 2) times.push(t.seconds * 1000);
        }
        times.sort((a, b) => a - b);
        dash[`${name}_${days}d`] = percentile(times, 95);
      }
    const dashMax = Math.max(...Object.values(dash));
    console.log(
      `dashboard p95: ${Object.entries(dash)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')} ms (slowest ${dashMax.toFixed(0)} ms)`,
    );
    return { fullS: full.seconds, traceP95, dashMax, findings: full.result.reconcileNow.detected };
  } finally {
    await instances.stop();
    await shape.stop();
  }
}

console.log(
  `cluster benchmark: ${fmt(INGEST_HOPS)} hops ingested, ${fmt(EVENTS)} reconcile events, ${fmt(HOPS)} query hops over ${DAYS} days; one engine, then two shards`,
);
// BENCH_CLUSTER_ONLY=cluster (or single) runs one shape without the ingest rounds, for iterating on it;
// BENCH_CLUSTER_ONLY=ingest runs the ingest rounds alone. The ratios then need everything.
const only = process.env.BENCH_CLUSTER_ONLY;
const ingest = only && only !== 'ingest' ? undefined : await measureIngest(generateHops(INGEST_HOPS));
if (only === 'ingest') {
  console.log(
    JSON.stringify({
      ingest_hops: INGEST_HOPS,
      ingest_hops_per_s_single: Math.round(ingest.single),
      ingest_hops_per_s: Math.round(ingest.cluster),
      ingest_ratio: Number((ingest.cluster / ingest.single).toFixed(2)),
    }),
  );
  process.exit(0);
}
const single = only === 'cluster' ? undefined : await measure(await singleShape());
const cluster = only === 'single' ? undefined : await measure(await clusterShape());
if (!ingest || !single || !cluster) process.exit(0);
// The two passes run minutes apart, and which postings are late or missing depends on the time of the
// pass (the SLA counts from now): the counts differ by the few findings of the data's last minutes. The
// answers themselves are compared exactly by the cluster test tier, on the same data at the same time.
console.log(`\nfindings of the full pass: one engine ${fmt(single.findings)}, cluster ${fmt(cluster.findings)}`);
const r = (x) => Number(x.toFixed(2));
console.log(
  `\ningest ${fmt(ingest.single)} -> ${fmt(ingest.cluster)} hops/s; reconcile ${single.fullS.toFixed(1)} -> ${cluster.fullS.toFixed(1)} s; ` +
    `trace p95 ${single.traceP95.toFixed(1)} -> ${cluster.traceP95.toFixed(1)} ms; dashboard p95 ${single.dashMax.toFixed(0)} -> ${cluster.dashMax.toFixed(0)} ms`,
);
console.log(
  JSON.stringify({
    events: EVENTS,
    hops: HOPS,
    ingest_hops: INGEST_HOPS,
    findings_single: single.findings,
    findings: cluster.findings,
    ingest_hops_per_s_single: Math.round(ingest.single),
    ingest_hops_per_s: Math.round(ingest.cluster),
    ingest_ratio: r(ingest.cluster / ingest.single),
    reconcile_s_single: r(single.fullS),
    reconcile_s: r(cluster.fullS),
    reconcile_ratio: r(cluster.fullS / single.fullS),
    trace_p95_ms_single: Number(single.traceP95.toFixed(1)),
    trace_p95_ms: Number(cluster.traceP95.toFixed(1)),
    dashboard_p95_ms_max_single: Math.round(single.dashMax),
    dashboard_p95_ms_max: Math.round(cluster.dashMax),
  }),
);
