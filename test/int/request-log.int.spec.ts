import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLogger } from '../support/log-lines';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { deviceEvent, postRecords } from '../support/ingest';

/** Every request is logged once when it finishes, with who and how long, and never a secret. */
describe('request log', () => {
  let app: TestApp;
  const { logger, lines } = capturedLogger();

  beforeAll(async () => {
    app = await startTestApp({}, { logger });
  });
  afterAll(async () => {
    await app?.close();
  });

  const requestLines = (id: string) => lines.filter((l) => l.context === 'http' && l.reqId === id);

  it('logs a GraphQL request once with method, path, status, duration, request id, who and the operation', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'x-request-id': 'req-log-1' },
      body: JSON.stringify({ query: 'query WhoAmI { me { username } }', operationName: 'WhoAmI' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-log-1');
    await expect.poll(() => requestLines('req-log-1').length).toBe(1);
    const [line] = requestLines('req-log-1');
    expect(line).toMatchObject({
      method: 'POST',
      path: '/graphql',
      operation: 'WhoAmI',
      principal: 'admin-token',
      level: 'info',
    });
    expect((line.res as { statusCode: number }).statusCode).toBe(200);
    expect(typeof line.responseTime).toBe('number');
  });

  it('never writes credentials, query strings or bodies, and gives a request without an id one', async () => {
    const secret = 'sl_not_a_real_key_but_secret_0123456789';
    const bad = await postRecords(app.url, '/api/v1/device-events?token=from-the-query', [deviceEvent({ quantity: 'lots' })], {
      token: secret,
    });
    expect(bad.status).toBe(401);
    const id = bad.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => requestLines(id!).length).toBe(1);
    const [line] = requestLines(id!);
    expect(line).toMatchObject({ path: '/api/v1/device-events', level: 'warn' });
    const all = JSON.stringify(lines);
    expect(all).not.toContain(secret);
    expect(all).not.toContain('from-the-query');
    expect(all).not.toContain('lots');
  });

  it('keeps health probes out of the info log', async () => {
    const res = await fetch(`${app.url}/health`);
    const id = res.headers.get('x-request-id')!;
    await new Promise((r) => setTimeout(r, 200));
    expect(requestLines(id)).toEqual([]);
    // And a signed-in GraphQL call names the person.
    const { body } = await graphql<{ version: string }>(app.url, '{ version }');
    expect(body.errors).toBeUndefined();
  });
});
