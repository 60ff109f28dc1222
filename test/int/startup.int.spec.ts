import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('starting the built server as npm start does', () => {
  it('stops with a message naming the variable when configuration is bad', async () => {
    const server = new ServerProcess({ PORT: 'abc', SYNCLINE_DATA_DIR: tempDir() });
    expect(await server.exited).toBe(1);
    expect(server.output).toContain('PORT: PORT must be a port number (got "abc")');
  });

  it('says what to run when Redis is unreachable', async () => {
    const server = new ServerProcess({
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
    const env = { PORT: String(port), SYNCLINE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: 'lifecycle' };

    // First start: embedded engine comes up, schema applied, /ready answers.
    const first = new ServerProcess(env);
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
    const second = new ServerProcess(env);
    expect(await second.exited).toBe(1);
    expect(second.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    // Graceful stop: the server exits 0 and its engine is gone.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await waitFor(() => !isAlive(enginePid), 10_000, 'engine to stop after SIGTERM');

    // Restart on the same data directory: the row is still there.
    const third = new ServerProcess(env);
    await third.waitForLog(/Syncline is ready/);
    const thirdEnginePid = await third.enginePid();
    const thirdUrl = third.output.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*embedded ClickHouse is up/)![1];
    const ch2 = createClient({ url: thirdUrl, database: 'lifecycle' });
    const rows = await (
      await ch2.query({ query: 'SELECT event_id FROM device_events', format: 'JSONEachRow' })
    ).json<{ event_id: string }>();
    await ch2.close();
    expect(rows).toEqual([{ event_id: 'e-keep' }]);

    // Killed outright: the engine must not outlive it holding the data directory.
    third.child.kill('SIGKILL');
    await third.exited;
    await waitFor(() => !isAlive(thirdEnginePid), 15_000, 'engine to stop after its parent was SIGKILLed');

    // And the data directory is free again for the next start.
    const fourth = new ServerProcess(env);
    await fourth.waitForLog(/Syncline is ready/);
    fourth.child.kill('SIGTERM');
    expect(await fourth.exited).toBe(0);
  });

  it('exits when the embedded engine dies under it, so a supervisor can restart it', async () => {
    const server = new ServerProcess({ PORT: String(await freePort()), SYNCLINE_DATA_DIR: tempDir() });
    await server.waitForLog(/Syncline is ready/);
    process.kill(await server.enginePid(), 'SIGKILL');
    expect(await server.exited).toBe(1);
    expect(server.output).toContain('the embedded ClickHouse engine stopped unexpectedly');
  });
});
