import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNative } from '../../server/src/clickhouse/clickhouse.service';
import { nativeTypeName } from '../../server/src/clickhouse/native-block';
import { deviceEventSpec } from '../../server/src/ingest/records/device-event.record';
import { erpPostingSpec } from '../../server/src/ingest/records/erp-posting.record';
import { hopSpec } from '../../server/src/ingest/records/hop.record';
import type { NormalizeContext, RecordSpec } from '../../server/src/ingest/records/record-spec';
import { isRowError } from '../../server/src/ingest/records/row-error';
import { BASE_STAGES } from '../../server/src/domain/vocabulary';
import { UnitTable } from '../../server/src/ingest/units/unit-table';
import { createTestDatabase, queryRows, type TestDatabase } from '../support/clickhouse';

const DAY_MS = 86_400_000;
const ctx: NormalizeContext = {
  units: new UnitTable([
    { code: 'EA', aliases: ['pcs', 'each'] },
    { code: 'KG', aliases: ['kilogram'] },
  ]),
  plants: null,
  stages: new Set(BASE_STAGES),
};

/** How ClickHouse prints a DateTime64 with `digits` fractional digits, for epoch ms plus extra µs. */
function chTime(ms: number, digits: 3 | 6, extraUs = 0): string {
  const base = new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
  return digits === 3 ? base : base + String(extraUs).padStart(3, '0');
}

function rowsOf(spec: RecordSpec, records: unknown[]): unknown[][] {
  return records.map((r) => {
    const row = spec.toRow(r, ctx);
    if (isRowError(row)) throw new Error(`${spec.kind} record refused: ${row.field} ${row.reason}`);
    return row;
  });
}

