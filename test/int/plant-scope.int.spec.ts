import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { postRecords } from '../support/ingest';
import { personWithSession } from '../support/people';

interface Line {
  plant: string;
  line: string;
  events: number;
}

/** A plant manager of P1 learns nothing about P2: not by filter, not by id, not by totals, not by error. */
describe('plant scope', () => {
  let app: TestApp;
  let p1Manager: string;
  let executive: string;
  const t0 = Date.now() - 20 * 60_000;

  beforeAll(async () => {
    app = await startTestApp();
    const events = [
      ...[0, 1, 2].map((i) => ({
        event_id: `s-p1-${i}`,
        event_time: t0 + i * 1000,
        plant: 'P1',
        line: 'L1',
        event_type: 'cycle_complete',
        quantity: 1,
      })),
      ...[0, 1, 2, 3, 4].map((i) => ({
        event_id: `s-p2-${i}`,
        event_time: t0 + i * 1000,
        plant: 'P2',
        line: 'L1',
        event_type: 'cycle_complete',
        quantity: 1,
      })),
    ];
    const postings = [
      {
        document_id: 'doc-p1',
        posted_at: t0 + 60_000,
        plant: 'P1',
        posting_type: 'production_confirmation',
        device_event_id: 's-p1-0',
      },
      {
        document_id: 'doc-p2',
        posted_at: t0 + 60_000,
        plant: 'P2',
        posting_type: 'production_confirmation',
        device_event_id: 's-p2-0',
      },
    ];
    expect((await postRecords(app.url, '/api/v1/device-events', events, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    expect((await postRecords(app.url, '/api/v1/erp-postings', postings, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    p1Manager = (await personWithSession(app.url, { username: 'pm-p1', role: 'plant_manager', plants: ['P1'] })).token;
    executive = (await personWithSession(app.url, { username: 'exec', role: 'executive' })).token;
  });
  afterAll(async () => {
    await app?.close();
  });

  const lines = async (token: string, plants?: string[]) => {
    const { body } = await graphql<{ syncLagByLine: Line[] }>(
      app.url,
      'query($plants: [String!]) { syncLagByLine(minutes: 60, plants: $plants) { plant line events } }',
      { plants },
      token,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.syncLagByLine;
  };

  it('lists only the manager\u2019s plants, whatever the filter asks for', async () => {
    expect(await lines(p1Manager)).toEqual([{ plant: 'P1', line: 'L1', events: 3 }]);
    expect(await lines(p1Manager, ['P2'])).toEqual([]);
    expect(await lines(p1Manager, ['P1', 'P2'])).toEqual([{ plant: 'P1', line: 'L1', events: 3 }]);
    expect(await lines(executive)).toEqual([
      { plant: 'P1', line: 'L1', events: 3 },
      { plant: 'P2', line: 'L1', events: 5 },
    ]);
  });

  it('counts only the manager\u2019s plants in totals, and asking for P2 totals answers as for a plant with no data', async () => {
    const totals = async (token: string, plants?: string[]) =>
      (
        await graphql<{ syncLagTotals: { plants: string[]; events: number; posted: number } }>(
          app.url,
          'query($plants: [String!]) { syncLagTotals(minutes: 60, plants: $plants) { plants events posted } }',
          { plants },
          token,
        )
      ).body.data!.syncLagTotals;
    expect(await totals(p1Manager)).toEqual({ plants: ['P1'], events: 3, posted: 1 });
    expect(await totals(p1Manager, ['P2'])).toEqual(await totals(p1Manager, ['NO-SUCH-PLANT']));
    expect(await totals(p1Manager, ['P2'])).toEqual({ plants: [], events: 0, posted: 0 });
    expect(await totals(executive)).toEqual({ plants: ['P1', 'P2'], events: 8, posted: 2 });
  });

  it('answers "not found" for another plant\u2019s line by id, exactly as for a line that does not exist', async () => {
    const ofLine = (plant: string) =>
      graphql<{ syncLagOfLine: Line }>(
        app.url,
        'query($p: String!) { syncLagOfLine(plant: $p, line: "L1") { plant events } }',
        { p: plant },
        p1Manager,
      );
    const own = await ofLine('P1');
    expect(own.body.data?.syncLagOfLine).toEqual({ plant: 'P1', events: 3 });
    const other = await ofLine('P2');
    const missing = await ofLine('P9');
    expect(other.body.errors![0].extensions?.code).toBe('NOT_FOUND');
    expect(other.body.errors![0].extensions?.code).toBe(missing.body.errors![0].extensions?.code);
    expect(other.body.errors![0].message.replace('P2', 'P?')).toBe(missing.body.errors![0].message.replace('P9', 'P?'));
  });
});
