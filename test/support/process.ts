import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const SERVER_MAIN = path.resolve(__dirname, '../../server/dist/main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Whether the process still runs. A process that died but was not yet reaped (a zombie, re-parented
 * to PID 1 after its parent died) answers signal 0 but holds nothing: it counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /s.test(stat);
  } catch {
    return false;
  }
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The built server (`node server/dist/main.js`) as a child process, as `npm start` runs it. */
export class ServerProcess {
  readonly child: ChildProcess;
  output = '';
  exitCode: number | null = null;
  readonly exited: Promise<number>;

  constructor(env: Record<string, string | undefined>) {
    const base = { ...process.env };
    delete base.CLICKHOUSE_URL;
    this.child = spawn(process.execPath, [SERVER_MAIN], {
      // Its own queue prefix: job schedulers outlive the process in Redis, and on the default prefix they
      // would run in any later Syncline of this machine (a benchmark's server ran a test's reconciliation).
      env: { ...base, NODE_ENV: 'test', LOG_LEVEL: 'info', QUEUE_PREFIX: `test-proc-${randomBytes(4).toString('hex')}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal === 'SIGKILL' ? 137 : 143);
        resolve(this.exitCode);
      }),
    );
  }

  async waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    await waitFor(() => pattern.test(this.output) || this.exitCode !== null, timeoutMs, `log ${pattern}`);
    const m = this.output.match(pattern);
    if (!m) throw new Error(`server exited (${this.exitCode}) before logging ${pattern}:\n${this.output}`);
    return m;
  }

  /** pid of the embedded engine, from its start-up log line. */
  async enginePid(): Promise<number> {
    const m = await this.waitForLog(/"pid":(\d+)[^\n]*embedded ClickHouse is up/);
    return Number(m[1]);
  }
}
