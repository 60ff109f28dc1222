import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { EmbeddedClickHouse } from '@syncline/clickhouse';
import { StartupError } from './preflight';
import { removeEngineInfo, startEmbeddedEngine, writeEngineInfo } from './embedded-engine';

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];
const ENGINE_INFO = 'embedded-clickhouse.json';

/** Whether the process runs: a zombie (dead, not yet reaped by PID 1) holds no lock and counts as gone. */
async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) [ZX] /s.test(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (not Linux): signal 0 is all we can tell
  }
}

async function cmdline(pid: number): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An engine left running by a Syncline that died (its info file names the engine and its parent):
 * stopped before a new one starts on the same data directory, saying so. A live parent means another
 * Syncline runs on this data directory: that is refused, naming it. A pid that is no longer our
 * launcher (reused) is left alone.
 */
export async function stopOrphanedEngine(dataDir: string, logger: Logger): Promise<void> {
  let info: { pid?: number; parentPid?: number; url?: string };
  try {
    info = JSON.parse(await readFile(path.join(dataDir, ENGINE_INFO), 'utf8')) as typeof info;
  } catch {
    return;
  }
  const { pid, parentPid } = info;
  if (!pid || !(await isAlive(pid))) return;
  const command = await cmdline(pid);
  if (!command.includes('launcher.js') || !command.includes(path.join(dataDir, 'clickhouse'))) return;
  if (parentPid && parentPid !== process.pid && (await isAlive(parentPid)) && (await cmdline(parentPid)).includes('node'))
    throw new StartupError(
      `Another Syncline (pid ${parentPid}) is running on the data directory ${dataDir} with its engine (pid ${pid}); stop it first or use another SYNCLINE_DATA_DIR.`,
    );
  logger.warn(
    { pid, parentPid, dataDir },
    'found the embedded ClickHouse engine of a Syncline that is gone still running on this data directory; stopping it',
  );
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; await isAlive(pid); waited += 100) {
    if (waited === 5000) {
      logger.warn({ pid }, 'the orphaned engine did not stop within 5 s; killing it');
      process.kill(pid, 'SIGKILL');
    }
    if (waited > 20_000) throw new StartupError(`The orphaned embedded engine (pid ${pid}) on ${dataDir} does not stop.`);
    await sleep(100);
  }
  logger.info({ pid }, 'the orphaned engine stopped');
}

/**
 * Keeps the embedded engine running: when it dies (crash, OOM, kill) while Syncline runs, it is
 * started again on the same port and data directory with backoff. Meanwhile ClickHouse calls fail
 * as "unavailable": ingest answers 503 with Retry-After and /ready 503, and nothing acknowledged is
 * lost (a 2xx means stored, and parts written are on disk).
 */
export class EngineSupervisor {
  private stopping = false;
  private restarting: Promise<void> | undefined;
  restarts = 0;

  private constructor(
    private engine: EmbeddedClickHouse,
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {
    this.watch();
  }

  static async start(dataDir: string, port: number, logger: Logger): Promise<EngineSupervisor> {
    await stopOrphanedEngine(dataDir, logger);
    const engine = await startEmbeddedEngine(dataDir, port, logger);
    await writeEngineInfo(dataDir, engine);
    return new EngineSupervisor(engine, dataDir, logger);
  }

  get current(): EmbeddedClickHouse {
    return this.engine;
  }

  get url(): string {
    return this.engine.url;
  }

  private watch(): void {
    const engine = this.engine;
    void engine.exited.then((code) => {
      if (this.stopping || engine !== this.engine) return;
      this.logger.error({ code, pid: engine.pid }, 'the embedded ClickHouse engine stopped unexpectedly; restarting it');
      this.restarting = this.restart();
    });
  }

  private async restart(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      await sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]);
      if (this.stopping) return;
      try {
        this.engine = await startEmbeddedEngine(this.dataDir, this.engine.port, this.logger);
        await writeEngineInfo(this.dataDir, this.engine);
        this.restarts++;
        this.logger.info({ pid: this.engine.pid, attempt: attempt + 1 }, 'the embedded ClickHouse engine is back');
        this.watch();
        return;
      } catch (err) {
        this.logger.error(
          { err: (err as Error).message, attempt: attempt + 1 },
          'restarting the embedded ClickHouse engine failed; retrying',
        );
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.restarting?.catch(() => undefined);
    await this.engine.stop();
    await removeEngineInfo(this.dataDir);
  }
}
