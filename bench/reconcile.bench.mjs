// `npm run bench -- reconcile [events]`: reconciliation at scale. Generates device events and ERP
// postings over 30 days inside ClickHouse (1 % faults of each kind), then times
//   (a) a full reconciliation pass that writes the findings (reconcileNow(sinceDays: 31), in the server),
//   (b) one incremental window holding one minute of new data (the flow's window job; median of 5 runs),
//   (c) for reference, the bare set queries over the same tables (anti-join for missing postings,
//       group-by for duplicates, per-order sums), with FINAL as the pass reads deduplicated data,
// and prints the ratio a / c and the server's memory before and after. Last line: JSON. Before it times
// anything, it waits for every closed day to be one part, and merges every closed month of the monthly
// lookup tables into one, as ClickHouse leaves any history older than 15 minutes and six hours
// (BENCH_RECONCILE_COMPACT=0: the parts as generated).
// The server it times has finished its first rollup of that history (a one-time catch-up) first, and the
// run after it, which redoes the last 48 hours of a history generated a minute before (waitForFirstRollup).
import { readFileSync } from 'node:fs';
import { DAYS, generate } from './reconcile-data.mjs';
import {
  compactClosedDays,
  fmt,
  gql,
  migratedDatabase,
  startEngine,
  startServer,
  timed,
  waitForFirstRollup,
  waitForMerges,
} from './support.mjs';

const EVENTS = Number(process.argv[2] ?? 10_000_000);
const WINDOW_RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function count(db, sql) {
  const rs = await db.query({ query: sql, format: 'JSONEachRow' });
  const [row] = await rs.json();
  return Number(Object.values(row)[0]);
}

const REFERENCE = [
  [
    'missing postings (LEFT ANTI JOIN, FINAL)',
    `SELECT count() FROM (SELECT event_id FROM device_events FINAL) e
     LEFT ANTI JOIN (SELECT device_event_id FROM erp_postings FINAL WHERE device_event_id != '' AND reverses_document_id = '') p
     ON p.device_event_id = e.event_id`,
  ],
  [
    'duplicates (GROUP BY ... HAVING count() > 1, FINAL)',
    `SELECT count() FROM (SELECT device_event_id FROM erp_postings FINAL WHERE device_event_id != '' AND reverses_document_id = ''
     GROUP BY device_event_id HAVING count() > 1)`,
  ],
  [
    'per-order quantity sums joined (FINAL)',
    `SELECT count() FROM (SELECT order_id, sum(quantity) AS q FROM device_events FINAL GROUP BY order_id) d
     JOIN (SELECT order_id, sum(quantity) AS q FROM erp_postings FINAL GROUP BY order_id) p USING order_id WHERE d.q != p.q`,
  ],
];

const engine = await startEngine();
const db = await migratedDatabase(engine.url, 'bench');
console.log(`generating ${fmt(EVENTS)} device events and their postings over ${DAYS} days inside ClickHouse...`);
const gen = await timed(() => generate(db, EVENTS));
const events = await count(db, 'SELECT count() FROM device_events');
const postings = await count(db, 'SELECT count() FROM erp_postings');
console.log(`generated ${fmt(events)} events and ${fmt(postings)} postings in ${gen.seconds.toFixed(1)} s`);
// Closed days and months in one part, as in any installation whose history is older than 15 minutes
// and six hours (migrations 20261206100000, 20261212090000); BENCH_RECONCILE_COMPACT=0 runs on the
// parts as generated.
const compactS = process.env.BENCH_RECONCILE_COMPACT === '0' ? null : await compactClosedDays(db, 'bench', Date.now(), 900);

