import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { postRecords } from '../support/ingest';

describe('sync lag per line', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('counts events, postings within SLA and lag percentiles per plant and line, ignoring duplicates and reversals', async () => {
    const t0 = Date.now() - 30 * 60_000;
    const events = [0, 1, 2].map((i) => ({
      event_id: `lag-${i}`,
      event_time: t0 + i * 1000,
      plant: 'P1',
      line: 'L1',
      event_type: 'cycle_complete',
      quantity: 1,
    }));
    events.push({ event_id: 'lag-other', event_time: t0, plant: 'P2', line: 'L9', event_type: 'cycle_complete', quantity: 1 });
    const posting = (doc: string, evt: string, afterMs: number, extra: object = {}) => ({
      document_id: doc,
      posted_at: t0 + afterMs,
      plant: 'P1',
      posting_type: 'production_confirmation',
      device_event_id: evt,
      ...extra,
    });
    const postings = [
      posting('d0', 'lag-0', 120_000), // 2 min: within the 15 min SLA
      posting('d1', 'lag-1', 1_201_000), // 20 min after lag-1: late
      posting('d1-rev', 'lag-1', 1_000, { reverses_document_id: 'd9' }), // a reversal does not count as the posting
    ];
    for (let i = 0; i < 2; i++) {
      expect((await postRecords(app.url, '/api/v1/device-events', events, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
      expect((await postRecords(app.url, '/api/v1/erp-postings', postings, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    }
    const { body } = await graphql<{ syncLagByLine: Record<string, unknown>[] }>(
      app.url,
      '{ syncLagByLine(minutes: 60) { plant line events posted withinSlaShare lagP50Seconds lagP99Seconds lastEventAt } }',
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const [p1, p2] = body.data!.syncLagByLine;
    expect(p1).toMatchObject({ plant: 'P1', line: 'L1', events: 3, posted: 2, lastEventAt: new Date(t0 + 2000).toISOString() });
    expect(p1.withinSlaShare).toBeCloseTo(1 / 3, 5);
    expect(p1.lagP50Seconds as number).toBeGreaterThanOrEqual(120);
    expect(p1.lagP99Seconds as number).toBeGreaterThan(1100); // interpolated between the two lags (120 s, 1200 s)
    expect(p1.lagP99Seconds as number).toBeLessThanOrEqual(1200);
    expect(p2).toMatchObject({ plant: 'P2', line: 'L9', events: 1, posted: 0, withinSlaShare: 0, lagP50Seconds: null });
  });

  it('is for the admin only and refuses a window it cannot serve', async () => {
    const anonymous = await graphql(app.url, '{ syncLagByLine { plant } }');
    expect(anonymous.body.errors?.[0].message).toMatch(/Missing credentials/);
    const tooLong = await graphql(app.url, '{ syncLagByLine(minutes: 999999) { plant } }', undefined, TEST_ADMIN_TOKEN);
    expect(tooLong.body.errors?.[0].message).toMatch(/minutes must be 1 to 10080/);
  });
});
