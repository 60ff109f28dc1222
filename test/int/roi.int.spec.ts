import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { hop, postRecords, refreshRollups } from '../support/ingest';
import { personWithSession } from '../support/people';
import { DAY_MS, utcDay } from '../support/time';

// A small hand-computed month-end review: one plant (RP1), one day (D, two days ago), every figure
// worked out below from the rows this test writes.
const D = utcDay(Date.now() - 2 * DAY_MS);
const at = (hhmm: string) => `${D}T${hhmm}:00.000Z`;
const RANGE = { from: at('00:00'), to: new Date(Date.parse(at('00:00')) + DAY_MS).toISOString() };
const ch = (iso: string) => iso.replace('T', ' ').replace('Z', '');

const REPORT = `query($range: TimeRangeInput!, $filter: RoiFilterInput) {
  roi(range: $range, filter: $filter) {
    currency baselineFrom baselineTo
    assumptions { minutesPerManualReconciliation secondsPerPostingCheck hourlyCost baselineMode }
    figures { key value unit baseline howComputed assumptions breakdown { label value unit } }
    byPlantFlow { plant flow postings noTouchShare resolvedAuto resolvedManual valueAtRiskOpen valueRecovered hoursAvoided }
    latencyTrend { t p50 p95 }
  }
}`;

interface Figure {
  key: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  howComputed: string;
  assumptions: string[];
  breakdown: { label: string; value: number | null; unit: string }[];
}
interface Report {
  roi: {
    currency: string;
    figures: Figure[];
    byPlantFlow: Record<string, unknown>[];
    latencyTrend: { t: string; p95: number | null }[];
  };
}

