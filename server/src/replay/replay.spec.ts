import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyStatus, idempotencyKeyOf, messageJobId, replayIdOf, retryAfterMs } from './replay-jobs';
import { errorClassMatches, limiterOf, targetFor, targetKey, targetProblems, type ReplayTargetConfig } from './replay-targets';
import { Secrets } from './secrets';
import { jsonDiff } from './json-diff';
import { Semaphore } from './semaphore';
import { dueForAutoReplay } from './replay-sweeper';
import { withoutSecrets } from './replay-queues.service';

const target = (over: Partial<ReplayTargetConfig> = {}): ReplayTargetConfig => ({
  flow: 'goods_receipt',
  plant: '',
  url: 'https://erp.example/replay',
  method: 'POST',
  headers: {},
  timeoutMs: 5000,
  ratePerSecond: 10,
  concurrency: 4,
  checkMode: 'postings',
  lookupUrl: '',
  enabled: true,
  autoReplay: false,
  autoClasses: [],
  autoMax: 3,
  version: 1,
  updatedBy: 'admin',
  updatedAt: new Date().toISOString(),
  ...over,
});

describe('replay jobs', () => {
  it('derives one job id per message, and one replay id per message and request', () => {
    expect(messageJobId('c-1')).toBe(messageJobId('c-1'));
    expect(messageJobId('c-1')).not.toBe(messageJobId('c-2'));
    expect(messageJobId('c-1')).toMatch(/^m-[0-9a-f]{40}$/);
    expect(replayIdOf('b1', 'c-1')).not.toBe(replayIdOf('b2', 'c-1'));
    // Length-prefixed: "b1" + "1c" is not "b11" + "c".
    expect(replayIdOf('b1', '1c')).not.toBe(replayIdOf('b11', 'c'));
  });

  it('uses the business key as the idempotency key, else the correlation id', () => {
    expect(idempotencyKeyOf('E-1', 'c-1')).toBe('E-1');
    expect(idempotencyKeyOf('', 'c-1')).toBe('c-1');
  });

  it('retries 408, 5xx; waits on 429; gives up on other 4xx', () => {
    expect([200, 201, 204].map(classifyStatus)).toEqual(['sent', 'sent', 'sent']);
    expect(classifyStatus(429)).toBe('rate_limited');
    expect([408, 500, 502, 503].map(classifyStatus)).toEqual(['transient', 'transient', 'transient', 'transient']);
    expect([400, 401, 404, 409, 422].map(classifyStatus)).toEqual([
      'permanent',
      'permanent',
      'permanent',
      'permanent',
      'permanent',
    ]);
  });

  it('reads Retry-After as seconds or an HTTP date, capped at an hour', () => {
    const now = Math.floor(Date.now() / 1000) * 1000; // HTTP dates have whole seconds
    expect(retryAfterMs('3', now, 1000)).toBe(3000);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now, 1000)).toBe(30_000);
    expect(retryAfterMs(null, now, 1000)).toBe(1000);
    expect(retryAfterMs('soon', now, 1000)).toBe(1000);
    expect(retryAfterMs('999999', now, 1000)).toBe(3_600_000);
  });
});

describe('replay targets', () => {
  const secrets = new Secrets(undefined, { SYNCLINE_SECRET_ERP_TOKEN: 'Bearer x' });
  const flows = ['goods_receipt'];

  it('accepts a target that can work', () => {
    expect(targetProblems(target({ headers: { Authorization: 'env:ERP_TOKEN' } }), flows, secrets)).toEqual([]);
  });

  it('names each field that cannot be right, and what is allowed', () => {
    const problems = targetProblems(
      target({
        url: 'ftp://erp',
        headers: { Authorization: 'env:MISSING', 'Idempotency-Key': 'env:ERP_TOKEN', 'X-Plain': 'Bearer secret-in-clear' },
        ratePerSecond: 0,
        concurrency: 0,
        timeoutMs: 50,
        checkMode: 'lookup',
        lookupUrl: 'https://erp/postings',
      }),
      flows,
      secrets,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'url',
      'headers.Authorization',
      'headers.Idempotency-Key',
      'headers.X-Plain',
      'timeoutMs',
      'ratePerSecond',
      'concurrency',
      'lookupUrl',
    ]);
    expect(problems.find((p) => p.field === 'headers.Authorization')?.message).toBe(
      'secret env:MISSING does not exist: environment variable SYNCLINE_SECRET_MISSING is not set',
    );
    // A value that is no reference may be the secret typed in clear: named by its header, never quoted.
    expect(problems.find((p) => p.field === 'headers.X-Plain')?.message).toBe(
      'header X-Plain takes a secret reference, never the secret itself: write env:NAME (environment variable SYNCLINE_SECRET_NAME) or file:NAME (key NAME of SYNCLINE_SECRETS_FILE)',
    );
    expect(JSON.stringify(problems)).not.toContain('secret-in-clear');
  });

  it('picks the plant’s own target before the flow’s, and never a disabled one', () => {
    const all = [
      target({ url: 'https://any' }),
      target({ plant: 'P1', url: 'https://p1' }),
      target({ plant: 'P2', url: 'https://p2', enabled: false }),
    ];
    expect(targetFor(all, 'goods_receipt', 'P1')?.url).toBe('https://p1');
    expect(targetFor(all, 'goods_receipt', 'P2')?.url).toBe('https://any');
    expect(targetFor(all, 'scrap_posting', 'P1')).toBeUndefined();
    expect(targetKey('a', 'b')).not.toBe(targetKey('a', 'c'));
  });

  it('refuses automatic replay without a known error class or with a cap out of range', () => {
    const problems = targetProblems(target({ autoReplay: true, autoClasses: ['teapot'], autoMax: 0 }), flows, secrets);
    expect(problems.map((p) => p.field)).toEqual(['autoClasses', 'autoMax']);
    expect(problems[0].message).toMatch(/unknown error class teapot; allowed: timeout, 429, 503, 5xx, connection/);
    expect(targetProblems(target({ autoReplay: true, autoClasses: [] }), flows, secrets).map((p) => p.field)).toEqual([
      'autoClasses',
    ]);
  });

  it('recognises error classes in a failed hop’s error', () => {
    expect(errorClassMatches('last hop erp_api error (HTTP_503: upstream) after 2 attempt(s)', ['503'])).toBe(true);
    expect(errorClassMatches('last hop erp_api error (HTTP_400) after 1 attempt(s)', ['503', 'timeout'])).toBe(false);
    expect(errorClassMatches('last hop middleware error (TIMEOUT: timed out after 30 s)', ['timeout'])).toBe(true);
  });

  it('turns a rate into BullMQ’s limiter, fractions included', () => {
    expect(limiterOf(50)).toEqual({ max: 50, duration: 1000 });
    expect(limiterOf(0.5)).toEqual({ max: 1, duration: 2000 });
  });
});

