import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { EmbeddedClickHouse, EmbeddedCluster } from '@syncline/clickhouse';
import { StartupError } from './preflight';

/**
 * Starts the embedded ClickHouse engine from the optional @syncline/clickhouse package.
 * Loaded lazily so a deployment with CLICKHOUSE_URL never needs the ~540 MB engine installed.
 */
function embeddedPackage(): typeof import('@syncline/clickhouse') {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional package, loaded only in embedded mode
    return require('@syncline/clickhouse') as typeof import('@syncline/clickhouse');
  } catch {
    throw new StartupError(
      'CLICKHOUSE_URL is not set and the embedded ClickHouse engine (package @syncline/clickhouse) is not installed. ' +
        'Run `npm install` at the repository root, or set CLICKHOUSE_URL to a ClickHouse server.',
    );
  }
}

export async function startEmbeddedEngine(dataDir: string, port: number, logger: Logger): Promise<EmbeddedClickHouse> {
  const mod = embeddedPackage();
  const engineLog = logger.child({ component: 'embedded-clickhouse' });
  const dir = path.join(dataDir, 'clickhouse');
  const started = Date.now();
  try {
    const engine = await mod.startEmbeddedClickHouse({
      dataDir: dir,
      port,
      onLog: (line) => engineLog.debug(line),
    });
    engineLog.info({ url: engine.url, pid: engine.pid, dataDir: dir, ms: Date.now() - started }, 'embedded ClickHouse is up');
    return engine;
  } catch (err) {
    throw new StartupError((err as Error).message);
  }
}

/**
 * SYNCLINE_SHARDS > 1: that many local engines as one cluster (`syncline`), each with its own data
 * directory under `<data>/clickhouse-cluster`, for trying a cluster and for tests (ADR 0011). Unlike the
 * single engine, a shard that dies is not restarted: the cluster is for trying, not for a plant.
 */
export async function startEmbeddedCluster(dataDir: string, shards: number, logger: Logger): Promise<EmbeddedCluster> {
  const mod = embeddedPackage();
  const engineLog = logger.child({ component: 'embedded-clickhouse' });
  const dir = path.join(dataDir, 'clickhouse-cluster');
  const started = Date.now();
  try {
    const cluster = await mod.startEmbeddedCluster({
      dataDir: dir,
      shards,
      onLog: (shard, line) => engineLog.debug({ shard }, line),
    });
    engineLog.info(
      { urls: cluster.urls, cluster: cluster.cluster, dataDir: dir, ms: Date.now() - started },
      'embedded ClickHouse cluster is up',
    );
    return cluster;
  } catch (err) {
    throw new StartupError((err as Error).message);
  }
}

const ENGINE_INFO = 'embedded-clickhouse.json';

/**
 * While Syncline runs, where its embedded engine listens, so tools on the same machine (the
 * simulator's backfill) can write to it instead of trying to open the locked data directory.
 */
export async function writeEngineInfo(dataDir: string, engine: EmbeddedClickHouse): Promise<void> {
  await writeFile(path.join(dataDir, ENGINE_INFO), JSON.stringify({ url: engine.url, pid: engine.pid, parentPid: process.pid }));
}

export async function removeEngineInfo(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, ENGINE_INFO), { force: true });
}

/** The running engine's URL from the info file, if the file exists and the engine answers. */
export async function runningEngineUrl(dataDir: string): Promise<string | undefined> {
  try {
    const { url } = JSON.parse(await readFile(path.join(dataDir, ENGINE_INFO), 'utf8')) as { url: string };
    const res = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? url : undefined;
  } catch {
    return undefined;
  }
}
