import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { signIn } from '../support/people';

const AUDIT_FIELDS =
  'id at actor actorKind actorRole operation targetType targetId outcome before after error clientAddress requestId';

describe('GraphQL hardening with the default limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a page larger than 500, naming the limit', async () => {
    const { body } = await graphql(app.url, '{ auditLog(first: 501) { totalCount } }', undefined, TEST_ADMIN_TOKEN);
    expect(body.errors![0].message).toBe('first must be a whole number from 1 to 500 (the page size limit); got 501');
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses an operation over the cost limit (page size x fields), naming the cost and the limit', async () => {
    const page = `auditLog(first: 500) { nodes { ${AUDIT_FIELDS} } }`;
    const ok = await graphql(app.url, `{ a: ${page} }`, undefined, TEST_ADMIN_TOKEN);
    expect(ok.body.errors).toBeUndefined();
    const { body } = await graphql(app.url, `{ a: ${page} b: ${page} c: ${page} }`, undefined, TEST_ADMIN_TOKEN);
    expect(body.errors![0].message).toMatch(/^Query cost \d+ is over the limit of 20000 \(GRAPHQL_MAX_COST\)/);
    expect(body.errors![0].extensions).toMatchObject({ code: 'COST_LIMIT', limit: 20000 });
  });

  it('refuses variables that do not fit the operation with a 400 naming the variable, never a 500', async () => {
    const query = 'query($id: String!) { trace(correlationId: $id) { hopCount } }';
    const missing = await graphql(app.url, query, {}, TEST_ADMIN_TOKEN);
    expect(missing.status).toBe(400);
    expect(missing.body.errors![0]).toMatchObject({
      message: 'Variable "$id" of required type "String!" was not provided.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const wrong = await graphql(app.url, query, { id: 42 }, TEST_ADMIN_TOKEN);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors![0].message).toMatch(/^Variable "\$id" got invalid value 42/);
  });

  it('answers introspection to signed-in people and the admin token only', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await graphql(app.url, query);
    expect(anonymous.body.errors![0]).toMatchObject({
      message: 'Introspection needs a signed-in person or the admin token (GRAPHQL_INTROSPECTION=signed_in)',
      extensions: { code: 'INTROSPECTION_DISABLED' },
    });
    expect((await graphql(app.url, query, undefined, TEST_ADMIN_TOKEN)).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const { cookie } = await signIn(app.url, 'admin', 'admin password for tests');
    expect((await graphql(app.url, query, undefined, { cookie })).body.errors).toBeUndefined();
  });

  it('refuses cross-site requests that could ride the session cookie', async () => {
    const { cookie } = await signIn(app.url, 'admin', 'admin password for tests');
    // A form post (no preflight): text/plain body.
    const form = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/Cross-Site Request Forgery/);
    // A plain GET (an <img> or a link).
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ users { username } }')}`, { headers: { cookie } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    // The session still works: nothing above acted.
    expect((await graphql(app.url, '{ me { username } }', undefined, { cookie })).body.data).toEqual({
      me: { username: 'admin' },
    });
  });

  it('never sends a stack trace to a client', async () => {
    const { body } = await graphql(app.url, '{ me { username } }');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at AuthGuard/);
  });
});

describe('GraphQL hardening with configured limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_COST: '1000', GRAPHQL_INTROSPECTION: 'off' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH, naming the limit and the depth found', async () => {
    const { body } = await graphql(app.url, '{ auditLog(first: 1) { pageInfo { endCursor } } }', undefined, TEST_ADMIN_TOKEN);
    expect(body.errors![0].message).toBe('Query depth limit of 2 exceeded, found 3 (GRAPHQL_MAX_DEPTH)');
    expect(body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 2 });
    expect((await graphql(app.url, '{ me { username } }', undefined, TEST_ADMIN_TOKEN)).body.errors).toBeUndefined();
  });

  it('applies GRAPHQL_MAX_COST', async () => {
    const { body } = await graphql(app.url, '{ users { username } apiKeys { id } me { username } }', undefined, TEST_ADMIN_TOKEN);
    expect(body.errors).toBeUndefined();
    const page = 'auditLog(first: 300) { totalCount }';
    const big = await graphql(app.url, `{ a: ${page} b: ${page} c: ${page} d: ${page} }`, undefined, TEST_ADMIN_TOKEN);
    expect(big.body.errors![0].message).toMatch(/over the limit of 1000 \(GRAPHQL_MAX_COST\)/);
  });

  it('turns introspection off for everybody with GRAPHQL_INTROSPECTION=off', async () => {
    const { body } = await graphql(app.url, '{ __type(name: "Query") { name } }', undefined, TEST_ADMIN_TOKEN);
    expect(body.errors![0].message).toBe('Introspection is turned off (GRAPHQL_INTROSPECTION=off)');
  });
});
