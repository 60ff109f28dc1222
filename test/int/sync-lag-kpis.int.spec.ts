import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { hop, postRecords, refreshRollups } from '../support/ingest';
import { personWithSession } from '../support/people';

// A small hand-computed set (production_confirmation: SLA 900 s). H is a whole hour three hours ago;
// the page's range is [H - 30 min, H + 90 min): hour H comes from the hourly rollup, the ends from minutes.
const H = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
const MIN = 60_000;
const RANGE = { from: new Date(H - 30 * MIN).toISOString(), to: new Date(H + 90 * MIN).toISOString() };
const STAGES = ['device', 'gateway', 'broker', 'middleware', 'erp_api', 'erp_posting'];

/** One message: hops at `starts` seconds after `at` (one per stage, in order); the last one ends `endS` after `at`. */
function message(id: string, at: number, starts: (number | null)[], endS: number, extra: Record<string, unknown> = {}) {
  const hops = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    if (s === null) continue;
    const last = i === starts.length - 1;
    hops.push(
      hop({
        hop_id: `${id}-${STAGES[i]}`,
        correlation_id: id,
        business_key: `${id}-evt`,
        plant: 'KP1',
        stage: STAGES[i],
        start_time: new Date(at + s * 1000).toISOString(),
        end_time: new Date(at + (last ? endS : s + 0.5) * 1000).toISOString(),
        ...extra,
        ...(extra.failAt === i ? { status: 'error', error_code: 'MAPPING_FAILED' } : {}),
      }),
    );
  }
  return hops.map(({ failAt: _f, ...h }) => h);
}

const KPIS = `query($range: TimeRangeInput!, $filter: SyncLagFilterInput) {
  syncLagKpis(range: $range, filter: $filter) {
    current { messages posted failed withinSlaShare lagP50Seconds lagP95Seconds lagP99Seconds stalestLineAt openMissingPostings silentLines }
    previous { messages posted lagP50Seconds }
  }
}`;

