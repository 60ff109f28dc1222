'use strict';
// Runs ClickHouse (the engine inside chdb's libchdb.so) as clickhouse-local serving the real
// ClickHouse HTTP protocol. Started by index.js as a dedicated child process: the engine must be
// called on a thread of a process that does nothing else, and it must die with its parent.
//
// argv: <dataDir> <httpPort> [<tcpPort> <configFile>]
// With a TCP port and a config file (a `<remote_servers>` cluster), the engine is one shard of a
// local cluster: the other shards reach it over ClickHouse's native protocol on the TCP port.
const path = require('node:path');
const fs = require('node:fs');
const http = require('node:http');
const { open, load, DataType } = require('ffi-rs');
const { libchdbPath } = require('chdb/libchdb');

const [dataDir, portArg, tcpPortArg, configFile] = process.argv.slice(2);
const port = Number(portArg);
const tcpPort = Number(tcpPortArg || 0);
const parentPid = process.ppid;
const KEEPALIVE_MARK = 'syncline_embedded_keepalive';
/** How long a stopping engine may take to finish its queries before it is ended hard. */
const HARD_STOP_MS = 5000;

function log(msg, extra = {}) {
  process.stdout.write(`${JSON.stringify({ level: 'info', component: 'embedded-clickhouse', msg, ...extra })}\n`);
}
// Our output is a pipe to the parent. When the parent dies, a write fails with EPIPE; unhandled, that
// error would end this process through a normal exit, which can hang in the engine's exit handlers.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

// Linux: ask the kernel to SIGKILL this process the moment its parent dies, whatever it is doing.
// A parent that died did not stop us on purpose, so nobody waits for a clean stop, and a clean stop
// is exactly what can hang under load (the engine's exit handlers); every acknowledged insert is
// already a part on disk, and ClickHouse starts cleanly after a kill. An orphaned engine would keep
// the data directory locked for every later start. A normal stop (SIGTERM from index.js) stays graceful.
function dieWithParent() {
  try {
    open({ library: 'libc', path: '' });
    const PR_SET_PDEATHSIG = 1;
    const SIGKILL = 9;
    load({
      library: 'libc',
      funcName: 'prctl',
      retType: DataType.I32,
      paramsType: [DataType.I32, DataType.I64],
      paramsValue: [PR_SET_PDEATHSIG, SIGKILL],
    });
  } catch {
    // Not Linux or no prctl: the parent watch below ends us within half a second.
  }
  const parentGone = () => {
    if (process.ppid === parentPid) return;
    log('parent process is gone; ending the embedded engine');
    process.kill(process.pid, 'SIGKILL');
  };
  parentGone();
  setInterval(parentGone, 500).unref();
}

let stopping = false;
function shutdown(reason) {
  if (stopping) return;
  stopping = true;
  log('stopping embedded ClickHouse', { reason });
  // Cancelling the keep-alive query makes chdb_query_cmdline return, and the process exits by itself.
  const sql = `KILL QUERY WHERE query LIKE '%${KEEPALIVE_MARK}%' AND query NOT LIKE '%KILL QUERY%' SYNC`;
  const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', timeout: 5000 }, (res) => res.resume());
  req.on('error', () => undefined);
  req.end(sql);
  // If the engine does not return in time, end hard: written MergeTree parts are already on disk.
  // Not process.exit(): under load it can hang in the engine's exit handlers, and an orphaned engine
  // keeps the data directory locked for every later start. SIGKILL cannot hang.
  // Kept referenced: if nothing else holds the event loop, Node would begin a normal exit, which can
  // hang in the engine's exit handlers, and an unreferenced timer would then never fire.
  setTimeout(() => {
    log('embedded ClickHouse did not stop in time; ending it hard', { reason });
    process.kill(process.pid, 'SIGKILL');
  }, HARD_STOP_MS);
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

fs.mkdirSync(dataDir, { recursive: true });
dieWithParent();

open({ library: 'libchdb', path: libchdbPath() });
const keepAlive =
  `SELECT sleepEachRow(1) AS ${KEEPALIVE_MARK} FROM numbers(1000000000000) ` +
  'SETTINGS max_block_size = 1, function_sleep_max_microseconds_per_block = 0 FORMAT Null';
const argv = [
  'clickhouse',
  ...(configFile ? [`--config-file=${path.resolve(configFile)}`] : []),
  `--path=${path.resolve(dataDir)}`,
  `--http_port=${port}`,
  ...(tcpPort ? [`--tcp_port=${tcpPort}`] : []),
  '--listen_host=127.0.0.1',
  '--multiquery',
  `--query=SYSTEM START LISTEN HTTP; ${tcpPort ? 'SYSTEM START LISTEN TCP; ' : ''}${keepAlive}`,
];
log('starting embedded ClickHouse', { dataDir: path.resolve(dataDir), port, tcpPort: tcpPort || undefined });
load({
  library: 'libchdb',
  funcName: 'chdb_query_cmdline',
  retType: DataType.External,
  paramsType: [DataType.I32, DataType.StringArray],
  paramsValue: [argv.length, argv],
  runInNewThread: true,
}).then(
  () => {
    log('embedded ClickHouse stopped');
    // With the parent gone nobody waits for an exit code, and process.exit() can hang in the
    // engine's exit handlers under load: end without them.
    if (process.ppid !== parentPid) process.kill(process.pid, 'SIGKILL');
    process.exit(stopping ? 0 : 1);
  },
  (err) => {
    log('embedded ClickHouse failed', { error: String(err) });
    process.exit(1);
  },
);