describe('ROI figures against a hand-computed dataset', () => {
  let app: TestApp;
  async function ask<T>(query: string, variables?: Record<string, unknown>, credential: string = TEST_ADMIN_TOKEN) {
    const { body } = await graphql<T>(app.url, query, variables, credential);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }
  const figure = (r: Report, key: string) => r.roi.figures.find((f) => f.key === key)!;

  beforeAll(async () => {
    app = await startTestApp();
    const post = async (path: string, rows: unknown[]) =>
      expect((await postRecords(app.url, path, rows, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    await ask(
      `mutation { setUnitConversion(input: { material: "MAT-B", fromUnit: "CS", toUnit: "EA", factor: 12 }) { factor } }`,
    );
    const event = (id: string, type: string, material: string, quantity: number, unit: string, time: string) => ({
      event_id: id,
      event_time: at(time),
      plant: 'RP1',
      line: 'L1',
      material,
      event_type: type,
      quantity,
      unit,
    });
    await post('/api/v1/device-events', [
      event('roi-e1', 'cycle_complete', 'MAT-A', 10, 'EA', '01:00'),
      event('roi-e2', 'cycle_complete', 'MAT-A', 10, 'EA', '01:00'),
      event('roi-e3', 'goods_receipt', 'MAT-B', 5, 'CS', '02:00'),
      event('roi-e4', 'maintenance_alert', 'MAT-A', 0, '', '08:00'),
    ]);
    const posting = (doc: string, evt: string, type: string, quantity: number, unit: string, time: string) => ({
      document_id: doc,
      posted_at: at(time),
      plant: 'RP1',
      posting_type: type,
      material: evt === 'roi-e3' ? 'MAT-B' : 'MAT-A',
      quantity,
      unit,
      device_event_id: evt,
    });
    await post('/api/v1/erp-postings', [
      posting('roi-p1', 'roi-e1', 'production_confirmation', 10, 'EA', '01:05'),
      posting('roi-p2', 'roi-e2', 'production_confirmation', 8, 'EA', '04:00'),
      posting('roi-p3', 'roi-e3', 'goods_receipt', 60, 'EA', '02:10'), // 60 EA = 5 CS
      posting('roi-p4', 'roi-e4', 'maintenance_request', 0, '', '10:00'), // 2 h after the alert
    ]);
    // Findings and their history as reconciliation and people left them.
    const finding = (id: string, type: string, flow: string, eventIds: string[], value: number, seen: string) => ({
      finding_id: id,
      type,
      plant: 'RP1',
      line: 'L1',
      flow,
      event_ids: eventIds,
      value_at_risk: value,
      currency: 'EUR',
      severity: 'medium',
      priority: 'standard',
      anchor_at: ch(at(seen)),
      condition_since: ch(at(seen)),
      first_seen_at: ch(at(seen)),
      last_seen_at: ch(at(seen)),
      active: 1,
      version: 1,
    });
    await app.db.client.insert({
      table: 'findings',
      format: 'JSONEachRow',
      values: [
        finding('roi-f1', 'missing_posting', 'production_confirmation', ['roi-e2'], 100, '01:00'),
        finding('roi-f2', 'missing_posting', 'production_confirmation', ['roi-other'], 50, '02:00'),
        finding('roi-f3', 'late_posting', 'production_confirmation', ['roi-e1'], 0, '05:00'),
        finding('roi-f4', 'failed_hop', 'production_confirmation', [], 30, '09:10'),
        finding('roi-f5', 'silent_line', '', [], 0, '09:40'),
      ],
    });
    const status = (id: string, n: number, s: string, time: string, actor: string, role: string) => ({
      finding_id: id,
      event_id: `${id}-${n}`,
      at: ch(at(time)),
      kind: 'status',
      status: s,
      actor,
      actor_role: role,
      plant: 'RP1', // a finding's history carries its plant (on a cluster, its shard)
    });
    await app.db.client.insert({
      table: 'finding_events',
      format: 'JSONEachRow',
      values: [
        status('roi-f1', 1, 'resolved_manual', '03:00', 'alice', 'it_support'), // 2 h, by hand: e2's posting was touched
        status('roi-f2', 1, 'replay_queued', '02:30', 'bob', 'it_support'),
        status('roi-f2', 2, 'replay_sent', '02:31', 'replay', ''),
        status('roi-f2', 3, 'resolved_auto', '06:00', 'reconciliation', ''), // 4 h, after a replay
        status('roi-f3', 1, 'resolved_auto', '06:00', 'reconciliation', ''), // 1 h
      ],
    });
    // One message for the latency trend: 60 s from its first hop to its ERP posting.
    await post('/api/v1/hops', [
      hop({
        hop_id: 'roi-h1',
        correlation_id: 'roi-m1',
        plant: 'RP1',
        stage: 'device',
        start_time: at('01:00'),
        end_time: at('01:00'),
      }),
      hop({
        hop_id: 'roi-h2',
        correlation_id: 'roi-m1',
        plant: 'RP1',
        stage: 'erp_posting',
        start_time: `${D}T01:00:59.000Z`,
        end_time: `${D}T01:01:00.000Z`,
      }),
    ]);
    await refreshRollups(app.url);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('computes every figure as worked out by hand, each with its sentence and assumptions', async () => {
    const r = await ask<Report>(REPORT, { range: RANGE });
    expect(r.roi.currency).toBe('EUR');
    // 4 postings; e2's was touched by a person (alice resolved its finding by hand).
    expect(figure(r, 'no_touch_share').value).toBeCloseTo(3 / 4, 9);
    // Resolved: f2 and f3 automatically, f1 by hand.
    expect(figure(r, 'auto_resolved_share').value).toBeCloseTo(2 / 3, 9);
    // (2 h + 4 h + 1 h) / 3; missing postings (2 + 4) / 2, late postings 1.
    expect(figure(r, 'mean_time_to_resolve').value).toBeCloseTo(7 / 3, 9);
    expect(figure(r, 'mean_time_to_resolve').breakdown).toEqual([
      { label: 'late_posting', value: 1, unit: 'hours' },
      { label: 'missing_posting', value: 3, unit: 'hours' },
    ]);
    // Open: the failed hop (30) and the silent line (0); recovered: 50 replayed + 100 corrected.
    expect(figure(r, 'value_at_risk_open')).toMatchObject({ value: 30, unit: 'EUR' });
    expect(figure(r, 'value_recovered').value).toBe(150);
    expect(figure(r, 'value_recovered').breakdown.map((b) => b.value)).toEqual([50, 100]);
    // 2 automatic resolutions x 20 min + 3 untouched postings x 2 s; x 55 EUR/h.
    const hours = (2 * 20) / 60 + (3 * 2) / 3600;
    expect(figure(r, 'hours_avoided').value).toBeCloseTo(hours, 9);
    expect(figure(r, 'hours_avoided').assumptions).toEqual(['minutesPerManualReconciliation', 'secondsPerPostingCheck']);
    expect(figure(r, 'cost_avoided').value).toBeCloseTo(hours * 55, 9);
    // MAT-A: device 20, ERP 18; MAT-B: 5 CS against 60 EA = 5 CS.
    expect(figure(r, 'inventory_accuracy').value).toBeCloseTo(23 / 25, 9);
    expect(figure(r, 'inventory_accuracy').breakdown[0]).toEqual({ label: 'MAT-A (EA)', value: 0.9, unit: 'share' });
    expect(figure(r, 'maintenance_response').value).toBeCloseTo(2, 9);
    // The failed hop's hour and the silent line's hour (one per plant, flow and hour).
    expect(figure(r, 'incidents').value).toBe(2);
    expect(figure(r, 'latency_p95').value).toBe(60);
    for (const f of r.roi.figures) expect(f.howComputed.length, f.key).toBeGreaterThan(30);
    expect(r.roi.byPlantFlow.find((p) => p.flow === 'production_confirmation')).toMatchObject({
      plant: 'RP1',
      postings: 2,
      noTouchShare: 0.5,
      resolvedAuto: 2,
      resolvedManual: 1,
      valueAtRiskOpen: 30,
      valueRecovered: 150,
    });
    expect(r.roi.latencyTrend.find((p) => p.t === at('01:00'))?.p95).toBe(60);
  });

  it('an admin\u2019s change of the assumptions changes the figures, and a measured baseline shows beside them', async () => {
    await ask(
      `mutation($input: RoiAssumptionsInput!) { saveRoiAssumptions(input: $input) { minutesPerManualReconciliation hourlyCost updatedBy } }`,
      {
        input: {
          minutesPerManualReconciliation: 30,
          secondsPerPostingCheck: 0,
          hourlyCost: 100,
          baselineMode: 'measured',
          measured: { noTouchShare: 0.5, incidentsPer30Days: 30 },
        },
      },
    );
    const r = await ask<Report>(REPORT, { range: RANGE });
    expect(figure(r, 'hours_avoided').value).toBeCloseTo(1, 9);
    expect(figure(r, 'cost_avoided').value).toBeCloseTo(100, 9);
    expect(figure(r, 'no_touch_share').baseline).toBe(0.5);
    expect(figure(r, 'incidents').baseline).toBeCloseTo(1, 9); // 30 per 30 days, for one day
    const { body } = await graphql(
      app.url,
      `mutation { saveRoiAssumptions(input: { minutesPerManualReconciliation: 10, secondsPerPostingCheck: 0, hourlyCost: 10,
         baselineMode: "period", baselineFrom: "${RANGE.to}", baselineTo: "${RANGE.from}" }) { hourlyCost } }`,
      undefined,
      TEST_ADMIN_TOKEN,
    );
    expect(body.errors?.[0].message).toMatch(/baselineTo must be after baselineFrom/);
    // A past period as the baseline: the day before, which has no data.
    await ask(`mutation { saveRoiAssumptions(input: { minutesPerManualReconciliation: 20, secondsPerPostingCheck: 2, hourlyCost: 55,
         baselineMode: "period", baselineFrom: "${new Date(Date.parse(RANGE.from) - DAY_MS).toISOString()}", baselineTo: "${RANGE.from}" }) { hourlyCost } }`);
    const withPast = await ask<Report>(REPORT, { range: RANGE });
    expect(figure(withPast, 'incidents').baseline).toBe(0);
    expect(figure(withPast, 'no_touch_share').baseline).toBeNull();
  });

  it('exports the report as CSV, and shows a plant manager of another plant nothing of RP1', async () => {
    const q = new URLSearchParams({ from: RANGE.from, to: RANGE.to, plants: 'RP1' });
    const res = await fetch(`${app.url}/api/v1/roi/export?${q.toString()}`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe('section,key,label,value,unit,baseline,how it is computed,assumptions');
    expect(csv).toMatch(/^figure,no_touch_share,Postings with no manual touch,0\.75,share,/m);
    expect(csv).toMatch(/^RP1,production_confirmation,2,0\.5,2,1,30,150,/m);
    const anonymous = await fetch(`${app.url}/api/v1/roi/export?${q.toString()}`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${app.url}/api/v1/roi/export?from=${RANGE.to}&to=${RANGE.from}`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/range.to must be after range.from/);

    const other = await personWithSession(app.url, { username: 'roi-pm-rp2', role: 'plant_manager', plants: ['RP2'] });
    const theirs = await ask<Report>(REPORT, { range: RANGE, filter: { plants: ['RP1'] } }, other.token);
    expect(figure(theirs, 'no_touch_share').value).toBeNull();
    expect(figure(theirs, 'value_recovered').value).toBe(0);
    const viewer = await personWithSession(app.url, { username: 'roi-viewer', role: 'viewer', plants: ['RP1'] });
    const denied = await graphql(app.url, REPORT, { range: RANGE }, viewer.token);
    expect(denied.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a person acting later on a finding about a posting counts that posting as touched, once rolled up', async () => {
    // e1's posting was untouched; alice now comments on its late-posting finding (f3).
    await app.db.client.insert({
      table: 'finding_events',
      format: 'JSONEachRow',
      values: [
        {
          finding_id: 'roi-f3',
          event_id: 'roi-f3-c',
          at: ch(new Date().toISOString()),
          kind: 'comment',
          comment: 'checked with the ERP team',
          actor: 'alice',
          actor_role: 'it_support',
          plant: 'RP1',
        },
      ],
    });
    await refreshRollups(app.url);
    const r = await ask<Report>(REPORT, { range: RANGE });
    expect(figure(r, 'no_touch_share').value).toBeCloseTo(2 / 4, 9);
  });
});
