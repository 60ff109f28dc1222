// The soak (issue 12), shared by `npm run bench -- soak` and test/int/soak.int.spec.ts: the built server
// as its own process with the demo's plant at 10x speed on its embedded engine, a private redis-server
// and its own data directory; a steady HTTP ingest load whose every acknowledged record is counted; the
// dashboard's GraphQL queries polled as an open browser would; and a fault every `faultEverySeconds`, in
// turn: engine SIGKILL (Syncline restarts it), Redis restart, server SIGKILL (restarted on the same data
// directory and port). At the end every acknowledged record is looked up in ClickHouse.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, root } from './support.mjs';

const SERVER_MAIN = path.join(root, 'server/dist/main.js');
const TOKEN = 'sl_admin_soak_token_0123456789abcdef';
const DATABASE = 'syncline';
const PLANT = 'SOAK'; // a plant of its own: the demo's data never mixes with the counted records
const LINE = 'SOAK';
// Redis first and the server second, so the server process that lives to the end has lived through most
// of the run (an engine fault and a Redis restart included) when its memory is compared.
const FAULTS = ['redis', 'server', 'engine'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A zombie (dead, not yet reaped) answers signal 0 but holds nothing: it counts as gone. */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) [ZX] /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return undefined;
  }
}

function percentile(values, p) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n, digits = 1) => Number(n.toFixed(digits));

/** The machine's settings for Syncline must not leak into the soak's server (e.g. a CLICKHOUSE_URL). */
function baseEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env))
    if (/^(CLICKHOUSE_|REDIS_|MQTT_|SYNCLINE_|INGEST_|RECONCILE_)/.test(k) || k === 'PORT' || k === 'HOST') delete env[k];
  return env;
}

/**
 * Runs the soak and returns its result (see the JSON line of `npm run bench -- soak`).
 * @param {object} o
 * @param {number} o.durationSeconds  length of the run, from the moment the server is first ready
 * @param {number} o.faultEverySeconds  a fault at every multiple of this (the last at least 15 s before the end)
 * @param {number} [o.clients]  ingest clients, each posting one batch at a time
 * @param {number} [o.batch]  device events per request
 * @param {number} [o.requestEveryMs]  each client's pace: one request per this (when answers are faster)
 * @param {number} [o.pollEveryMs]  the dashboard's queries, one round per this
 * @param {number} [o.speed]  the demo's speed
 * @param {number} [o.graceMs]  a fault window ends this long after /ready answers 200 again
 * @param {number} [o.warmupShare]  share of the run that counts as warm-up for memory
 * @param {(line: string) => void} [o.log]
 */
