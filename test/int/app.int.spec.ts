import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';

describe('the server on real ClickHouse and Redis', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is live on /health', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready on /ready when ClickHouse and Redis answer', async () => {
    const res = await fetch(`${app.url}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      details: { clickhouse: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers the GraphQL version query', async () => {
    const { status, body } = await graphql<{ version: string }>(app.url, '{ version }');
    expect(status).toBe(200);
    expect(body.data?.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses a mutation without credentials and with a wrong token', async () => {
    const q = 'mutation { queueEcho(message: "hi") { message } }';
    const anonymous = await graphql(app.url, q);
    expect(anonymous.body.errors?.[0].message).toMatch(/Missing credentials/);
    expect(anonymous.body.data ?? null).toBeNull();
    const wrong = await graphql(app.url, q, undefined, 'sl_admin_not_the_token_at_all');
    expect(wrong.body.errors?.[0].message).toMatch(/Invalid credentials/);
  });

  it('runs a job through the BullMQ queue on Redis and returns the worker result', async () => {
    const { body } = await graphql<{ queueEcho: { message: string; processedBy: number; latencyMs: number } }>(
      app.url,
      'mutation($m: String!) { queueEcho(message: $m) { message processedBy latencyMs } }',
      { m: 'round trip' },
      TEST_ADMIN_TOKEN,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.queueEcho.message).toBe('round trip');
    expect(body.data?.queueEcho.processedBy).toBe(process.pid);
    expect(body.data?.queueEcho.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('exposes Prometheus metrics including the requests just made', async () => {
    await fetch(`${app.url}/health`);
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/syncline_http_request_duration_seconds_count\{[^}]*route="\/health"[^}]*status="200"[^}]*\} [1-9]/);
    expect(text).toContain('syncline_process_cpu_seconds_total');
  });

  it('serves the dashboard at / and its client-side routes, and 404s unknown API paths', async () => {
    const root = await fetch(`${app.url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<div id="root">');
    const deep = await fetch(`${app.url}/exceptions`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const api = await fetch(`${app.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
  });
});
