import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { queryRows } from '../support/clickhouse';
import { createApiKey } from '../support/ingest';
import { DAY } from '../support/time';

describe('ERP extract as CSV', () => {
  let app: TestApp;
  let key: string;

  beforeAll(async () => {
    app = await startTestApp();
    key = (await createApiKey(app.url, { plants: ['1000'], kinds: ['erp_postings'] })).token;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function upload(csv: string | Buffer, query: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${app.url}/api/v1/erp-postings/csv?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${key}`, ...headers },
      body: csv,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const SAP_MAPPING =
    'delimiter=;&decimal=,&utc_offset=%2B01:00&columns=document_id:BELNR,posted_at:BUDAT,plant:WERKS,order_id:AUFNR,material:MATNR,posting_type:BWART,quantity:MENGE,unit:MEINS,device_event_id:REFID';

  it('maps an SAP-style extract (semicolons, decimal commas, local times) and keeps extra columns as attributes', async () => {
    const csv = [
      'BELNR;BUDAT;WERKS;AUFNR;MATNR;BWART;MENGE;MEINS;REFID;USNAM',
      `4900000001;${DAY} 08:15:00;1000;ORD-1;MAT-1;production_confirmation;1.234,5;ST;evt-1;JDOE`,
      `4900000002;${DAY} 08:16:00;1000;ORD-1;MAT-1;goods_receipt;12;KAR;;JDOE`,
    ].join('\n');
    const res = await upload(csv, SAP_MAPPING);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ accepted: 2 });
    const rows = await queryRows<Record<string, unknown>>(
      app.db.client,
      "SELECT document_id, posted_at, quantity, unit, device_event_id, source, attributes FROM erp_postings WHERE plant = '1000' ORDER BY document_id",
    );
    expect(rows).toEqual([
      {
        document_id: '4900000001',
        posted_at: `${DAY} 07:15:00.000`,
        quantity: 1234.5,
        unit: 'EA',
        device_event_id: 'evt-1',
        source: 'csv',
        attributes: { USNAM: 'JDOE' },
      },
      {
        document_id: '4900000002',
        posted_at: `${DAY} 07:16:00.000`,
        quantity: 12,
        unit: 'CS',
        device_event_id: '',
        source: 'csv',
        attributes: { USNAM: 'JDOE' },
      },
    ]);
  });

  it('streams a large gzip-compressed file', async () => {
    const lines = ['document_id,posted_at,plant,posting_type,quantity,unit'];
    for (let i = 0; i < 20_000; i++) lines.push(`big-${i},${DAY}T08:00:00Z,1000,goods_receipt,${i % 7},kg`);
    const res = await upload(gzipSync(lines.join('\n')), '', { 'content-encoding': 'gzip' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.accepted).toBe(20_000);
    const [c] = await queryRows<{ c: string }>(
      app.db.client,
      "SELECT count() AS c FROM erp_postings FINAL WHERE document_id LIKE 'big-%'",
    );
    expect(Number(c.c)).toBe(20_000);
  });

  it('rejects the whole file when a row is invalid, naming the CSV line and field', async () => {
    const csv = [
      'document_id,posted_at,plant,posting_type,quantity,unit',
      `ok-1,${DAY}T08:00:00Z,1000,goods_receipt,1,kg`,
      `bad-1,${DAY} 08:00,1000,goods_receipt,1,kg`,
      `bad-2,${DAY}T08:00:00Z,1000,goods_receipt,lots,kg`,
      `bad-3,${DAY}T08:00:00Z,2000,goods_receipt,1,kg`,
      // A decimal comma in a file read with decimal points: no number, never 15.
      `bad-4,${DAY}T08:00:00Z,1000,goods_receipt,"1,5",kg`,
    ].join('\n');
    const res = await upload(csv, '');
    expect(res.status).toBe(422);
    const errors = res.body.errors as { line: number; field: string; reason: string }[];
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'posted_at'],
      [4, 'quantity'],
      [5, 'plant'],
      [6, 'quantity'],
    ]);
    expect(errors[0].reason).toMatch(/no UTC offset/);
    const [c] = await queryRows<{ c: string }>(
      app.db.client,
      "SELECT count() AS c FROM erp_postings WHERE document_id IN ('ok-1', 'bad-1')",
    );
    expect(Number(c.c)).toBe(0);
  });

  it('says which mapped column is missing, and refuses unknown options', async () => {
    const missing = await upload(`document_id,posted_at\nx,${DAY}T08:00:00Z`, 'columns=plant:WERKS');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/no column "WERKS" \(mapped to plant\); its columns are document_id, posted_at/);
    const badField = await upload('a\n1', 'columns=plnt:WERKS');
    expect(badField.status).toBe(400);
    expect(badField.body.message).toMatch(/"plnt", which is not a posting field/);
    const ragged = await upload('document_id,plant\n1,2,3', '');
    expect(ragged.status).toBe(400);
    expect(ragged.body.message).toMatch(/could not be read at line 2/);
  });
});
