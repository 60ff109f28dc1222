'use strict';
// Starts and stops the embedded ClickHouse engine (launcher.js) as a child process.
// Only needed when no CLICKHOUSE_URL is configured; a deployment against a ClickHouse server
// does not install this package (see docs/adr/0001-embedded-clickhouse-engine.md).
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const http = require('node:http');
const fs = require('node:fs');

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
 * @param {{ dataDir: string, port?: number, tcpPort?: number, configFile?: string, startTimeoutMs?: number, onLog?: (line: string) => void }} options
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
  const clusterArgs = options.configFile ? [String(options.tcpPort), options.configFile] : [];
  const child = spawn(process.execPath, [LAUNCHER, options.dataDir, String(port), ...clusterArgs], {
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

/**
 * The `<remote_servers>` config of a local cluster: `name` with one shard per engine (the plant-sharded
 * tables), and `name_all` with one shard whose replicas are every engine, written to all of them
 * (`internal_replication` false: the small tables every shard keeps a whole copy of).
 * @param {string} name
 * @param {number[]} tcpPorts
 */
function clusterConfigXml(name, tcpPorts) {
  const replica = (p) => `<replica><host>127.0.0.1</host><port>${p}</port></replica>`;
  const shards = tcpPorts.map((p) => `<shard><internal_replication>true</internal_replication>${replica(p)}</shard>`).join('');
  const everywhere = `<shard><internal_replication>false</internal_replication>${tcpPorts.map(replica).join('')}</shard>`;
  return `<clickhouse><remote_servers><${name}>${shards}</${name}><${name}_all>${everywhere}</${name}_all></remote_servers></clickhouse>\n`;
}

/**
 * A cluster of `shards` embedded engines on this machine, each with its own data directory
 * (`dataDir/shard-N`), HTTP and TCP port, and the same `<remote_servers>` config naming all of them.
 * Ports are kept in `dataDir/cluster.json`, so a restart finds the same cluster with its data.
 * @param {{ dataDir: string, shards: number, cluster?: string, startTimeoutMs?: number, onLog?: (shard: number, line: string) => void }} options
 */
async function startEmbeddedCluster(options) {
  const cluster = options.cluster || 'syncline';
  fs.mkdirSync(options.dataDir, { recursive: true });
  const layoutFile = path.join(options.dataDir, 'cluster.json');
  let layout;
  try {
    layout = JSON.parse(fs.readFileSync(layoutFile, 'utf8'));
  } catch {
    layout = undefined;
  }
  if (layout && layout.shards.length !== options.shards) {
    throw new Error(
      `The embedded cluster in ${options.dataDir} has ${layout.shards.length} shards, not ${options.shards}: ` +
        'plants are placed by the number of shards, so it cannot change on existing data. Use another data directory.',
    );
  }
  if (!layout) {
    const shards = [];
    for (let n = 0; n < options.shards; n++) shards.push({ httpPort: await freePort(), tcpPort: await freePort() });
    layout = { cluster, shards };
    fs.writeFileSync(layoutFile, JSON.stringify(layout, null, 2));
  }
  const configFile = path.join(options.dataDir, 'cluster.xml');
  fs.writeFileSync(
    configFile,
    clusterConfigXml(
      layout.cluster,
      layout.shards.map((s) => s.tcpPort),
    ),
  );
  const engines = [];
  try {
    for (const [n, s] of layout.shards.entries()) {
      engines.push(
        await startEmbeddedClickHouse({
          dataDir: path.join(options.dataDir, `shard-${n + 1}`),
          port: s.httpPort,
          tcpPort: s.tcpPort,
          configFile,
          startTimeoutMs: options.startTimeoutMs,
          onLog: options.onLog ? (line) => options.onLog(n + 1, line) : undefined,
        }),
      );
    }
  } catch (err) {
    await Promise.all(engines.map((e) => e.stop()));
    throw err;
  }
  return {
    cluster: layout.cluster,
    engines,
    urls: engines.map((e) => e.url),
    stop: (timeoutMs) => Promise.all(engines.map((e) => e.stop(timeoutMs))).then(() => undefined),
  };
}

module.exports = { startEmbeddedClickHouse, startEmbeddedCluster, clusterConfigXml };
