// `npm run bench -- accuracy [days] [seed]`: how right reconciliation is, scored against what the plant
// simulator injected. Simulates `days` (default 7) of the default plant with faults into a fresh engine,
// with the master data a plant admin would enter (the backfill writes the simulator's calendars, costs
// and unit conversions; SLAs and tolerances are the seeded defaults), reconciles the history, then runs the continuous reconciliation every 30 s (and the re-check of
// older findings every 10 min) of simulated time over the last 90 minutes ("as of" each step: later records are invisible). Scores
// the findings against sim_ground_truth: precision and recall per finding type, and the p95 delay
// from a fault becoming true to its finding (from the stepped period). Last line: JSON.
import { createRequire } from 'node:module';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fmt, migratedDatabase, root, startEngine } from './support.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, 'server/dist', p));
const { backfill } = dist('demo/simulate.command.js');
const sim = dist('simulator/index.js');
const { startSyncline } = dist('bootstrap/start-syncline.js');
const { ReconcileService } = dist('reconciliation/reconcile.service.js');

const DAYS = Number(process.argv[2] ?? 7);
const SEED = Number(process.argv[3] ?? 7);
const STEP_MS = 30_000;
const RECHECK_MS = 10 * 60_000;
const STEPPED_MS = 90 * 60_000;
const SILENT_MINUTES = sim.simulatorMasterData(sim.DEFAULT_SIMULATOR_OPTIONS).calendars[0].silentMinutes;
const TYPES = [
  'missing_posting',
  'duplicate_posting',
  'quantity_mismatch',
  'late_posting',
  'orphan_posting',
  'failed_hop',
  'silent_line',
];
const HOUR = 3_600_000;

async function rows(client, query, params) {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json();
}

