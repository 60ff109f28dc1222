// `npm run bench -- soak [--minutes N] [--fault-every S]` (default 10 minutes, a fault every 120 s): the
// demo's plant at 10x speed plus a steady HTTP ingest load (4 clients, 100 device events per request,
// one request per 250 ms each), the dashboard's GraphQL queries polled every 5 s, and a fault every
// interval in turn: Redis restart, server SIGKILL and restart, engine SIGKILL. Its own redis-server on a
// free port and its own data directory. At the end every acknowledged record is looked up in ClickHouse.
// Last line: JSON (acked, lost, duplicated, errors_5xx_outside_faults, rss_start_mb, rss_end_mb,
// p99_ingest_ms, ...). Targets: lost 0, duplicated 0, no 5xx outside fault windows, memory flat.
import { runSoak } from './soak-run.mjs';

function arg(name, fallback) {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const v = Number(process.argv[at + 1]);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`${name} needs a positive number`);
    process.exit(2);
  }
  return v;
}

// Ctrl-C: exit through 'exit' handlers, which kill the server, engine and redis-server the soak started.
process.on('SIGINT', () => process.exit(130));

const minutes = arg('--minutes', 10);
const faultEvery = arg('--fault-every', Math.min(120, Math.max(15, Math.round((minutes * 60) / 5))));

const result = await runSoak({ durationSeconds: Math.round(minutes * 60), faultEverySeconds: faultEvery });
const { server_processes: processes, faults, status_counts: statuses, ...figures } = result;
console.log(`faults: ${faults.map((f) => `${f.kind} at ${f.at_s} s (ready again after ${f.recovered_s} s)`).join(', ')}`);
console.log(
  `server processes: ${processes.map((p) => `pid ${p.pid} ${p.from_s}-${p.to_s} s: RSS ${p.warm_mb} MB after warm-up, ${p.end_mb} MB at its end, max ${p.max_mb} MB`).join('; ')}`,
);
console.log(
  `answers: ${Object.entries(statuses)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
const ok =
  figures.lost === 0 &&
  figures.duplicated === 0 &&
  figures.errors_5xx_outside_faults === 0 &&
  figures.memory_flat === true &&
  (figures.engine_gone_after_server_kill_max_ms ?? 0) <= 3000;
console.log(
  `acked ${figures.acked.toLocaleString('en-US')} records: lost ${figures.lost}, duplicated ${figures.duplicated} (raw duplicate rows before merges ${figures.duplicate_rows_raw}); 5xx outside faults ${figures.errors_5xx_outside_faults}; RSS ${figures.rss_start_mb} -> ${figures.rss_end_mb} MB; p99 ingest ${figures.p99_ingest_ms} ms; engine gone ${figures.engine_gone_after_server_kill_max_ms} ms after a server SIGKILL at most. Targets ${ok ? 'met' : 'NOT met'}.`,
);
console.log(JSON.stringify(result));
