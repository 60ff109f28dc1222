// Shared pieces of the benchmarks: a private embedded ClickHouse, the built server as its own
// process (as in production), and timing helpers.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startEmbeddedClickHouse } = require('@syncline/clickhouse');
const { runMigrations } = require(path.join(root, 'server/dist/clickhouse/migrations/migration-runner.js'));
const { MIGRATION_TIMEOUT_MS, MIGRATION_SETTINGS } = require(path.join(root, 'server/dist/bootstrap/migrate.js'));
const { WATERMARK_OVERLAP_MS } = require(path.join(root, 'server/dist/sync-lag/rollup.queries.js'));
const { createClient, ClickHouseLogLevel } = require('@clickhouse/client');

export const ADMIN_TOKEN = 'sl_admin_bench_token_0123456789';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Data directories are removed when the benchmark exits, not when a phase ends: deleting a phase's
// thousands of part files just before the next phase makes ext4 skip the recently freed inodes on
// every file the next phase creates (find_inode_bit / recently_deleted in perf), which charged the
// next phase up to 3 µs of kernel time per row.
const dataDirs = [];
process.on('exit', () => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A private engine; on `keptDir` (created if need be, never removed) when given, else on a temporary directory. */
export async function startEngine(keptDir) {
  const dir = keptDir ?? mkdtempSync(path.join(tmpdir(), 'syncline-bench-'));
  if (!keptDir) dataDirs.push(dir);
  const engine = await startEmbeddedClickHouse({ dataDir: dir });
  return {
    url: engine.url,
    pid: engine.pid,
    stop: () => engine.stop(),
  };
}

export async function migratedDatabase(url, database) {
  // As the server migrates: long enough for a migration that fills a copy from a kept history.
  const admin = createClient({
    url,
    database: 'default',
    request_timeout: MIGRATION_TIMEOUT_MS,
    clickhouse_settings: MIGRATION_SETTINGS,
  });
  await runMigrations({ adminClient: admin, database, dir: path.join(root, 'clickhouse/migrations') });
  await admin.close();
  return createClient({
    url,
    database,
    max_open_connections: 16,
    // Ten minutes: a closed month of trace_index at 100M hops merges in ~140-200 s (compactClosedDays).
    request_timeout: 600_000,
    log: { level: ClickHouseLogLevel.OFF },
  });
}

/** Tables ClickHouse merges into one part per closed day or month (migrations 20261206100000, 20261212090000); the daily ones' age. */
const DAILY = ['hops', 'device_events', 'erp_postings'];
const MONTHLY = ['trace_index', 'posting_refs', 'events_by_id', 'postings_by_event', 'event_postings'];
const FORCE_MERGE_AGE_S = 900;

/**
 * Waits (at most `maxS` seconds) until every closed day of the daily tables (hops, device_events,
 * erp_postings) and every closed month of the monthly lookup tables in `database` is one part, as
 * ClickHouse leaves them 15 minutes after a day's last insert and six hours after a month's: the state
 * of any history older than that. A generated history is minutes old, so the daily tables' age is
 * lowered to 30 s while this waits, then put back; each closed month is merged as ClickHouse would
 * (`OPTIMIZE ... PARTITION ... FINAL`), and the current month is left in the parts that ClickHouse's
 * ordinary merges leave it in, as under live ingest (a 30 s age would merge it too). Returns the
 * seconds waited.
 */
export async function compactClosedDays(db, database, endMs, maxS) {
  const setAge = (s) =>
    Promise.all(DAILY.map((t) => db.command({ query: `ALTER TABLE ${t} MODIFY SETTING min_age_to_force_merge_seconds = ${s}` })));
  const lastDay = new Date(endMs).toISOString().slice(0, 10);
  const lastMonth = lastDay.slice(0, 7).replace('-', '');
  const started = performance.now();
  await setAge(30);
  try {
    // The closed months first (a month of trace_index at 100M hops merges in ~140 s), one at a time.
    const months = await db.query({
      query: `SELECT table, partition_id FROM system.parts
              WHERE database = {database:String} AND active AND table IN {monthly:Array(String)} AND partition < {lastMonth:String}
              GROUP BY table, partition_id HAVING count() > 1 ORDER BY table, partition_id`,
      query_params: { database, monthly: MONTHLY, lastMonth },
      format: 'JSONEachRow',
    });
    for (const m of await months.json())
      await db.command({
        query: `OPTIMIZE TABLE ${m.table} PARTITION ID {id:String} FINAL`,
        query_params: { id: m.partition_id },
        clickhouse_settings: { alter_sync: '2' },
      });
    while ((performance.now() - started) / 1000 < maxS) {
      const rs = await db.query({
        query: `SELECT count() AS open FROM (SELECT table, partition FROM system.parts
                WHERE database = {database:String} AND active AND table IN {daily:Array(String)} AND partition < {lastDay:String}
                GROUP BY table, partition HAVING count() > 1)`,
        query_params: { database, daily: DAILY, lastDay },
        format: 'JSONEachRow',
      });
      if (Number((await rs.json())[0].open) === 0) break;
      await new Promise((r) => setTimeout(r, 5000));
    }
    // And the merges ClickHouse started by itself meanwhile are done, as they are in any history older
    // than a few minutes.
    await waitForMerges(db, database, maxS - (performance.now() - started) / 1000);
  } finally {
    await setAge(FORCE_MERGE_AGE_S);
  }
  const parts = await db.query({
    query: `SELECT table, count() AS parts FROM system.parts WHERE database = {database:String} AND active
            AND table IN {monthly:Array(String)} GROUP BY table ORDER BY table`,
    query_params: { database, monthly: MONTHLY },
    format: 'JSONEachRow',
  });
  console.log(`parts of the monthly lookup tables: ${(await parts.json()).map((r) => `${r.table} ${r.parts}`).join(', ')}`);
  const s = (performance.now() - started) / 1000;
  console.log(`closed days and months in one part each after ${s.toFixed(0)} s`);
  return s;
}

/**
 * Waits (at most `maxS` seconds) until a server just started on a history has finished its rollup job's
 * first run (Sync lag, then ROI over every hour of the history: the `roi` row of rollup_progress), then
 * until the rollups have settled, and until the engine's merges are done, so that a timed run does not
 * share the CPU with that one-time catch-up. Any installation that has run for a few minutes is in this
 * state. Returns the seconds until the first run was done (`first`) and until everything was (`settled`).
 *
 * Settled: each run re-reads what was ingested from a minute before the previous run started
 * (WATERMARK_OVERLAP_MS in rollup.queries.ts). When the history was written less than a minute before
 * the first run (the reconcile bench's), the run after it redoes the last ROLLUP_LATE_HOURS (48 h): 5-10 s
 * at 10M events, which the timed pass shared the engine with. Once the newest watermark of each rollup is
 * a minute past the last row ingested, the runs that follow find nothing to redo.
 */
export async function waitForFirstRollup(db, database, maxS) {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const until = async (what, query, done) => {
    for (;;) {
      const rs = await db.query({ query, query_params: { database, overlap_ms: WATERMARK_OVERLAP_MS }, format: 'JSONEachRow' });
      if (done(Number(Object.values((await rs.json())[0])[0]))) return;
      if (elapsed() > maxS) throw new Error(`${what} within ${maxS} s`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  };
  await until('the rollup job did not finish', "SELECT count() FROM rollup_progress WHERE name = 'roi'", (n) => n > 0);
  const first = elapsed();
  await until(
    'the rollups did not settle',
    `SELECT count() FROM (SELECT name, max(watermark) AS w FROM rollup_progress GROUP BY name)
     WHERE toUnixTimestamp64Milli(w) - {overlap_ms:Int64} < toUnixTimestamp64Milli(greatest(
       (SELECT max(ingested_at) FROM device_events), (SELECT max(ingested_at) FROM erp_postings), (SELECT max(ingested_at) FROM hops)))`,
    (n) => n === 0,
  );
  await waitForMerges(db, database, maxS - elapsed());
  return { first, settled: elapsed() };
}

/** Waits (at most `maxS` seconds) for the engine's merges in `database`; returns the seconds waited. */
export async function waitForMerges(db, database, maxS) {
  const started = performance.now();
  while ((performance.now() - started) / 1000 < maxS) {
    const rs = await db.query({
      query: 'SELECT count() AS running FROM system.merges WHERE database = {database:String}',
      query_params: { database },
      format: 'JSONEachRow',
    });
    if (Number((await rs.json())[0].running) === 0) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  return (performance.now() - started) / 1000;
}

/** The built server as its own process. BENCH_NODE_ARGS (e.g. "--cpu-prof") is passed to its node. */
export async function startServer(env) {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'server/dist/main.js')], {
    // A queue prefix of its own: job schedulers left in Redis by another Syncline on the default prefix (a
    // test's server with reconciliation every 30 s) would otherwise run in this one, on the bench's data.
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      SYNCLINE_ADMIN_TOKEN: ADMIN_TOKEN,
      QUEUE_PREFIX: `bench-${process.pid}-${port}`,
      ...env,
    },
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** A GraphQL call to the server with the admin token; throws with the errors (cut to 500 characters) when there are any. */
export async function gql(url, query, variables) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

/**
 * POSTs `body` with the admin token through `agent` (node:http with keep-alive rather than fetch: undici
 * spends ~5 µs per hop of this process's CPU on 1.4 MB bodies, and on two cores every µs the client burns
 * is taken from the server and the engine). Resolves with the response body, rejects unless 200.
 */
export function postBody(agent, url, body, contentType) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': contentType, 'content-length': body.length, authorization: `Bearer ${ADMIN_TOKEN}` },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks);
          if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}: ${text.toString()}`));
          else resolve(text);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `fn`; resolves with its result and the seconds it took. */
export async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { seconds: (performance.now() - started) / 1000, result };
}

/** Runs `tasks` with at most `concurrency` in flight; returns elapsed seconds. */
export async function runConcurrent(tasks, concurrency) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }),
  );
  return (performance.now() - started) / 1000;
}

export function chunk(array, size) {
  const out = [];
  for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
  return out;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Runs `fn` and reports the CPU each process spent during it, in µs per row: where the time went.
 * `pids` names the processes ({ engine: pid, server: pid }); this process is reported as `client`.
 */
export async function withCpu(pids, rows, fn) {
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const self = process.cpuUsage();
  const result = await fn();
  const perRow = {};
  for (const [k, pid] of Object.entries(pids)) perRow[k] = ((cpuSeconds(pid) - before[k]) * 1e6) / rows;
  const own = process.cpuUsage(self);
  perRow.client = (own.user + own.system) / rows;
  return { result, perRow };
}

/**
 * Waits (at most `maxS` seconds) until the processes in `pids` together use less than `cores` of the CPU
 * over a second: a server just started runs its start-up jobs (the first reconciliation of each flow,
 * silent lines, the first rollup) at once, a one-time burst that is not what it does while ingesting
 * for days. Returns the seconds waited.
 */
export async function waitForQuiet(pids, maxS = 60, cores = 0.15) {
  const started = performance.now();
  const total = () => Object.values(pids).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  let last = total();
  while ((performance.now() - started) / 1000 < maxS) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = total();
    if (now - last < cores) break;
    last = now;
  }
  return (performance.now() - started) / 1000;
}

export const describeCpu = (perRow) =>
  'CPU per row: ' +
  Object.entries(perRow)
    .map(([k, us]) => `${k} ${us.toFixed(1)} µs`)
    .join(', ');

export const fmt = (n) => Math.round(n).toLocaleString('en-US');
