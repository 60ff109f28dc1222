import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLogger } from '../support/log-lines';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { createApiKey, deviceEvent, postRecords } from '../support/ingest';
import { freePort, waitFor } from '../support/process';

/** A redis-server of this test's own on a free port, so stopping it never disturbs the machine's Redis. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** Redis down: ingest keeps storing, the outage is logged once and counted, and work resumes after. */
describe('Redis outage', () => {
  let app: TestApp;
  let redis: ChildProcess;
  let port: number;
  const { logger, lines } = capturedLogger();
  const said = (text: string) => lines.filter((l) => String(l.msg).includes(text)).length;
  const metric = async (name: string) => {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    return m ? Number(m[1]) : NaN;
  };

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` }, { logger });
  });
  afterAll(async () => {
    await app?.close();
    if (redis) await stopRedis(redis);
  });

  it('keeps storing ingest with Redis gone, says so once, counts it, and is ready again when it is back', async () => {
    const key = (await createApiKey(app.url, { plants: ['P1'], kinds: ['device_events'], rateLimitPerMinute: 1000 })).token;
    expect(await metric('syncline_redis_up')).toBe(1);
    await stopRedis(redis);
    await waitFor(() => said('Redis is unreachable') > 0, 10_000, 'the outage to be logged');

    for (let i = 0; i < 5; i++) {
      const res = await postRecords(app.url, '/api/v1/device-events', [deviceEvent({ line: 'REDIS-DOWN' })], { token: key });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const ready = await fetch(`${app.url}/ready`);
    expect(ready.status).toBe(503);
    expect(JSON.stringify(await ready.json())).toContain('redis');
    expect(said('Redis is unreachable')).toBe(1);
    expect(await metric('syncline_redis_up')).toBe(0);
    expect(await metric('syncline_redis_outages_total')).toBe(1);
    expect(await metric('syncline_ingest_rate_limit_fail_open_total')).toBeGreaterThanOrEqual(5);

    redis = await startRedis(port);
    await waitFor(() => said('Redis is back') > 0, 20_000, 'Redis to be back');
    await expect.poll(async () => (await fetch(`${app.url}/ready`)).status, { timeout: 20_000 }).toBe(200);
    expect(await metric('syncline_redis_up')).toBe(1);
    // Queued work runs again: a job through BullMQ and back.
    const { body } = await graphql<{ queueEcho: { message: string } }>(
      app.url,
      'mutation { queueEcho(message: "after the outage") { message } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data!.queueEcho.message).toBe('after the outage');
    expect(said('Redis is unreachable')).toBe(1);
  });
});