export async function runSoak(o) {
  const opts = {
    clients: 4,
    batch: 100,
    requestEveryMs: 250,
    pollEveryMs: 5000,
    speed: 10,
    graceMs: 5000,
    warmupShare: 0.2,
    log: (line) => console.log(line),
    ...o,
  };
  const { log } = opts;
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-soak-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const infoFile = path.join(dataDir, 'embedded-clickhouse.json');
  const port = await freePort();
  const redisPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let t0 = performance.now();
  const now = () => performance.now() - t0; // ms since the run started

  // ---- processes -------------------------------------------------------------------------------
  let redis;
  let server;
  const servers = []; // { pid, startedAt, endedAt }
  const readyAfter = async (deadlineMs, what) => {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      try {
        const res = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
      } catch {
        /* not listening */
      }
      if (server && (server.exitCode !== null || server.signalCode !== null))
        throw new Error(`the server exited (${server.exitCode}) while ${what}; see ${logFile}`);
      if (Date.now() > deadline)
        throw new Error(`/ready did not answer 200 within ${deadlineMs / 1000} s ${what}; see ${logFile}`);
      await sleep(250);
    }
  };

  const startRedis = () =>
    new Promise((resolve, reject) => {
      const child = spawn(
        'redis-server',
        ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (c) => {
        out += c.toString();
        if (out.includes('Ready to accept connections')) resolve(child);
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`)));
    });
  const killChild = async (child, signal = 'SIGKILL') => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  const startServer = async () => {
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [SERVER_MAIN, '--demo', '--speed', String(opts.speed)], {
      cwd: root,
      env: {
        ...baseEnv(),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        SYNCLINE_DATA_DIR: dataDir,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        SYNCLINE_ADMIN_TOKEN: TOKEN,
      },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    server = child;
    const entry = { pid: child.pid, startedAt: now(), endedAt: undefined };
    servers.push(entry);
    child.once('exit', () => (entry.endedAt = now()));
    await readyAfter(180_000, 'starting the server');
  };
  const engineInfo = () => {
    try {
      return JSON.parse(readFileSync(infoFile, 'utf8'));
    } catch {
      return undefined;
    }
  };
  /** The engine's pid from the info file, if it is alive and really the launcher on our data directory. */
  const enginePid = () => {
    const pid = engineInfo()?.pid;
    if (!pid || !isAlive(pid)) return undefined;
    const cmd = cmdline(pid);
    return cmd.includes('launcher.js') && cmd.includes(path.join(dataDir, 'clickhouse')) ? pid : undefined;
  };
  const cleanup = async () => {
    const pid = enginePid();
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    for (let i = 0; pid && isAlive(pid) && i < 100; i++) await sleep(100);
    if (pid && isAlive(pid) && cmdline(pid).includes(dataDir)) process.kill(pid, 'SIGKILL');
    await killChild(redis);
  };
  // Should this process die without reaching `finally` (an uncaught error), nothing is left behind.
  const onExit = () => {
    const pid = enginePid();
    for (const p of [server?.pid, pid, redis?.pid]) if (p && isAlive(p)) process.kill(p, 'SIGKILL');
  };
  process.once('exit', onExit);

  // ---- what is measured ---------------------------------------------------------------------
  const acked = new Array(opts.clients).fill(0); // client c: ids 0 .. acked[c]-1 are acknowledged
  const ingestRequests = []; // { start, end, status }
  const ackedLatencies = []; // { start, ms }
  let maxBatchAckMs = 0;
  const queryRequests = []; // { start, end, status, op, gqlErrors }
  const faults = []; // { kind, start, recovered, end }
  const rss = []; // { t, pid, mb }
  const engineRss = [];
  const engineGoneMs = []; // per server SIGKILL: how long its engine outlived it
  let running = true;

  const ingestClient = async (c) => {
    let seq = 0;
    while (running) {
      const paceStart = performance.now();
      const eventTime = Date.now() - 1000;
      const ids = Array.from({ length: opts.batch }, (_, i) => `soak-${c}-${seq + i}`);
      const body = JSON.stringify(
        ids.map((event_id) => ({
          event_id,
          event_time: eventTime,
          plant: PLANT,
          line: LINE,
          asset: `client-${c}`,
          event_type: 'production_start',
          quantity: 1,
        })),
      );
      const firstSent = performance.now();
      const stopDeadline = () => !running && performance.now() - stoppedAt > 120_000;
      for (;;) {
        const start = now();
        let status;
        let retryAfter = 0;
        try {
          const res = await fetch(`${base}/api/v1/device-events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body,
            signal: AbortSignal.timeout(30_000),
          });
          status = res.status;
          retryAfter = Number(res.headers.get('retry-after') ?? 0);
          await res.arrayBuffer();
        } catch {
          status = 0; // refused, reset or timed out
        }
        const end = now();
        ingestRequests.push({ start, end, status });
        if (status >= 200 && status < 300) {
          seq += opts.batch;
          acked[c] = seq;
          ackedLatencies.push({ start, ms: end - start });
          maxBatchAckMs = Math.max(maxBatchAckMs, performance.now() - firstSent);
          break;
        }
        if (stopDeadline()) return;
        // 503 says when (Retry-After, at most 5 s); a refused connection is tried again soon.
        await sleep(status === 503 && retryAfter > 0 ? Math.min(retryAfter, 5) * 1000 : 250);
      }
      const wait = opts.requestEveryMs - (performance.now() - paceStart);
      if (wait > 0 && running) await sleep(wait);
    }
  };

  const QUERIES = [
    [
      'SyncLagByLine',
      'query SyncLagByLine($minutes: Int!, $slaMinutes: Int!) { syncLagByLine(minutes: $minutes, slaMinutes: $slaMinutes) { plant line events posted withinSlaShare lagP50Seconds lagP95Seconds lagP99Seconds lastEventAt } }',
      { minutes: 60, slaMinutes: 15 },
    ],
    [
      'Findings',
      'query Findings($orderBy: FindingOrder!, $descending: Boolean!, $first: Int!) { findings(orderBy: $orderBy, descending: $descending, first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { id type status severity plant line flow orderId eventIds postingIds valueAtRisk currency happenedAt lastSeenAt ageSeconds } } }',
      { orderBy: 'VALUE_AT_RISK', descending: true, first: 50 },
    ],
    [
      'FindingCounts',
      'query FindingCounts { findingCounts { type status count valueAtRisk } currencyOf: findings(first: 1) { nodes { id currency } } }',
      {},
    ],
    [
      'TraceSearch',
      'query TraceSearch($first: Int!) { traceSearch(first: $first) { matchedAs pageInfo { hasNextPage endCursor } nodes { correlationId plant line flow businessKey firstHopAt lastHopAt durationMs stages missingStages hasError outcome findingCount } } }',
      { first: 50 },
    ],
  ];
  const poller = async () => {
    while (running) {
      const roundStart = performance.now();
      for (const [op, query, variables] of QUERIES) {
        if (!running) return;
        const start = now();
        let status;
        let gqlErrors = 0;
        try {
          const res = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify({ operationName: op, query, variables }),
            signal: AbortSignal.timeout(60_000),
          });
          status = res.status;
          const text = await res.text();
          try {
            gqlErrors = JSON.parse(text).errors?.length ?? 0;
          } catch {
            gqlErrors = 1;
          }
        } catch {
          status = 0;
        }
        queryRequests.push({ start, end: now(), status, op, gqlErrors });
      }
      const wait = opts.pollEveryMs - (performance.now() - roundStart);
      if (wait > 0) await sleep(wait);
    }
  };

  const sampleMemory = async () => {
    while (running) {
      const pid = server?.pid;
      const mb = pid && server.exitCode === null ? rssMb(pid) : undefined;
      if (mb !== undefined) rss.push({ t: now(), pid, mb });
      const epid = enginePid();
      const emb = epid ? rssMb(epid) : undefined;
      if (emb !== undefined) engineRss.push({ t: now(), pid: epid, mb: emb });
      await sleep(2000);
    }
  };

  /** /ready every 250 ms, so a fault's window closes only after the server has noticed it and got over it. */
  const readySamples = [];
  const readyMonitor = async () => {
    while (running) {
      const t = now();
      let status;
      try {
        const res = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      readySamples.push({ t, status });
      if (readySamples.length > 1000) readySamples.splice(0, 500);
      await sleep(250);
    }
  };
  /** Ready again: /ready has failed at least once since the fault (waiting up to 15 s for that), then answers 200. */
  const waitRecovered = async (fault) => {
    const deadline = Date.now() + 15_000;
    while (!readySamples.some((r) => r.t >= fault.start && r.status !== 200) && Date.now() < deadline) await sleep(100);
    await readyAfter(180_000, `recovering from the ${fault.kind} fault`);
  };

  const inject = async (kind) => {
    const fault = { kind, start: now(), recovered: undefined, end: undefined };
    faults.push(fault);
    log(`[${(fault.start / 1000).toFixed(0)} s] fault: ${kind}`);
    if (kind === 'engine') {
      const pid = enginePid();
      if (!pid) throw new Error('no embedded engine to kill (info file missing or stale)');
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 180_000;
      while (!(enginePid() && enginePid() !== pid)) {
        if (Date.now() > deadline) throw new Error('the engine was not restarted within 180 s');
        await sleep(250);
      }
      await waitRecovered(fault);
    } else if (kind === 'redis') {
      await killChild(redis);
      await sleep(2000);
      redis = await startRedis();
      await waitRecovered(fault);
    } else {
      // Started again at once, as a process supervisor would: its engine may still be shutting down,
      // and the new server stops it (an orphan on its data directory) before starting its own.
      const orphan = enginePid();
      await killChild(server);
      const killedAt = performance.now();
      while (orphan && isAlive(orphan) && performance.now() - killedAt < 60_000) await sleep(20);
      engineGoneMs.push(orphan && isAlive(orphan) ? 60_000 : performance.now() - killedAt);
      await startServer();
    }
    fault.recovered = now();
    fault.end = fault.recovered + opts.graceMs;
    log(
      `[${(fault.recovered / 1000).toFixed(0)} s] ready again after the ${kind} fault (${((fault.recovered - fault.start) / 1000).toFixed(1)} s)`,
    );
  };

  let stoppedAt = 0;
  let failure;
  const workers = [];
  let result;
  try {
    redis = await startRedis();
    await startServer();
    t0 = performance.now();
    for (const s of servers) s.startedAt = 0;
    log(
      `soak: server on ${base} (demo at ${opts.speed}x), Redis on ${redisPort}, data in ${dataDir}; ${opts.durationSeconds} s, a fault every ${opts.faultEverySeconds} s`,
    );
    for (let c = 0; c < opts.clients; c++) workers.push(ingestClient(c));
    workers.push(poller(), sampleMemory(), readyMonitor());

    // Faults at every multiple of the interval up to 15 s before the end, each at least a grace period
    // after the previous one recovered; the run ends at its duration or 15 s after the last recovery.
    const durationMs = opts.durationSeconds * 1000;
    const scheduled = Math.floor((durationMs - 15_000) / (opts.faultEverySeconds * 1000));
    let nextFault = opts.faultEverySeconds * 1000;
    let runUntil = durationMs;
    let nextProgress = 30_000;
    while (now() < runUntil) {
      if (faults.length < scheduled && now() >= nextFault) {
        await inject(FAULTS[faults.length % FAULTS.length]);
        const f = faults.at(-1);
        nextFault = Math.max(nextFault + opts.faultEverySeconds * 1000, f.end);
        runUntil = Math.max(durationMs, f.recovered + 15_000);
      }
      if (now() >= nextProgress) {
        const acks = acked.reduce((a, b) => a + b, 0);
        const last = rss.at(-1);
        log(
          `[${(now() / 1000).toFixed(0)} s] acked ${acks.toLocaleString('en-US')} records, ${ingestRequests.length} ingest requests (${ingestRequests.filter((r) => r.status >= 500).length} 5xx), ${queryRequests.length} queries, server RSS ${last ? last.mb.toFixed(0) : '?'} MB`,
        );
        nextProgress += 30_000;
      }
      await sleep(200);
    }

    // ---- the end: stop the load, let in-flight batches be acknowledged, then look everything up --------
    const endAt = now();
    const endRss = rssMb(server.pid);
    const endEngineRss = enginePid() ? rssMb(enginePid()) : undefined;
    running = false;
    stoppedAt = performance.now();
    await Promise.all(workers);
    await readyAfter(120_000, 'at the end');
    const info = engineInfo();
    const ch = async (sql) => {
      const res = await fetch(`${info.url}/?database=${DATABASE}&default_format=JSONEachRow`, { method: 'POST', body: sql });
      const text = await res.text();
      if (!res.ok) throw new Error(`ClickHouse: ${text}`);
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    };
    // Per client: the acknowledged ids are 0 .. acked[c]-1 (a client sends its next batch only once
    // the previous one is acknowledged). Raw rows: every copy on disk (a retried batch whose first
    // attempt was stored may sit there twice until a merge); FINAL: what a reader sees.
    const ackedArray = `[${acked.join(',')}]`;
    const idsOf = (from) => `
      SELECT toUInt32OrZero(splitByChar('-', event_id)[2]) AS c, toUInt64OrZero(splitByChar('-', event_id)[3]) AS seq
      FROM device_events ${from} WHERE plant = '${PLANT}' AND line = '${LINE}' AND startsWith(event_id, 'soak-')`;
    const [raw] = await ch(`SELECT uniqExact(c, seq) AS ids FROM (${idsOf('')})`);
    const [inRange] = await ch(`
      SELECT count() AS rows, uniqExact(c, seq) AS ids FROM (${idsOf('')}) WHERE seq < ${ackedArray}[c + 1]`);
    const [final] = await ch(`
      SELECT count() AS rows, uniqExact(c, seq) AS ids FROM (${idsOf('FINAL')}) WHERE seq < ${ackedArray}[c + 1]`);
    const dupIdsRaw = await ch(`
      SELECT count() AS ids FROM (SELECT c, seq, count() AS n FROM (${idsOf('')}) WHERE seq < ${ackedArray}[c + 1] GROUP BY c, seq HAVING n > 1)`);
    const examples = await ch(`
      SELECT concat('soak-', toString(c), '-', toString(seq)) AS id, count() AS n FROM (${idsOf('FINAL')})
      WHERE seq < ${ackedArray}[c + 1] GROUP BY c, seq HAVING n > 1 ORDER BY c, seq LIMIT 10`);
    const totalAcked = acked.reduce((a, b) => a + b, 0);
    const lost = totalAcked - Number(inRange.ids);
    let lostExamples = [];
    if (lost > 0) {
      // Which ranges: per client, the acknowledged seqs that are missing (first few).
      const rows = await ch(`
        SELECT c, arraySort(groupArray(seq)) AS seqs FROM (SELECT DISTINCT c, seq FROM (${idsOf('')})) GROUP BY c`);
      for (const r of rows) {
        const have = new Set(r.seqs.map(Number));
        for (let s = 0; s < acked[r.c] && lostExamples.length < 20; s++) if (!have.has(s)) lostExamples.push(`soak-${r.c}-${s}`);
      }
    }

    // ---- figures --------------------------------------------------------------------------------
    const inFault = (r) => faults.some((f) => r.start <= (f.end ?? Infinity) && r.end >= f.start);
    const all = [
      ...ingestRequests.map((r) => ({ ...r, kind: 'ingest' })),
      ...queryRequests.map((r) => ({ ...r, kind: 'query' })),
    ];
    const fiveXx = all.filter((r) => r.status >= 500);
    const outside5xx = fiveXx.filter((r) => !inFault(r));
    const statusCounts = {};
    for (const r of all) statusCounts[`${r.kind}_${r.status}`] = (statusCounts[`${r.kind}_${r.status}`] ?? 0) + 1;
    const latencies = ackedLatencies.map((l) => l.ms);
    const latenciesOutside = ackedLatencies.filter((l) => !inFault({ start: l.start, end: l.start + l.ms })).map((l) => l.ms);
    const warmMs = opts.warmupShare * durationMs;
    const processes = servers.map((s) => {
      const samples = rss.filter((r) => r.pid === s.pid);
      const until = s.endedAt ?? endAt;
      const warm = samples.find((r) => r.t >= s.startedAt + warmMs) ?? samples.find((r) => r.t >= (s.startedAt + until) / 2);
      return {
        pid: s.pid,
        from_s: round(s.startedAt / 1000, 0),
        to_s: round(until / 1000, 0),
        warm_mb: warm ? round(warm.mb, 0) : null,
        end_mb: samples.length ? round(s.endedAt === undefined && endRss !== undefined ? endRss : samples.at(-1).mb, 0) : null,
        max_mb: samples.length ? round(Math.max(...samples.map((r) => r.mb)), 0) : null,
      };
    });
    const last = processes.at(-1);
    const rssStart = last.warm_mb;
    const rssEnd = round(endRss ?? last.end_mb, 0);
    const engineWarm = engineRss.find((r) => r.t >= warmMs);
    result = {
      minutes: round(opts.durationSeconds / 60, 2),
      acked: totalAcked,
      lost,
      duplicated: Number(final.rows) - Number(final.ids),
      duplicate_rows_raw: Number(inRange.rows) - Number(inRange.ids),
      duplicate_ids_raw: Number(dupIdsRaw[0]?.ids ?? 0),
      stored_unacked: Number(raw.ids) - Number(inRange.ids),
      errors_5xx_outside_faults: outside5xx.length,
      errors_5xx_in_faults: fiveXx.length - outside5xx.length,
      graphql_errors_outside_faults: queryRequests.filter((r) => r.gqlErrors > 0 && !inFault(r)).length,
      connection_errors_outside_faults: all.filter((r) => r.status === 0 && !inFault(r)).length,
      rss_start_mb: rssStart,
      rss_end_mb: rssEnd,
      memory_flat: rssStart !== null && Math.abs(rssEnd - rssStart) <= 0.2 * rssStart,
      p50_ingest_ms: round(percentile(latencies, 50)),
      p99_ingest_ms: round(percentile(latencies, 99)),
      p99_ingest_ms_outside_faults: round(percentile(latenciesOutside, 99)),
      max_batch_ack_ms: Math.round(maxBatchAckMs),
      ingest_requests: ingestRequests.length,
      acked_records_per_s: round(totalAcked / (endAt / 1000), 0),
      queries: queryRequests.length,
      p99_query_ms: round(
        percentile(
          queryRequests.filter((r) => r.status === 200).map((r) => r.end - r.start),
          99,
        ),
      ),
      faults: faults.map((f) => ({
        kind: f.kind,
        at_s: round(f.start / 1000, 0),
        recovered_s: round((f.recovered - f.start) / 1000),
      })),
      engine_gone_after_server_kill_max_ms: engineGoneMs.length ? Math.round(Math.max(...engineGoneMs)) : null,
      server_processes: processes,
      engine_rss_warm_mb: engineWarm ? round(engineWarm.mb, 0) : null,
      engine_rss_end_mb: endEngineRss !== undefined ? round(endEngineRss, 0) : null,
      status_counts: statusCounts,
    };
    if (examples.length) result.duplicated_examples = examples.map((e) => `${e.id} x${e.n}`);
    if (lostExamples.length) result.lost_examples = lostExamples;
    if (outside5xx.length)
      result.errors_5xx_outside_faults_examples = outside5xx
        .slice(0, 10)
        .map((r) => `${r.kind}${r.op ? ` ${r.op}` : ''} ${r.status} at ${(r.start / 1000).toFixed(1)} s`);
  } catch (err) {
    failure = err;
  } finally {
    running = false;
    stoppedAt ||= performance.now();
    await Promise.allSettled(workers);
    await cleanup().catch((err) => log(`cleanup: ${err.message}`));
    process.removeListener('exit', onExit);
    if (failure && opts.keepDirOnFailure !== false) log(`soak failed; its data directory and server log are kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  if (failure) throw failure;
  return result;
}
