'use strict';
// Starts and stops the embedded ClickHouse engine (launcher.js) as a child process.
// Only needed when no CLICKHOUSE_URL is configured; a deployment against a ClickHouse server
// does not install this package (see docs/adr/0001-embedded-clickhouse-engine.md).
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const http = require('node:http');

const LAUNCHER = path.join(__dirname, 'launcher.js');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/ping', timeout: 1000 }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(res.statusCode === 200 && body.startsWith('Ok')));
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/**
 * @param {{ dataDir: string, port?: number, startTimeoutMs?: number, onLog?: (line: string) => void }} options
 */
async function startEmbeddedClickHouse(options) {
  const port = options.port || (await freePort());
  const startTimeoutMs = options.startTimeoutMs ?? 60000;
  const recent = [];
  const remember = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (options.onLog) options.onLog(line);
    }
  };
  const child = spawn(process.execPath, [LAUNCHER, options.dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (hasExited) {
      throw new Error(
        `The embedded ClickHouse engine exited during start-up (data directory ${options.dataDir}, port ${port}). ` +
          `Its last output:\n${recent.slice(-15).join('\n')}`,
      );
    }
    if (await ping(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The embedded ClickHouse engine did not answer on port ${port} within ${startTimeoutMs} ms.`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  let stopping;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    exited,
    /** Cancels the engine's keep-alive query so it shuts down cleanly; kills it if it does not. */
    stop(timeoutMs = 15000) {
      if (stopping) return stopping;
      stopping = (async () => {
        if (hasExited) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

module.exports = { startEmbeddedClickHouse };