/** What ClickHouse itself answers as Native for `sql` (the bytes). */
async function nativeOf(db: TestDatabase, sql: string, params: Record<string, unknown>): Promise<Buffer> {
  const { stream } = await db.client.exec({ query: `${sql} FORMAT Native`, query_params: params });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('Native inserts on the real engine', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('native');
  });
  afterAll(async () => {
    await db?.drop();
  });

  const specs = [hopSpec, deviceEventSpec('http'), erpPostingSpec('http')];

  it.each(specs.map((s) => [s.table, s] as const))(
    'declares the %s columns with the names and types of the migrated table',
    async (table, spec) => {
      const described = await queryRows<{ name: string; type: string; default_type: string }>(
        db.client,
        'DESCRIBE TABLE {table:Identifier}',
        { table },
      );
      const byName = new Map(described.map((c) => [c.name, c]));
      expect(spec.columns.map((c) => ({ name: c.name, type: byName.get(c.name)?.type }))).toEqual(
        spec.columns.map((c) => ({ name: c.name, type: c.type })),
      );
      // The columns an insert leaves out must fill themselves.
      const declared = new Set(spec.columns.map((c) => c.name));
      const undeclared = described.filter((c) => !declared.has(c.name));
      expect(undeclared.filter((c) => c.default_type === '').map((c) => c.name)).toEqual([]);
    },
  );

  it('stores hops written as Native blocks (general and direct paths) with the values sent, in the bytes ClickHouse itself writes', async () => {
    const t = Date.now() - DAY_MS;
    const iso = (ms: number) => new Date(ms).toISOString();
    const full = {
      hop_id: 'rb-hop-1',
      correlation_id: 'Lieferschein-Ärger-1',
      parent_hop_id: 'rb-hop-0',
      flow: 'goods_receipt',
      stage: 'erp_posting',
      system: 'sap-s4',
      plant: 'Werk Köln',
      line: 'Linie 3',
      asset: 'Presse 3 – Süd',
      order_id: 'ORD-100001',
      material: 'Stahlblech ø 2 mm',
      batch: '批次-7',
      event_type: 'goods_receipt',
      quantity: null,
      unit: 'pcs',
      start_time: `${iso(t).slice(0, 23)}456Z`,
      end_time: `${iso(t + 3_600_000 + 250).slice(0, 23)}789+01:00`,
      status: 'retry',
      error_code: 'TIMEOUT',
      error_message: 'Zeitüberschreitung nach 30 s — 日本 😀 '.repeat(10),
      attempt: 3,
      business_key: 'evt-é-1',
      payload: { qty: 12, note: 'naïve' },
      attributes: { tenant: 'acme', retries: 2, urgent: true, schlüssel: 'wert ü' },
    };
    const minimal = {
      hop_id: 'rb-hop-2',
      correlation_id: 'c-2',
      flow: 'scrap_posting',
      stage: 'device',
      start_time: t,
      status: 'dropped',
      quantity: -2.5,
    };
    const block = hopSpec.encoder.newBlock(1);
    for (const row of rowsOf(hopSpec, [full, minimal])) hopSpec.encoder.write(block, row);
    const line = Buffer.from(
      JSON.stringify({
        hop_id: 'rb-hop-3',
        correlation_id: 'c-3',
        flow: 'production_confirmation',
        stage: 'gateway',
        plant: 'P1',
        quantity: 1.25,
        unit: 'kilogram',
        start_time: iso(t),
        status: 'error',
        error_code: 'E42',
        attempt: 65535,
        payload: 'raw text',
      }),
    );
    expect(hopSpec.direct!(line, 0, line.length, ctx, block)).toBe(true);
    const sent = block.finish();
    await insertNative(
      db.client,
      'hops',
      hopSpec.columns.map((c) => c.name),
      [sent],
    );

    // ClickHouse writes the stored rows as the same bytes (LowCardinality read back as String, as sent).
    const columns = hopSpec.columns
      .map((c) => (nativeTypeName(c.type) === c.type ? c.name : `CAST(${c.name}, '${nativeTypeName(c.type)}') AS ${c.name}`))
      .join(', ');
    const echoed = await nativeOf(db, `SELECT ${columns} FROM hops WHERE hop_id LIKE {p:String} ORDER BY hop_id`, {
      p: 'rb-hop-%',
    });
    expect(echoed.equals(sent)).toBe(true);

    const stored = await queryRows<Record<string, unknown>>(
      db.client,
      'SELECT * EXCEPT ingested_at FROM hops WHERE hop_id LIKE {p:String} ORDER BY hop_id',
      { p: 'rb-hop-%' },
    );
    expect(stored).toEqual([
      {
        ...full,
        quantity: null,
        unit: 'EA',
        start_time: chTime(t, 6, 456),
        end_time: chTime(t + 250, 6, 789),
        attempt: 3,
        payload: '{"qty":12,"note":"naïve"}',
        attributes: { tenant: 'acme', retries: '2', urgent: 'true', schlüssel: 'wert ü' },
      },
      {
        ...minimal,
        parent_hop_id: '',
        system: '',
        plant: '',
        line: '',
        asset: '',
        order_id: '',
        material: '',
        batch: '',
        event_type: '',
        unit: '',
        start_time: chTime(t, 6),
        end_time: chTime(t, 6),
        error_code: '',
        error_message: '',
        attempt: 1,
        business_key: '',
        payload: '',
        attributes: {},
      },
      {
        hop_id: 'rb-hop-3',
        correlation_id: 'c-3',
        parent_hop_id: '',
        flow: 'production_confirmation',
        stage: 'gateway',
        system: '',
        plant: 'P1',
        line: '',
        asset: '',
        order_id: '',
        material: '',
        batch: '',
        event_type: '',
        quantity: 1.25,
        unit: 'KG',
        start_time: chTime(t, 6, 0),
        end_time: chTime(t, 6, 0),
        status: 'error',
        error_code: 'E42',
        error_message: '',
        attempt: 65535,
        business_key: '',
        payload: 'raw text',
        attributes: {},
      },
    ]);
  });

  it('stores device events and ERP postings written as Native blocks with the values sent', async () => {
    const t = Date.now() - 400 * DAY_MS; // within their 730-day retention
    const event = {
      event_id: 'rb-evt-1',
      event_time: new Date(t).toISOString(),
      plant: 'Usine Lyon',
      line: 'Ligne 2',
      asset: 'Four à gaz',
      order_id: 'ORD-1',
      material: 'Pièce ø 5',
      event_type: 'scrap',
      quantity: null,
      unit: 'KILOGRAM',
      attributes: { cause: 'fissure', count: 3 },
    };
    const posting = {
      document_id: 'rb-doc-1',
      posted_at: t,
      plant: 'Usine Lyon',
      flow: null,
      order_id: 'ORD-1',
      material: 'Pièce ø 5',
      posting_type: 'scrap_posting',
      quantity: 4.75,
      unit: 'each',
      device_event_id: 'rb-evt-1',
      reverses_document_id: null,
      attributes: { référence: 'Ä-1' },
    };
    const events = deviceEventSpec('http');
    const postings = erpPostingSpec('http');
    for (const [spec, record] of [
      [events, event],
      [postings, posting],
    ] as const) {
      await insertNative(db.client, spec.table, spec.columnNames, [spec.encoder.encode(rowsOf(spec, [record]))]);
    }

    expect(await queryRows(db.client, "SELECT * EXCEPT ingested_at FROM device_events WHERE event_id = 'rb-evt-1'")).toEqual([
      {
        ...event,
        event_time: chTime(t, 3),
        quantity: 0,
        unit: 'KG',
        attributes: { cause: 'fissure', count: '3' },
        source: 'http',
      },
    ]);
    expect(await queryRows(db.client, "SELECT * EXCEPT ingested_at FROM erp_postings WHERE document_id = 'rb-doc-1'")).toEqual([
      { ...posting, posted_at: chTime(t, 3), flow: '', unit: 'EA', reverses_document_id: '', source: 'http' },
    ]);
  });
});
