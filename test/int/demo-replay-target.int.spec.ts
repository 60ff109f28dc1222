import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayTarget } from '../../server/src/demo/replay-target';
import { startTestApp, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { createApiKey } from '../support/ingest';

describe('the demo ERP replay target', () => {
  let app: TestApp;
  let target: ReplayTarget;

  beforeAll(async () => {
    app = await startTestApp();
    const key = await createApiKey(app.url, { plants: ['*'], kinds: ['erp_postings'] });
    target = new ReplayTarget({ ingestUrl: `${app.url}/api/v1/erp-postings`, apiKey: key.token });
    await target.start();
  });
  afterAll(async () => {
    await target?.stop();
    await app?.close();
  });

  const replay = (key: string | undefined, body: object) =>
    fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });

  it('books a replayed message once through ingest, however often it is replayed with the same key', async () => {
    const payload = { plant: 'P1', flow: 'goods_receipt', posting_type: 'goods_receipt', quantity: 12, unit: 'EA' };
    const first = await replay('evt-replay-1', payload);
    expect(first.status).toBe(201);
    const { document_id } = (await first.json()) as { document_id: string };
    const second = await replay('evt-replay-1', payload);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ status: 'duplicate', document_id });
    const rows = await queryRows<{ document_id: string; quantity: number }>(
      app.db.client,
      "SELECT document_id, quantity FROM erp_postings FINAL WHERE device_event_id = 'evt-replay-1'",
    );
    expect(rows).toEqual([{ document_id, quantity: 12 }]);
  });

  it('refuses a replay without an idempotency key', async () => {
    expect((await replay(undefined, { plant: 'P1', posting_type: 'goods_receipt' })).status).toBe(400);
  });
});