describe('Sync lag KPIs from the per-minute rollups', () => {
  let app: TestApp;
  const late: Record<string, unknown>[] = [];

  async function send(hops: Record<string, unknown>[]) {
    const res = await postRecords(app.url, '/api/v1/hops', hops, { token: TEST_ADMIN_TOKEN });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const refresh = () => refreshRollups(app.url);
  async function ask<T>(
    query: string,
    variables: Record<string, unknown>,
    credential: string | { cookie: string } = TEST_ADMIN_TOKEN,
  ) {
    const { body } = await graphql<T>(app.url, query, variables, credential);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }

  beforeAll(async () => {
    app = await startTestApp();
    const e = message('kpi-E', H + 10 * MIN + 45_000, [0, null, null, null, null, 50], 60);
    late.push(e.pop()!); // E's ERP posting arrives after the first rollup
    await send([
      ...message('kpi-A', H + 10 * MIN, [0, 1, 2, 4, 6, 10], 12), // lag 12 s
      ...message('kpi-B', H + 10 * MIN + 30_000, [0, 100, 101, 102, 104, 110], 120), // 120 s, buffered at the gateway
      ...message('kpi-C', H - 20 * MIN, [0, 1, 2, 3, 4, 990], 1000), // 1000 s: over the SLA
      ...message('kpi-D', H + 75 * MIN, [0, 1, 2, 3], 3.5, { failAt: 3 }), // failed at middleware
      ...e,
      ...message('kpi-F', H + 20 * MIN, [0, 1, 2, 3, 4, 1990], 2000, { line: 'L2' }), // 2000 s on another line
      ...message('kpi-G', H + 20 * MIN, [0, 1, 2, 3, 4, 4.5], 5, { line: 'L3' }), // 5 s
      ...message('kpi-P', H - 60 * MIN, [0, 1, 2, 3, 4, 29], 30), // the previous period: 30 s
      ...message('kpi-X', H + 10 * MIN, [0, 1, 2, 3, 4, 5], 6, { plant: 'KP2' }), // another plant
    ]);
    expect((await refresh()).minutes).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('counts, percentiles, SLA share and freshness match the hand-computed figures; late data lands in its minute', async () => {
    const filter = { plants: ['KP1'], lines: ['L1'] };
    const before = await ask<{ syncLagKpis: { current: Record<string, unknown> } }>(KPIS, { range: RANGE, filter });
    // A, B, C posted; D failed; E not posted yet.
    expect(before.syncLagKpis.current).toMatchObject({ messages: 5, posted: 3, failed: 1 });

    await send(late);
    const run = await refresh();
    expect(run.minutes).toBeGreaterThanOrEqual(1);
    const { syncLagKpis } = await ask<{ syncLagKpis: { current: Record<string, number>; previous: Record<string, number> } }>(
      KPIS,
      {
        range: RANGE,
        filter,
      },
    );
    const c = syncLagKpis.current;
    expect(c).toMatchObject({ messages: 5, posted: 4, failed: 1, openMissingPostings: 0, silentLines: 0 });
    // Lags 12, 60, 120, 1000 s; 1000 s is over the 900 s SLA.
    expect(c.withinSlaShare).toBeCloseTo(3 / 4, 9);
    expect(c.lagP50Seconds).toBeCloseTo(90, 6); // between 60 and 120
    expect(c.lagP95Seconds).toBeCloseTo(120 + 0.85 * 880, 6);
    expect(c.lagP99Seconds).toBeCloseTo(120 + 0.97 * 880, 6);
    expect(c.stalestLineAt).toBe(new Date(H + 75 * MIN).toISOString());
    expect(syncLagKpis.previous).toMatchObject({ messages: 1, posted: 1, lagP50Seconds: 30 });

    // The late posting is in the minute of E's first hop, not the minute it arrived.
    const series = await ask<{
      syncLagSeries: { flow: string; slaSeconds: number; points: { t: string; posted: number; p50: number }[] }[];
    }>(
      `query($range: TimeRangeInput!, $filter: SyncLagFilterInput) {
        syncLagSeries(range: $range, filter: $filter) { flow slaSeconds bucketSeconds points { t messages posted p50 p95 p99 } }
      }`,
      { range: RANGE, filter },
    );
    expect(series.syncLagSeries).toHaveLength(1);
    const s = series.syncLagSeries[0];
    expect(s).toMatchObject({ flow: 'production_confirmation', slaSeconds: 900 });
    const atTen = s.points.find((p) => p.t === new Date(H + 10 * MIN).toISOString());
    expect(atTen).toMatchObject({ posted: 3, p50: 60 }); // A 12, B 120, E 60
  });

  it("counts each period's open missing postings and silences, and names each period's stalest line, apart", async () => {
    // Line L9 of KP1 sends three device events and the ERP books none: one in the period before the
    // range (H - 50 min), two in it (H + 5, H + 6 min). Silences of 30 min or more start at H - 50 (ended at
    // H + 5: resolved, not open) and at H + 6 (open).
    const events = [-50, 5, 6].map((m, i) => ({
      event_id: `kpi-L9-${i}`,
      event_time: new Date(H + m * MIN).toISOString(),
      plant: 'KP1',
      line: 'L9',
      order_id: 'O-L9',
      material: 'M-1',
      event_type: 'cycle_complete',
      quantity: 1,
      unit: 'EA',
    }));
    const res = await postRecords(app.url, '/api/v1/device-events', events, { token: TEST_ADMIN_TOKEN });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await ask(`mutation { reconcileNow(sinceDays: 1) { detected } }`, {});
    const { syncLagKpis } = await ask<{ syncLagKpis: { current: Record<string, unknown>; previous: Record<string, unknown> } }>(
      `query($range: TimeRangeInput!, $filter: SyncLagFilterInput) {
        syncLagKpis(range: $range, filter: $filter) {
          current { messages openMissingPostings silentLines stalestLineAt }
          previous { messages openMissingPostings silentLines stalestLineAt }
        }
      }`,
      { range: RANGE, filter: { plants: ['KP1'], lines: ['L1', 'L9'] } },
    );
    expect(syncLagKpis.current).toMatchObject({
      openMissingPostings: 2,
      silentLines: 1,
      stalestLineAt: new Date(H + 75 * MIN).toISOString(),
    });
    // Before the range, [H - 150 min, H - 30 min): P's message on L1 (at H - 60 min) is the only one.
    expect(syncLagKpis.previous).toMatchObject({
      messages: 1,
      openMissingPostings: 1,
      silentLines: 0,
      stalestLineAt: new Date(H - 60 * MIN).toISOString(),
    });
  });

  it('answers the same over days (read from the daily rollup) as the hand-computed figures say', async () => {
    // Three days around H: whole days come from lag_day, the rest from hours and minutes. L1 there: A, B, C, D, E
    // and P (the previous period's message, lag 30 s): lags 12, 30, 60, 120, 1000 s.
    const range = { from: new Date(H - 2 * 86_400_000).toISOString(), to: new Date(H + 86_400_000 - 60_000).toISOString() };
    const { syncLagKpis } = await ask<{ syncLagKpis: { current: Record<string, number> } }>(KPIS, {
      range,
      filter: { plants: ['KP1'], lines: ['L1'] },
    });
    expect(syncLagKpis.current).toMatchObject({ messages: 6, posted: 5, failed: 1, lagP50Seconds: 60 });
    const series = await ask<{ syncLagSeries: { bucketSeconds: number; points: { t: string; posted: number }[] }[] }>(
      `query($range: TimeRangeInput!, $filter: SyncLagFilterInput) { syncLagSeries(range: $range, filter: $filter) { bucketSeconds points { t posted } } }`,
      { range: { from: new Date(H - 20 * 86_400_000).toISOString(), to: range.to }, filter: { plants: ['KP1'], lines: ['L1'] } },
    );
    expect(series.syncLagSeries[0].bucketSeconds).toBe(86_400);
    expect(series.syncLagSeries[0].points.reduce((n, p) => n + p.posted, 0)).toBe(5);
  });

  it('puts each plant, line and flow in its SLA state', async () => {
    const { syncLagGrid } = await ask<{ syncLagGrid: Record<string, unknown>[] }>(
      `query($range: TimeRangeInput!) { syncLagGrid(range: $range) { plant line flow messages posted lagP95Seconds slaSeconds state } }`,
      { range: RANGE },
    );
    const cell = (plant: string, line: string) => syncLagGrid.find((c) => c.plant === plant && c.line === line);
    expect(cell('KP1', 'L1')).toMatchObject({ state: 'at_risk', slaSeconds: 900 }); // p95 868 s: above 75 % of 900
    expect(cell('KP1', 'L2')).toMatchObject({ state: 'breached', lagP95Seconds: 2000 });
    expect(cell('KP1', 'L3')).toMatchObject({ state: 'within', lagP95Seconds: 5 });
    expect(cell('KP2', 'L1')).toMatchObject({ state: 'within', messages: 1 });
  });

  it('says where the lag comes from: the time between each pair of stages', async () => {
    const { syncLagStages } = await ask<{
      syncLagStages: { fromStage: string; toStage: string; seconds: number; share: number }[];
    }>(
      `query($range: TimeRangeInput!, $filter: SyncLagFilterInput) { syncLagStages(range: $range, filter: $filter) { fromStage toStage seconds messages meanSeconds share } }`,
      { range: RANGE, filter: { plants: ['KP1'], lines: ['L1'] } },
    );
    const pair = (a: string, b: string) => syncLagStages.find((p) => p.fromStage === a && p.toStage === b);
    // A 4 + B 6 + C 986; device -> gateway: A 1 + B 100 + C 1 + D 1; E went from device straight to erp_posting.
    expect(syncLagStages[0]).toMatchObject({ fromStage: 'erp_api', toStage: 'erp_posting', seconds: 996 });
    expect(pair('device', 'gateway')?.seconds).toBeCloseTo(103, 6);
    expect(pair('device', 'erp_posting')?.seconds).toBeCloseTo(50, 6);
    const total = 996 + 103 + 4 + 5 + 5 + 50;
    expect(syncLagStages[0].share).toBeCloseTo(996 / total, 9);
  });

  it('shows a plant manager only their plants, whatever the filter asks for', async () => {
    const other = await personWithSession(app.url, { username: 'kpi-pm-kp2', role: 'plant_manager', plants: ['KP2'] });
    const own = await ask<{ syncLagKpis: { current: { messages: number } } }>(KPIS, { range: RANGE }, other.token);
    expect(own.syncLagKpis.current.messages).toBe(1);
    const asked = await ask<{ syncLagKpis: { current: { messages: number } } }>(
      KPIS,
      { range: RANGE, filter: { plants: ['KP1'] } },
      other.token,
    );
    expect(asked.syncLagKpis.current.messages).toBe(0);
    const grid = await ask<{ syncLagGrid: { plant: string }[] }>(
      'query($range: TimeRangeInput!) { syncLagGrid(range: $range, filter: { plants: ["KP1"] }) { plant } }',
      { range: RANGE },
      other.token,
    );
    expect(grid.syncLagGrid).toEqual([]);
  });

  it('refuses a range it cannot serve, naming the field', async () => {
    const { body } = await graphql(app.url, KPIS, { range: { from: RANGE.to, to: RANGE.from } }, TEST_ADMIN_TOKEN);
    expect(body.errors?.[0].message).toMatch(/range.to must be after range.from/);
    const long = await graphql(
      app.url,
      KPIS,
      { range: { from: new Date(Date.now() - 120 * 86_400_000).toISOString(), to: new Date().toISOString() } },
      TEST_ADMIN_TOKEN,
    );
    expect(long.body.errors?.[0].message).toMatch(/at most 90 days/);
    const denied = await graphql(
      app.url,
      'mutation { refreshSyncLagRollups { minutes } }',
      undefined,
      (await personWithSession(app.url, { username: 'kpi-viewer', role: 'viewer', plants: ['KP1'] })).token,
    );
    expect(denied.body.errors?.[0].message).toMatch(/not allowed|permission|Forbidden/i);
  });
});