const server = await startServer({
  CLICKHOUSE_URL: engine.url,
  CLICKHOUSE_DATABASE: 'bench',
  RECONCILE_INTERVAL_SECONDS: '0',
  RECONCILE_RECHECK_MINUTES: '0',
  SYNCLINE_DATA_DIR: `/tmp/syncline-bench-data-${process.pid}`,
  // BENCH_LOG_LEVEL=debug with BENCH_SERVER_STDOUT=1 prints each reconciliation query's time.
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
});
try {
  // A server started on 30 days of history first rolls them up (ROI hours, 1-2 min here), and its next
  // run redoes the last 48 hours (5-10 s); timed alongside, the pass shared the engine with them, and
  // the engine runs reconciliation's queries at a lower priority than the rollup's.
  const rollup = await waitForFirstRollup(db, 'bench', 1800);
  console.log(
    `the server's first rollup of the history: ${rollup.first.toFixed(0)} s, settled after ${rollup.settled.toFixed(0)} s (not timed)`,
  );
  const rssBefore = rssMb(server.pid);
  const full = await timed(() => gql(server.url, 'mutation { reconcileNow(sinceDays: 31) { detected resolved durationMs } }'));
  const rssAfter = rssMb(server.pid);
  console.log(
    `(a) full pass over ${DAYS} days: ${full.seconds.toFixed(2)} s, ${fmt(full.result.reconcileNow.detected)} findings written`,
  );
  const byType = await db.query({
    query: 'SELECT type, count() AS n FROM findings FINAL GROUP BY type ORDER BY type',
    format: 'JSONEachRow',
  });
  console.log(`    findings: ${(await byType.json()).map((r) => `${r.type} ${fmt(r.n)}`).join(', ')}`);

  // The exception queue over every finding of the full pass: first page, a later page, counts.
  const queue = [];
  let after = null;
  for (let i = 0; i < 5; i++) {
    const page = await timed(() =>
      gql(
        server.url,
        'query($after: String) { findings(first: 50, after: $after) { totalCount pageInfo { endCursor } nodes { id } } }',
        { after },
      ),
    );
    after = page.result.findings.pageInfo.endCursor;
    queue.push(page.seconds);
  }
  const counts = await timed(() => gql(server.url, '{ findingCounts { type status count } }'));
  console.log(
    `    exception queue over ${fmt(full.result.reconcileNow.detected)} findings: a page of 50 in ${queue.map((x) => (x * 1000).toFixed(0)).join(' / ')} ms, counts in ${(counts.seconds * 1000).toFixed(0)} ms`,
  );

  // The window job as it runs every RECONCILE_INTERVAL_SECONDS: the full pass's findings merged first
  // (as between two window jobs), then WINDOW_RUNS times one minute of new device events (no postings
  // yet) and the flow's window job (2 x SLA + grace, on whole buckets), then every flow and silent lines
  // at once for comparison. The median of the runs: one run on this machine varies by a third.
  const mergesS = await waitForMerges(db, 'bench', 300);
  const windowRuns = [];
  const windowAllRuns = [];
  for (let i = 0; i < WINDOW_RUNS; i++) {
    await db.command({
      query: `INSERT INTO device_events (event_id, event_time, plant, line, order_id, material, event_type, quantity, unit)
              SELECT concat('W', {run:String}, '-', toString(number)), now64(3) - toIntervalMillisecond(number * 60000 / {n:UInt64}),
                     ['P1','P2','P3'][number % 3 + 1], 'L1', 'O-window', 'M-1', 'cycle_complete', 1, 'EA' FROM numbers({n:UInt64})`,
      query_params: { n: Math.round(EVENTS / DAYS / 1440), run: String(i) },
    });
    windowRuns.push(
      (await timed(() => gql(server.url, 'mutation { reconcileNow(flow: "production_confirmation") { detected durationMs } }')))
        .seconds,
    );
    windowAllRuns.push((await timed(() => gql(server.url, 'mutation { reconcileNow { detected durationMs } }'))).seconds);
  }
  const window = median(windowRuns);
  const windowAll = median(windowAllRuns);
  console.log(
    `(b) one incremental window with one minute of new data (after ${mergesS.toFixed(0)} s of the full pass's merges), ${WINDOW_RUNS} runs: ` +
      `the flow's window job ${windowRuns.map((x) => x.toFixed(2)).join(' / ')} s (median ${window.toFixed(2)}); ` +
      `every flow and silent lines at once ${windowAllRuns.map((x) => x.toFixed(2)).join(' / ')} s (median ${windowAll.toFixed(2)})`,
  );

  let reference = 0;
  for (const [name, sql] of REFERENCE) {
    const r = await timed(() => count(db, sql));
    reference += r.seconds;
    console.log(`(c) ${name}: ${r.seconds.toFixed(2)} s (${fmt(r.result)})`);
  }
  const ratio = full.seconds / reference;
  console.log(
    `ratio a / c = ${ratio.toFixed(2)}; server RSS ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after the full pass`,
  );
  console.log(
    JSON.stringify({
      events,
      postings,
      full_pass_s: Number(full.seconds.toFixed(2)),
      window_s: Number(window.toFixed(3)),
      window_all_flows_s: Number(windowAll.toFixed(3)),
      window_runs_s: windowRuns.map((x) => Number(x.toFixed(3))),
      reference_s: Number(reference.toFixed(2)),
      ratio: Number(ratio.toFixed(2)),
      server_rss_mb: Math.round(rssAfter),
      server_rss_before_mb: Math.round(rssBefore),
      findings_written: full.result.reconcileNow.detected,
      queue_page_ms: Math.round(Math.max(...queue) * 1000),
      compact_s: compactS === null ? null : Math.round(compactS),
      first_rollup_s: Math.round(rollup.first),
      rollup_settled_s: Math.round(rollup.settled),
    }),
  );
} finally {
  await server.stop();
  await db.close();
  await engine.stop();
}