describe('secrets', () => {
  it('reads env:NAME from SYNCLINE_SECRET_NAME only, and file:NAME from the secrets file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secrets-'));
    const file = path.join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ ERP: 'from-file' }));
    const s = new Secrets(file, { SYNCLINE_SECRET_ERP: 'from-env', CLICKHOUSE_PASSWORD: 'not-reachable' });
    expect(s.value('env:ERP')).toBe('from-env');
    expect(s.value('file:ERP')).toBe('from-file');
    expect(s.value('env:CLICKHOUSE_PASSWORD')).toBeUndefined();
    expect(s.problem('file:NOPE')).toBe('secret file:NOPE does not exist: SYNCLINE_SECRETS_FILE has no key "NOPE"');
    expect(s.problem('Bearer typed-in-clear')).toMatch(/^not a secret reference .*write env:NAME/);
    expect(s.problem('Bearer typed-in-clear')).not.toContain('typed-in-clear');
  });
});

describe('semaphore', () => {
  it('lets at most `limit` in, in order, and follows a new limit', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    await s.acquire();
    await s.acquire();
    const third = s.acquire().then(() => order.push(3));
    const fourth = s.acquire().then(() => order.push(4));
    await Promise.resolve();
    expect(order).toEqual([]);
    s.release();
    await third;
    expect(order).toEqual([3]);
    s.resize(3);
    await fourth;
    expect(order).toEqual([3, 4]);
  });
});

describe('the diff of an edited payload', () => {
  it('lists each changed, added and removed field with its path', () => {
    expect(
      jsonDiff(
        { quantity: 10, unit: 'EA', meta: { line: 'L1', shift: 'A' } },
        { quantity: 12, unit: 'EA', meta: { line: 'L2' }, note: 'fixed' },
      ),
    ).toEqual([
      { path: 'meta.line', before: 'L1', after: 'L2' },
      { path: 'meta.shift', before: 'A', after: undefined },
      { path: 'note', before: undefined, after: 'fixed' },
      { path: 'quantity', before: 10, after: 12 },
    ]);
    expect(jsonDiff([1, 2], [1, 3])).toEqual([{ path: '(whole payload)', before: [1, 2], after: [1, 3] }]);
    expect(jsonDiff({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('automatic replay', () => {
  const target = (plant: string, autoReplay: boolean): ReplayTargetConfig => ({
    flow: 'production_confirmation',
    plant,
    url: 'http://erp.example/replay',
    method: 'POST',
    headers: {},
    timeoutMs: 1000,
    ratePerSecond: 1,
    concurrency: 1,
    checkMode: 'postings',
    lookupUrl: '',
    enabled: true,
    autoReplay,
    autoClasses: ['503'],
    autoMax: 3,
    version: 1,
    updatedBy: 'admin',
    updatedAt: new Date().toISOString(),
  });
  const failed = (plant: string) => ({
    finding_id: `f-${plant}`,
    flow: 'production_confirmation',
    plant,
    details: 'last hop erp_api error (HTTP_503)',
    n: 0,
    last_ms: 0,
  });

  it("follows the target the message would go to: a plant's own target without automatic replay wins over the flow's", () => {
    const due = dueForAutoReplay([target('', true), target('P2', false)], [failed('P1'), failed('P2')], Date.now());
    expect(due.map((r) => r.finding_id)).toEqual(['f-P1']);
  });
});

describe('withoutSecrets', () => {
  it("replaces a header's secret value, and each line of one with a line break, wherever an error quotes it", () => {
    const secret = 'Bearer abc123\ndef456';
    const message = `Headers.append: "Bearer abc123\ndef456" is an invalid header value.`;
    expect(withoutSecrets(message, [secret])).toBe('Headers.append: "[secret]" is an invalid header value.');
    expect(withoutSecrets('value Bearer abc123 refused', [secret])).toBe('value [secret] refused');
    expect(withoutSecrets('ECONNREFUSED', [secret])).toBe('ECONNREFUSED');
  });
});
