import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { hop } from '../support/ingest';
import { seed } from '../support/reconcile';

/**
 * Bad input gets a clear 4xx (or BAD_USER_INPUT naming the field), never a 500 or a database error,
 * and a secret typed where it does not belong never reaches the audit trail.
 */
describe('bad input and secrets in the audit trail', () => {
  let app: TestApp;
  const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const get = (path: string) => fetch(`${app.url}${path}`, { headers: auth });

  async function auditOf(operation: string): Promise<{ outcome: string; error: string | null; before: string; after: string }[]> {
    const { body } = await graphql<{
      auditLog: { nodes: { outcome: string; error: string | null; before: string; after: string }[] };
    }>(
      app.url,
      'query($op: String) { auditLog(filter: { operation: $op }, first: 50) { nodes { outcome error before after } } }',
      { op: operation },
      TEST_ADMIN_TOKEN,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!.auditLog.nodes;
  }

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a header secret typed in clear by the header name, and neither the answer nor the audit trail quotes it', async () => {
    const secret = 'Bearer abc-typed-in-clear-4711';
    const { body } = await graphql(
      app.url,
      'mutation($input: ReplayTargetInput!) { saveReplayTarget(input: $input) { flow } }',
      {
        input: {
          flow: 'production_confirmation',
          url: 'http://127.0.0.1:9/replay',
          headers: [{ name: 'Authorization', secret }],
        },
      },
      TEST_ADMIN_TOKEN,
    );
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'headers.Authorization' });
    expect(body.errors?.[0].message).toMatch(/Authorization.*env:NAME.*file:NAME/);
    expect(body.errors?.[0].message).not.toContain('abc-typed');
    const audit = await auditOf('saveReplayTarget');
    expect(audit.map((a) => a.outcome)).toEqual(['failure']);
    expect(JSON.stringify(audit)).not.toContain('abc-typed');
  });

  it('keeps a webhook URL (a secret) out of the audit trail of its channel', async () => {
    const url = 'https://hooks.slack.com/services/T0000/B0000/XXXXsecretXXXX';
    const { body } = await graphql<{ saveAlertChannel: { channelId: string } }>(
      app.url,
      'mutation($input: AlertChannelInput!) { saveAlertChannel(input: $input) { channelId } }',
      { input: { name: 'ops slack', kind: 'webhook', format: 'slack', url } },
      TEST_ADMIN_TOKEN,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const audit = await auditOf('saveAlertChannel');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('XXXXsecretXXXX');
    expect(JSON.stringify(audit)).not.toContain('/services/');
    expect(JSON.parse(audit[0].after)).toMatchObject({ name: 'ops slack', url: 'https://hooks.slack.com/[redacted]' });
  });

  it('answers a findings export with a bad time range or a repeated key with 400 naming the parameter, or the list', async () => {
    const reversed = await get('/api/v1/findings/export?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z');
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toEqual({ error: 'bad_request', field: 'from', message: 'from must be before to' });
    const week = await get('/api/v1/findings/export?from=2024-W01-1');
    expect(week.status).toBe(400);
    expect(await week.json()).toMatchObject({ error: 'bad_request', field: 'from' });
    const repeated = await get('/api/v1/findings/export?format=ndjson&plants=A&plants=B,C');
    expect(repeated.status).toBe(200);
    expect(repeated.headers.get('content-disposition')).toBe('attachment; filename="findings_plants-A+B+C.ndjson"');
    await repeated.text();
    const twice = await get('/api/v1/findings/export?format=csv&format=ndjson');
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({ error: 'bad_request', field: 'format' });
  });

  it('answers an ROI export with a repeated key as the list, and a repeated single value with 400 naming it', async () => {
    const to = new Date().toISOString();
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const repeated = await get(`/api/v1/roi/export?from=${from}&to=${to}&plants=A&plants=B&flows=x&flows=y`);
    expect(repeated.status).toBe(200);
    await repeated.text();
    const twice = await get(`/api/v1/roi/export?from=${from}&from=${from}&to=${to}`);
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({ error: 'bad_request', field: 'from' });
    const reversed = await get(`/api/v1/roi/export?from=${to}&to=${from}`);
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toMatchObject({ field: 'to', message: 'range.to must be after range.from' });
  });

  it('refuses a crafted cursor with BAD_USER_INPUT naming its argument, never a database error', async () => {
    const id = 'bad-input-trace-1';
    await seed(app.url, { hops: [hop({ correlation_id: id })] });
    const cases: [string, string, Record<string, unknown>][] = [
      ['findings', 'query($after: String) { findings(after: $after) { totalCount } }', { after: cursor(['abc', 'x']) }],
      ['findings', 'query($after: String) { findings(after: $after) { totalCount } }', { after: cursor([1, { a: 1 }]) }],
      ['deadLetters', 'query($after: String) { deadLetters(after: $after) { totalCount } }', { after: cursor([1.5, 'x']) }],
      ['deadLetters', 'query($after: String) { deadLetters(after: $after) { totalCount } }', { after: cursor(['abc', 'x']) }],
      ['auditLog', 'query($after: String) { auditLog(after: $after) { totalCount } }', { after: cursor(['soon', 'x']) }],
      [
        'auditLog',
        'query($after: String) { auditLog(after: $after) { totalCount } }',
        { after: cursor(['2024-01-01 00:00:00.000', 'not-a-uuid']) },
      ],
      [
        'traceSearch',
        'query($after: String) { traceSearch(after: $after) { pageInfo { hasNextPage } } }',
        { after: cursor(['9999999999999999999', 'x']) },
      ],
      [
        'trace',
        'query($id: String!, $after: String) { trace(correlationId: $id, hopsAfter: $after) { hopCount } }',
        { id, after: cursor([1e300]) },
      ],
      [
        // UInt32 would wrap 2^32 to offset 0: the first page again, as if it were the next.
        'trace',
        'query($id: String!, $after: String) { trace(correlationId: $id, hopsAfter: $after) { hopCount } }',
        { id, after: cursor([2 ** 32]) },
      ],
    ];
    const answers = [];
    for (const [name, query, variables] of cases) {
      const { status, body } = await graphql(app.url, query, variables, TEST_ADMIN_TOKEN);
      const { code, field } = body.errors?.[0].extensions ?? {};
      answers.push({ name, after: variables.after, status, code, field });
    }
    // Each error names the argument as the caller wrote it (the trace's hop cursor is hopsAfter).
    expect(answers).toEqual(
      cases.map(([name, , variables]) => ({
        name,
        after: variables.after,
        status: 200,
        code: 'BAD_USER_INPUT',
        field: name === 'trace' ? 'hopsAfter' : 'after',
      })),
    );
    // The trace as JSON: a huge offset or a repeated key is 400 naming `after`.
    const rest = [];
    for (const after of [cursor([1e300]), cursor([2 ** 32]), cursor([-1]), `${cursor([0])}&after=${cursor([0])}`]) {
      const res = await get(`/api/v1/traces/${id}?after=${after}`);
      const { error, field } = (await res.json()) as { error?: string; field?: string };
      rest.push({ after, status: res.status, error, field });
    }
    expect(rest).toEqual(rest.map(({ after }) => ({ after, status: 400, error: 'bad_request', field: 'after' })));
    expect((await get(`/api/v1/traces/${id}?after=${cursor([0])}`)).status).toBe(200);
  });
});
