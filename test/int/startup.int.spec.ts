import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedClickHouse } from '@syncline/clickhouse';
import { clickhouseUrl } from '../support/clickhouse';
import { freePort, isAlive, ServerProcess, waitFor } from '../support/process';
import { DAY } from '../support/time';

const dirs: string[] = [];
function tempDir() {
  const d = mkdtempSync(path.join(tmpdir(), 'syncline-startup-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const TOKEN = 'sl_admin_startup_test_token_0123456789';

/** Servers a failed test would leave running are killed when the file ends. */
const servers: ServerProcess[] = [];
afterAll(() => servers.forEach((s) => s.exitCode === null && s.child.kill('SIGKILL')));
function serverProcess(env: Record<string, string | undefined>): ServerProcess {
  const server = new ServerProcess(env);
  servers.push(server);
  return server;
}

/**
 * `clients` senders posting device events (`batch` per request) until stopped, as a plant's
 * gateways would: a batch answered 503 is sent again; the ids of every batch answered 2xx are kept.
 */
function ingestLoad(port: number, clients: number, batch: number) {
  const acked: string[] = [];
  const statuses = new Map<number, number>();
  let running = true;
  let seq = 0;
  const client = async (c: number) => {
    while (running) {
      const events = Array.from({ length: batch }, () => ({
        event_id: `load-${c}-${seq++}`,
        event_time: Date.now() - 60_000,
        plant: 'P1',
        line: 'LOAD',
        event_type: 'cycle_complete',
        quantity: 1,
      }));
      for (let attempt = 0; running || attempt === 0; attempt++) {
        let status: number;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/device-events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify(events),
            signal: AbortSignal.timeout(30_000),
          });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = 0; // connection refused or reset: the server is gone
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 200 && status < 300) {
          acked.push(...events.map((e) => e.event_id));
          break;
        }
        if (status === 0 && !running) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return {
    acked,
    statuses,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe('starting the built server as npm start does', () => {
  it('stops with a message naming the variable when configuration is bad', async () => {
    const server = serverProcess({ PORT: 'abc', SYNCLINE_DATA_DIR: tempDir() });
    expect(await server.exited).toBe(1);
    expect(server.output).toContain('PORT: PORT must be a port number (got "abc")');
  });

  it('says what to run when Redis is unreachable', async () => {
    const server = serverProcess({
      PORT: String(await freePort()),
      REDIS_URL: 'redis://127.0.0.1:1',
      CLICKHOUSE_URL: clickhouseUrl(),
      SYNCLINE_DATA_DIR: tempDir(),
    });
    expect(await server.exited).toBe(1);
    expect(server.output).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:1.*redis-server --daemonize yes.*REDIS_URL/s);
  });

  it('runs on the embedded engine, keeps data across restarts, refuses a busy port, and never leaves the engine behind', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = { PORT: String(port), SYNCLINE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: 'lifecycle', SYNCLINE_ADMIN_TOKEN: TOKEN };

    // First start: embedded engine comes up, schema applied, /ready answers.
    const first = serverProcess(env);
    await first.waitForLog(/Syncline is ready/);
    const enginePid = await first.enginePid();
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    const engineUrl = first.output.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*embedded ClickHouse is up/)![1];
    const ch = createClient({ url: engineUrl, database: 'lifecycle' });
    await ch.insert({
      table: 'device_events',
      values: [{ event_id: 'e-keep', event_time: `${DAY} 10:00:00`, plant: 'P1', event_type: 'cycle_complete', quantity: 5 }],
      format: 'JSONEachRow',
    });
    await ch.close();

    // A second start on the same port fails fast with a clear message and leaves the first alone.
    const second = serverProcess(env);
    expect(await second.exited).toBe(1);
    expect(second.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    // Graceful stop: the server exits 0 and its engine is gone.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await waitFor(() => !isAlive(enginePid), 10_000, 'engine to stop after SIGTERM');

    // Restart on the same data directory: the row is still there.
    const third = serverProcess(env);
    await third.waitForLog(/Syncline is ready/);
    const thirdEnginePid = await third.enginePid();
    const thirdUrl = third.output.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*embedded ClickHouse is up/)![1];
    const ch2 = createClient({ url: thirdUrl, database: 'lifecycle' });
    const rows = await (
      await ch2.query({ query: 'SELECT event_id FROM device_events', format: 'JSONEachRow' })
    ).json<{ event_id: string }>();
    await ch2.close();
    expect(rows).toEqual([{ event_id: 'e-keep' }]);

    // Killed outright under load (8 clients, 500 events per request): the engine must not outlive it
    // holding the data directory.
    const load = ingestLoad(port, 8, 500);
    await new Promise((r) => setTimeout(r, 3000));
    third.child.kill('SIGKILL');
    await third.exited;
    await waitFor(() => !isAlive(thirdEnginePid), 3_000, 'engine to stop within 3 s of its parent being SIGKILLed');
    await load.stop();
    expect(load.acked.length).toBeGreaterThan(0);

    // And the data directory is free again for the next start.
    const fourth = serverProcess(env);
    await fourth.waitForLog(/Syncline is ready/);
    fourth.child.kill('SIGTERM');
    expect(await fourth.exited).toBe(0);
  });

  it('restarts the embedded engine that dies under load: 503 meanwhile, ready again within 30 s, nothing acknowledged lost', async () => {
    const port = await freePort();
    const server = serverProcess({
      PORT: String(port),
      SYNCLINE_DATA_DIR: tempDir(),
      CLICKHOUSE_DATABASE: 'restart',
      SYNCLINE_ADMIN_TOKEN: TOKEN,
    });
    await server.waitForLog(/Syncline is ready/);
    const engineUrl = server.output.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*embedded ClickHouse is up/)![1];
    const load = ingestLoad(port, 4, 500);
    try {
      await new Promise((r) => setTimeout(r, 3000));
      const killedAt = Date.now();
      process.kill(await server.enginePid(), 'SIGKILL');
      await server.waitForLog(/the embedded ClickHouse engine stopped unexpectedly; restarting it/, 10_000);
      let ready = 0;
      while (Date.now() - killedAt < 30_000) {
        ready = (await fetch(`http://127.0.0.1:${port}/ready`)).status;
        if (ready === 200) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(ready).toBe(200);
      // Ingest goes on after the restart.
      const before = load.acked.length;
      await waitFor(() => load.acked.length > before, 15_000, 'an acknowledged batch after the restart');
    } finally {
      await load.stop();
    }
    expect(server.exitCode).toBeNull();
    // Its log line can trail /ready by the time the output pipe takes.
    await server.waitForLog(/the embedded ClickHouse engine is back/, 10_000);
    // While it was down, senders were told to retry (503), never an error that loses data.
    expect([...load.statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const ch = createClient({ url: engineUrl, database: 'restart' });
    const stored = await (
      await ch.query({ query: "SELECT DISTINCT event_id FROM device_events WHERE line = 'LOAD'", format: 'JSONEachRow' })
    ).json<{ event_id: string }>();
    await ch.close();
    const ids = new Set(stored.map((r) => r.event_id));
    expect(load.acked.filter((id) => !ids.has(id))).toEqual([]);
    expect(load.acked.length).toBeGreaterThan(1000);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('stops the engine a dead Syncline left on its data directory, busy or not, says so, and comes up', async () => {
    const dataDir = tempDir();
    // An engine as a killed Syncline would leave it: running, busy, its info file naming a parent that is gone.
    const orphan = await startEmbeddedClickHouse({ dataDir: path.join(dataDir, 'clickhouse') });
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    writeFileSync(
      path.join(dataDir, 'embedded-clickhouse.json'),
      JSON.stringify({ url: orphan.url, pid: orphan.pid, parentPid: gone }),
    );
    const busy = createClient({ url: orphan.url, request_timeout: 60_000 });
    const work = busy
      .query({ query: 'SELECT count() FROM numbers(100000000000) WHERE sipHash64(number) = 0', format: 'JSONEachRow' })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));

    const server = serverProcess({ PORT: String(await freePort()), SYNCLINE_DATA_DIR: dataDir });
    await server.waitForLog(/Syncline is ready/, 60_000);
    expect(server.output).toContain('found the embedded ClickHouse engine of a Syncline that is gone');
    expect(orphan.pid !== undefined && isAlive(orphan.pid)).toBe(false);
    await work;
    await busy.close();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