const engine = await startEngine();
const db = await migratedDatabase(engine.url, 'bench');
const options = { ...sim.DEFAULT_SIMULATOR_OPTIONS, seed: SEED };
const nowMs = Math.floor(Date.now() / 60_000) * 60_000;
const fromMs = Math.floor((nowMs - DAYS * 86_400_000) / HOUR) * HOUR;
console.log(`simulating ${DAYS} days of the default plant (seed ${SEED}) with faults...`);
let started = performance.now();
const writer = await backfill(db, options, fromMs, nowMs);
const c = writer.counts;
console.log(
  `  ${fmt(c.deviceEvents)} device events, ${fmt(c.hops)} hops, ${fmt(c.erpPostings)} postings, ${fmt(c.groundTruth)} injected faults in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const syncline = await startSyncline(
  {
    NODE_ENV: 'production',
    PORT: '0',
    LOG_LEVEL: 'silent',
    CLICKHOUSE_URL: engine.url,
    CLICKHOUSE_DATABASE: 'bench',
    SYNCLINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'syncline-accuracy-')),
    QUEUE_PREFIX: `bench-accuracy-${process.pid}`,
    RECONCILE_INTERVAL_SECONDS: '0',
    RECONCILE_RECHECK_MINUTES: '0',
    SILENT_LINE_MINUTES: String(SILENT_MINUTES),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  },
  undefined,
);
try {
  // The backfill entered the simulator's calendars, costs and conversions, as a plant admin would.
  const model = sim.buildPlantModel(options);
  const reconcile = syncline.app.get(ReconcileService);
  const stepFrom = nowMs - STEPPED_MS;
  started = performance.now();
  await reconcile.run({ kind: 'full', nowMs: stepFrom, fromMs: fromMs - HOUR, toMs: stepFrom + 1 });
  console.log(
    `history reconciled as of ${new Date(stepFrom).toISOString()} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  let steps = 0;
  let rechecks = 0;
  for (let t = stepFrom + STEP_MS; t <= nowMs; t += STEP_MS, steps++) {
    await reconcile.run({ kind: 'window', nowMs: t });
    // The slower job: every 10 min, open findings older than the window (a reversal hours later).
    if ((t - stepFrom) % RECHECK_MS === 0) {
      await reconcile.run({ kind: 'recheck', nowMs: t, fromMs: t - DAYS * 86_400_000 - HOUR, toMs: t + 1, silentLines: false });
      rechecks++;
    }
  }
  console.log(
    `${steps} continuous runs every 30 s and ${rechecks} re-checks every 10 min of simulated time over the last 90 min: ${((performance.now() - started) / steps).toFixed(0)} ms per run`,
  );

  // What should be found, as of now, from what the simulator injected and what is visible by now.
  const gt = await rows(
    db,
    `SELECT fault_id, fault_type, plant, line, flow, device_event_id, document_ids, correlation_id, details, toUnixTimestamp64Milli(injected_at) AS at FROM sim_ground_truth`,
  );
  const byFault = {};
  for (const g of gt) byFault[g.fault_type] = (byFault[g.fault_type] ?? 0) + 1;
  console.log(
    `injected: ${Object.entries(byFault)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  if (process.env.BENCH_VERBOSE) console.log(gt.filter((g) => g.fault_type === 'silent_line').slice(0, 5));
  const visibleDocs = new Set((await rows(db, 'SELECT DISTINCT document_id FROM erp_postings')).map((r) => r.document_id));
  const events = new Map(
    (await rows(db, 'SELECT event_id, toUnixTimestamp64Milli(any(event_time)) AS t FROM device_events GROUP BY event_id')).map(
      (r) => [r.event_id, Number(r.t)],
    ),
  );
  const lastHop = new Map(
    (
      await rows(
        db,
        `SELECT correlation_id, toString(argMax(status, tuple(end_time, start_time, attempt))) AS s FROM hops
         WHERE correlation_id IN (SELECT correlation_id FROM sim_ground_truth WHERE correlation_id != '') GROUP BY correlation_id`,
      )
    ).map((r) => [r.correlation_id, r.s]),
  );
  const sla = Object.fromEntries(Object.entries(options.slaMinutes).map(([f, m]) => [f, m * 60_000]));
  const grace = 15 * 60_000;
  const expected = Object.fromEntries(TYPES.map((t) => [t, new Map()]));
  const expect = (type, key, truth) => expected[type].set(key, truth);
  const due = (g) => (events.get(g.device_event_id) ?? Infinity) + sla[g.flow];
  const calendarOf = new Map(model.plants.map((p) => [p.code ?? p.id, p.calendar]));
  for (const g of gt) {
    const docs = g.document_ids;
    switch (g.fault_type) {
      case 'dropped_message':
      case 'failed_hop':
        if (due(g) <= nowMs) expect('missing_posting', g.device_event_id, g);
        if (['error', 'dropped'].includes(lastHop.get(g.correlation_id))) expect('failed_hop', g.correlation_id, g);
        break;
      case 'duplicate_posting':
        if (docs.every((d) => visibleDocs.has(d))) expect('duplicate_posting', g.device_event_id, g);
        break;
      case 'reversal_of_duplicate':
        if (visibleDocs.has(docs[1]) && !visibleDocs.has(docs[2])) expect('duplicate_posting', g.device_event_id, g);
        break;
      case 'late_posting':
        if (visibleDocs.has(docs[0])) expect('late_posting', g.device_event_id, g);
        else if (due(g) <= nowMs) expect('missing_posting', g.device_event_id, g);
        break;
      case 'wrong_quantity':
        if (visibleDocs.has(docs[0])) expect('quantity_mismatch', g.device_event_id, g);
        break;
      case 'orphan_posting':
        if (visibleDocs.has(docs[0]) && (g.device_event_id === '' || Number(g.at) + grace <= nowMs))
          expect('orphan_posting', docs[0], g);
        break;
      case 'silent_line': {
        // Silences the simulator draws in working time may run into a planned break; only the working
        // minutes count (a line at rest is not silent), as the product brief says.
        const end = Date.parse(/to (\S+) \(/.exec(g.details)?.[1] ?? '') || Number(g.at);
        let working = 0;
        for (let m = Number(g.at); m < Math.min(end, nowMs); m += 60_000)
          if (!sim.plannedBreakAt(calendarOf.get(g.plant), m)) working++;
        if (working >= SILENT_MINUTES + 2) expect('silent_line', `${g.plant}/${g.line}/${g.at}`, g);
        break;
      }
    }
  }

  // What reconciliation says now: findings that hold, and past conditions it recorded (ended silences).
  const found = await rows(
    db,
    `SELECT f.finding_id AS id, f.type AS type, f.plant AS plant, f.line AS line, f.event_ids AS event_ids, f.posting_ids AS posting_ids,
            f.correlation_ids AS correlation_ids, toUnixTimestamp64Milli(f.anchor_at) AS anchor, toUnixTimestamp64Milli(f.condition_since) AS since,
            toUnixTimestamp64Milli(f.first_seen_at) AS first_seen, f.active AS active, s.status AS status
     FROM (SELECT * FROM findings FINAL) AS f
     LEFT JOIN (SELECT finding_id, argMax(status, tuple(at, event_id)) AS status FROM finding_events GROUP BY finding_id) AS s ON s.finding_id = f.finding_id
     WHERE s.status != 'resolved_auto' OR f.active = 0
     SETTINGS join_use_nulls = 0`,
  );
  const silentGt = [...expected.silent_line.values()];
  const report = {};
  const delays = [];
  for (const type of TYPES) {
    const mine = found.filter((f) => f.type === type);
    const exp = expected[type];
    const matched = new Set();
    let tp = 0;
    for (const f of mine) {
      let keys;
      if (type === 'orphan_posting') keys = f.posting_ids;
      else if (type === 'failed_hop') keys = f.correlation_ids;
      else if (type === 'silent_line')
        keys = silentGt
          .filter(
            (g) =>
              g.plant === f.plant &&
              g.line === f.line &&
              Number(g.at) >= Number(f.anchor) - 2 * 60_000 &&
              Number(g.at) <= Number(f.anchor) + 5 * 60_000,
          )
          .map((g) => `${g.plant}/${g.line}/${g.at}`);
      else keys = f.event_ids;
      const hits = keys.filter((k) => exp.has(k));
      if (hits.length) tp++;
      hits.forEach((k) => matched.add(k));
      if (hits.length && Number(f.first_seen) > stepFrom) delays.push((Number(f.first_seen) - Number(f.since)) / 1000);
    }
    const precision = mine.length ? tp / mine.length : 1;
    const recall = exp.size ? matched.size / exp.size : 1;
    report[type] = {
      found: mine.length,
      expected: exp.size,
      precision: Number(precision.toFixed(4)),
      recall: Number(recall.toFixed(4)),
    };
    console.log(
      `${type.padEnd(18)} found ${String(mine.length).padStart(6)}  expected ${String(exp.size).padStart(6)}  precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}`,
    );
    if (process.env.BENCH_VERBOSE && (precision < 1 || recall < 1)) {
      console.log(
        '   false:',
        mine
          .filter(
            (f) =>
              !(type === 'orphan_posting' ? f.posting_ids : type === 'failed_hop' ? f.correlation_ids : f.event_ids).some((k) =>
                exp.has(k),
              ),
          )
          .slice(0, 5),
      );
      const missed = [...exp.keys()].filter((k) => !matched.has(k)).slice(0, 3);
      console.log(
        '   missed:',
        missed.map((k) => exp.get(k)),
      );
      for (const k of missed)
        console.log(
          '   findings about',
          k,
          await rows(
            db,
            `SELECT f.type, f.active, toString(f.anchor_at) AS anchor, f.details, s.statuses
             FROM (SELECT * FROM findings FINAL WHERE has(event_ids, {k:String}) OR has(posting_ids, {k:String}) OR has(correlation_ids, {k:String})) AS f
             LEFT JOIN (SELECT finding_id, groupArray(status) AS statuses FROM finding_events GROUP BY finding_id) AS s ON s.finding_id = f.finding_id`,
            { k },
          ),
          await rows(
            db,
            `SELECT toString(event_time) AS t, event_type, quantity, unit FROM device_events WHERE event_id = {k:String}`,
            { k },
          ),
          await rows(
            db,
            `SELECT document_id, toString(posted_at) AS t, quantity, unit, reverses_document_id FROM erp_postings WHERE device_event_id = {k:String}`,
            { k },
          ),
        );
    }
  }
  delays.sort((a, b) => a - b);
  const p95 = delays.length ? delays[Math.min(delays.length - 1, Math.floor(delays.length * 0.95))] : null;
  console.log(`detection delay over the stepped 90 min: ${delays.length} findings, p95 ${p95?.toFixed(1)} s (runs every 30 s)`);
  const values = Object.values(report);
  console.log(
    JSON.stringify({
      days: DAYS,
      seed: SEED,
      faults: c.groundTruth,
      min_precision: Math.min(...values.map((v) => v.precision)),
      min_recall: Math.min(...values.map((v) => v.recall)),
      detect_p95_s: p95 === null ? null : Number(p95.toFixed(1)),
      detect_samples: delays.length,
      by_type: report,
    }),
  );
} finally {
  await syncline.close();
  await db.close();
  await engine.stop();
}
