import { Writable } from 'node:stream';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { createApiKey, deviceEvent, postRecords } from '../support/ingest';
import { createPerson, signIn, TEST_PASSWORD } from '../support/people';
import { ClickHouseService } from '../../server/src/clickhouse/clickhouse.service';
import { UserDirectory } from '../../server/src/auth/users/user-directory.service';
import { toSnapshot } from '../../server/src/auth/users/user.record';
import { UsersRepository } from '../../server/src/auth/users/users.repository';

const ME = '{ me { username role plants } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errorCode = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;

async function meAs(url: string, credential: string | { cookie: string }) {
  const { body } = await graphql<{ me: { username: string; role: string; plants: string[] } }>(url, ME, undefined, credential);
  return body;
}

describe('people and sessions on two instances sharing one ClickHouse and one Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { shareWith: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('signs in with a token for scripts and an HttpOnly SameSite=Strict cookie for browsers, usable on either instance', async () => {
    await createPerson(a.url, { username: 'ana', role: 'plant_manager', plants: ['P1', 'P2'] });
    const res = await graphql<{
      login: { token: string; expiresAt: string; user: { username: string; role: string; plants: string[] } };
    }>(
      a.url,
      'mutation { login(username: "ana", password: "a long enough password") { token expiresAt user { username role plants } } }',
    );
    expect(res.body.data!.login.user).toEqual({ username: 'ana', role: 'plant_manager', plants: ['P1', 'P2'] });
    const expiresIn = Date.parse(res.body.data!.login.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(11.9 * 3600_000); // 12 h idle by default
    expect(expiresIn).toBeLessThanOrEqual(12 * 3600_000);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^syncline_session=sls_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0];
    expect((await meAs(b.url, res.body.data!.login.token)).data?.me.username).toBe('ana');
    expect((await meAs(b.url, { cookie })).data?.me.username).toBe('ana');
  });

  it('logout on one instance ends the session on the other, for the token and the cookie', async () => {
    await createPerson(a.url, { username: 'ben', role: 'viewer', plants: ['*'] });
    const { token, cookie } = await signIn(a.url, 'ben');
    const out = await graphql(b.url, 'mutation { logout }', undefined, { cookie });
    expect(out.body.errors).toBeUndefined();
    expect(out.headers.get('set-cookie')).toMatch(/syncline_session=;/);
    for (const credential of [token, { cookie }]) {
      const body = await meAs(a.url, credential);
      expect(errorCode(body)).toBe('UNAUTHENTICATED');
      expect(body.errors![0].message).toMatch(/Invalid credentials/);
    }
  });

  it('disabling a person ends their sessions everywhere and stops them signing in; enabling lets them back', async () => {
    await createPerson(a.url, { username: 'cid', role: 'it_support', plants: ['P1'] });
    const { token } = await signIn(b.url, 'cid');
    const disabled = await graphql(a.url, 'mutation { disableUser(username: "cid") { disabled } }', undefined, TEST_ADMIN_TOKEN);
    expect(disabled.body.data).toEqual({ disableUser: { disabled: true } });
    expect(errorCode(await meAs(b.url, token))).toBe('UNAUTHENTICATED');
    const again = await graphql(b.url, 'mutation { login(username: "cid", password: "a long enough password") { token } }');
    expect(again.body.errors![0].message).toMatch(/Sign-in failed/);
    await graphql(a.url, 'mutation { enableUser(username: "cid") { disabled } }', undefined, TEST_ADMIN_TOKEN);
    expect((await signIn(b.url, 'cid')).token).toMatch(/^sls_/);
  });

  it('a reload that read the person just before they were disabled does not bring their sessions back', async () => {
    await createPerson(a.url, { username: 'cyd', role: 'it_support', plants: ['P1'] });
    const { token } = await signIn(a.url, 'cyd');
    // What an instance whose snapshot had expired read from ClickHouse a moment before the change...
    const stale = await a.syncline.app.get(UsersRepository).find('cyd');
    const disabled = await graphql(b.url, 'mutation { disableUser(username: "cyd") { disabled } }', undefined, TEST_ADMIN_TOKEN);
    expect(disabled.body.data).toEqual({ disableUser: { disabled: true } });
    // ...and publishes after it.
    await a.syncline.app.get(UserDirectory).publish(toSnapshot(stale!));
    for (const app of [a, b]) expect(errorCode(await meAs(app.url, token))).toBe('UNAUTHENTICATED');
  });

  it('a change saved on an instance whose clock is behind still wins over the row it changed', async () => {
    await createPerson(a.url, { username: 'cal', role: 'viewer', plants: ['*'] });
    const { token } = await signIn(a.url, 'cal');
    // The person's last row was written by an instance whose clock ran an hour ahead.
    const row = await a.syncline.app.get(UsersRepository).find('cal');
    await a.syncline.app.get(ClickHouseService).insert('users', [{ ...row!, version: (Date.now() + 3600_000) * 1000 }]);
    const disabled = await graphql(b.url, 'mutation { disableUser(username: "cal") { disabled } }', undefined, TEST_ADMIN_TOKEN);
    expect(disabled.body.data).toEqual({ disableUser: { disabled: true } });
    expect(errorCode(await meAs(a.url, token))).toBe('UNAUTHENTICATED');
    await a.syncline.app.get(UserDirectory).publish({ ...toSnapshot(row!), version: 0 }); // an old snapshot changes nothing
    const again = await graphql(a.url, 'mutation { login(username: "cal", password: "a long enough password") { token } }');
    expect(again.body.errors![0].message).toMatch(/Sign-in failed/);
    const users = await graphql<{ users: { username: string; disabled: boolean }[] }>(
      a.url,
      '{ users { username disabled } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(users.body.data!.users.find((u) => u.username === 'cal')?.disabled).toBe(true);
  });

  it('a revoked API key stops working on every instance at once, not when their key caches expire', async () => {
    const key = await createApiKey(a.url, { plants: ['P1'], kinds: ['device_events'] });
    const send = async (app: TestApp) =>
      (await postRecords(app.url, '/api/v1/device-events', [deviceEvent({ plant: 'P1' })], { token: key.token })).status;
    expect(await send(b)).toBe(200); // b now remembers the key
    const revoke = await graphql(a.url, 'mutation($id: ID!) { revokeApiKey(id: $id) }', { id: key.id }, TEST_ADMIN_TOKEN);
    expect(revoke.body.errors).toBeUndefined();
    expect(await send(a)).toBe(401);
    // Announced through Redis: b hears it in milliseconds (its cache would keep the key for 10 s).
    await expect.poll(() => send(b), { timeout: 2000, interval: 100 }).toBe(401);
  });

  it('a password change keeps the session that made it and ends every other one; the old password stops working', async () => {
    await createPerson(a.url, { username: 'dora', role: 'executive' });
    const first = await signIn(a.url, 'dora');
    const second = await signIn(b.url, 'dora');
    const changed = await graphql(
      b.url,
      'mutation { changePassword(currentPassword: "a long enough password", newPassword: "an even longer password") }',
      undefined,
      second.token,
    );
    expect(changed.body).toEqual({ data: { changePassword: true } });
    expect((await meAs(a.url, second.token)).data?.me.username).toBe('dora');
    expect(errorCode(await meAs(b.url, first.token))).toBe('UNAUTHENTICATED');
    const old = await graphql(a.url, 'mutation { login(username: "dora", password: "a long enough password") { token } }');
    expect(old.body.errors![0].message).toMatch(/Sign-in failed/);
    expect((await signIn(a.url, 'dora', 'an even longer password')).token).toMatch(/^sls_/);
  });

  it('an admin reset ends the person\u2019s sessions; a role or plant change shows on their next request', async () => {
    await createPerson(a.url, { username: 'eli', role: 'plant_manager', plants: ['P1'] });
    const { token } = await signIn(a.url, 'eli');
    const updated = await graphql(
      a.url,
      'mutation { updateUser(input: { username: "eli", role: it_support, plants: ["P2", "P3"] }) { role plants } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(updated.body.data).toEqual({ updateUser: { role: 'it_support', plants: ['P2', 'P3'] } });
    expect((await meAs(b.url, token)).data?.me).toEqual({ username: 'eli', role: 'it_support', plants: ['P2', 'P3'] });
    await graphql(
      a.url,
      'mutation { resetPassword(username: "eli", newPassword: "a brand new password") { username } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(errorCode(await meAs(b.url, token))).toBe('UNAUTHENTICATED');
    expect((await signIn(b.url, 'eli', 'a brand new password')).token).toMatch(/^sls_/);
  });

  it('a session outlives a restart of the instance that issued it', async () => {
    await createPerson(a.url, { username: 'finn', role: 'viewer', plants: ['P1'] });
    const { token } = await signIn(b.url, 'finn');
    await b.close();
    b = await startTestApp({}, { shareWith: a });
    expect((await meAs(b.url, token)).data?.me.username).toBe('finn');
  });

  it('refuses passwords that break the rules and says which rule', async () => {
    const create = (username: string, password: string) =>
      graphql(
        a.url,
        'mutation($u: String!, $p: String!) { createUser(input: { username: $u, password: $p, role: viewer, plants: ["*"] }) { username } }',
        { u: username, p: password },
        TEST_ADMIN_TOKEN,
      );
    const short = await create('gus', 'short');
    expect(short.body.errors![0].message).toBe(
      'password is shorter than 12 characters: a password must be at least 12 and at most 256 characters, and not the username',
    );
    expect(short.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const same = await create('gustavo-12345', 'GUSTAVO-12345');
    expect(same.body.errors![0].message).toMatch(/^password is the username: /);
    const taken = await create('ana', 'a long enough password');
    expect(taken.body.errors![0]).toMatchObject({ message: 'username "ana" is taken', extensions: { field: 'username' } });
  });

  it('never disables or demotes the last enabled admin', async () => {
    const res = await graphql(a.url, 'mutation { disableUser(username: "admin") { username } }', undefined, TEST_ADMIN_TOKEN);
    expect(res.body.errors![0].message).toBe('admin is the last enabled admin; make someone else admin first');
    const demote = await graphql(
      a.url,
      'mutation { updateUser(input: { username: "admin", role: viewer, plants: ["*"] }) { role } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(demote.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('audits sign-ins and changes with before and after, never a password or its hash', async () => {
    await createPerson(a.url, { username: 'hal', role: 'viewer', plants: ['P1'], password: 'hal secret password' });
    await graphql(a.url, 'mutation { login(username: "hal", password: "wrong password!!") { token } }');
    await signIn(a.url, 'hal', 'hal secret password');
    await graphql(
      a.url,
      'mutation { updateUser(input: { username: "hal", plants: ["P1", "P4"] }) { username } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    const { body } = await graphql<{ auditLog: { nodes: Record<string, string | null>[] } }>(
      a.url,
      '{ auditLog(filter: { targetId: "hal" }, first: 10) { nodes { actor actorKind operation outcome before after error clientAddress requestId } } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    const nodes = body.data!.auditLog.nodes;
    expect(nodes.map((n) => `${n.operation}:${n.outcome}`)).toEqual([
      'updateUser:success',
      'login:success',
      'login:failure',
      'createUser:success',
    ]);
    const update = nodes[0];
    expect(update).toMatchObject({ actor: 'admin-token', actorKind: 'admin_token' });
    expect(update.clientAddress).toMatch(/127\.0\.0\.1/);
    expect(JSON.parse(update.before!)).toMatchObject({ username: 'hal', plants: ['P1'] });
    expect(JSON.parse(update.after!)).toMatchObject({ username: 'hal', plants: ['P1', 'P4'] });
    expect(update.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(nodes[2].actor).toBe('hal');
    expect(nodes[2].error).toMatch(/Sign-in failed/);
    const raw = await queryRows<{ n: number }>(
      a.db.client,
      "SELECT count() AS n FROM audit_log WHERE position(concat(before, after, error), 'hal secret password') > 0 OR position(concat(before, after), '$argon2') > 0",
    );
    expect(Number(raw[0].n)).toBe(0);
  });

  it('a mutation that fails writes a failure record and no success record, and changes nothing', async () => {
    const res = await graphql(
      a.url,
      'mutation { createUser(input: { username: "ivy", password: "short", role: viewer, plants: ["P1"] }) { username } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(res.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    const rows = await queryRows<{ outcome: string }>(
      a.db.client,
      "SELECT toString(outcome) AS outcome FROM audit_log WHERE operation = 'createUser' AND target_id = 'ivy'",
    );
    expect(rows.map((r) => r.outcome)).toEqual(['failure']);
    const users = await graphql<{ users: { username: string }[] }>(a.url, '{ users { username } }', undefined, TEST_ADMIN_TOKEN);
    expect(users.body.data!.users.map((u) => u.username)).not.toContain('ivy');
  });
});

describe('session expiry', () => {
  let app: TestApp;
  beforeAll(async () => {
    // 3 s idle, 9 s absolute, so the test can watch both happen.
    app = await startTestApp({ SESSION_IDLE_MINUTES: '0.05', SESSION_MAX_DAYS: String(9 / 86_400) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('slides with use, ends after the idle time, and ends at the absolute limit however busy', async () => {
    await createPerson(app.url, { username: 'idle', role: 'viewer', plants: ['*'] });
    await createPerson(app.url, { username: 'busy', role: 'viewer', plants: ['*'] });
    const idle = await signIn(app.url, 'idle');
    const busy = await signIn(app.url, 'busy');
    const started = Date.now();
    // `busy` is used every second until past the 9 s absolute limit: use does not extend that.
    const busyLoop = (async () => {
      const seen: { at: number; ok: boolean }[] = [];
      while (Date.now() - started < 10_500) {
        const ok = (await meAs(app.url, busy.token)).data?.me.username === 'busy';
        seen.push({ at: Date.now() - started, ok });
        await sleep(1000);
      }
      return seen;
    })();
    await sleep(2000);
    expect((await meAs(app.url, idle.token)).data?.me.username).toBe('idle'); // 2 s: within 3 s idle
    await sleep(2000);
    expect((await meAs(app.url, idle.token)).data?.me.username).toBe('idle'); // 4 s since sign-in, 2 s since use
    await sleep(3500);
    expect(errorCode(await meAs(app.url, idle.token))).toBe('UNAUTHENTICATED'); // 3.5 s unused
    const seen = await busyLoop;
    expect(seen.filter((s) => s.at < 8500).every((s) => s.ok)).toBe(true); // alive well past the 3 s idle time
    expect(seen.filter((s) => s.at < 8500).length).toBeGreaterThanOrEqual(7);
    const late = seen.filter((s) => s.at > 9300);
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(late.every((s) => !s.ok)).toBe(true); // ended at 9 s although in use
  });
});

describe('sign-in throttling', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await createPerson(app.url, { username: 'jo', role: 'viewer', plants: ['*'] });
  });
  afterAll(async () => {
    await app?.close();
  });

  const login = (username: string, password: string) =>
    graphql(app.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: username,
      p: password,
    });

  it('answers a wrong password and an unknown username alike, then delays growing attempts, even with the right password', async () => {
    const wrong = await login('jo', 'not the password');
    const unknown = await login('nobody-at-all', 'not the password');
    expect(wrong.body.errors![0].message).toBe(unknown.body.errors![0].message);
    expect(wrong.body.errors![0].extensions?.code).toBe(unknown.body.errors![0].extensions?.code);
    for (let i = 0; i < 4; i++) await login('jo', 'not the password');
    const blocked = await login('jo', TEST_PASSWORD);
    expect(blocked.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(blocked.body.errors![0].message).toMatch(/Too many failed sign-ins .*try again in \d+ s/);
    const first = Number(blocked.body.errors![0].extensions!.retryAfterSeconds);
    expect(first).toBeGreaterThanOrEqual(1);
    await sleep(first * 1000 + 200);
    await login('jo', 'not the password'); // another failure: the delay doubles
    const longer = await login('jo', TEST_PASSWORD);
    expect(Number(longer.body.errors![0].extensions!.retryAfterSeconds)).toBeGreaterThan(first);
  });
});

describe('the first admin', () => {
  let app: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    app = await startTestApp(
      { SYNCLINE_ADMIN_PASSWORD: '', SYNCLINE_ADMIN_USER: 'root-admin' },
      { logger: pino({ level: 'info' }, sink) },
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is created with a generated password written once to admin-password (0600) and named in the start-up log', async () => {
    const file = path.join(app.dataDir, 'admin-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(lines.some((l) => l.includes('first admin \\"root-admin\\" created') && l.includes(file))).toBe(true);
    expect(lines.some((l) => l.includes(password))).toBe(false);
    const { token } = await signIn(app.url, 'root-admin', password);
    expect((await meAs(app.url, token)).data?.me).toEqual({ username: 'root-admin', role: 'admin', plants: ['*'] });
  });

  it('is not created again when people exist', async () => {
    const again = await startTestApp({ SYNCLINE_ADMIN_USER: 'second-admin' }, { shareWith: app });
    try {
      const { body } = await graphql<{ users: { username: string }[] }>(
        again.url,
        '{ users { username } }',
        undefined,
        TEST_ADMIN_TOKEN,
      );
      expect(body.data!.users.map((u) => u.username)).toEqual(['root-admin']);
    } finally {
      await again.close();
    }
  });
});
