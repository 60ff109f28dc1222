import type { ClickHouseClient } from '@clickhouse/client';
import { insertNative } from '../clickhouse/clickhouse.service';
import { deviceEventSpec } from '../ingest/records/device-event.record';
import { erpPostingSpec } from '../ingest/records/erp-posting.record';
import { hopSpec } from '../ingest/records/hop.record';
import { isRowError } from '../ingest/records/row-error';
import type { NormalizeContext, RecordSpec } from '../ingest/records/record-spec';
import { BASE_STAGES } from '../domain/vocabulary';
import { UnitTable } from '../ingest/units/unit-table';
import type { GroundTruthRecord, SimulatedBatch } from '../simulator';

const devices = deviceEventSpec('simulator');
const postings = erpPostingSpec('simulator');
const FLUSH_ROWS = 100_000;

/**
 * Writes simulated records straight into ClickHouse (the backfill path), normalized by the same
 * record specs as ingest, in inserts of up to 100,000 rows per table.
 */
export class SimWriter {
  private readonly pending = new Map<RecordSpec, unknown[][]>();
  private truth: Record<string, unknown>[] = [];
  readonly counts = { deviceEvents: 0, hops: 0, erpPostings: 0, groundTruth: 0 };

  constructor(
    private readonly client: ClickHouseClient,
    private readonly ctx: NormalizeContext,
    private readonly runId: string,
  ) {}

  static async create(client: ClickHouseClient, runId: string): Promise<SimWriter> {
    const rs = await client.query({ query: 'SELECT code, aliases FROM units FINAL', format: 'JSONEachRow' });
    const units = new UnitTable(await rs.json<{ code: string; aliases: string[] }>());
    return new SimWriter(client, { units, plants: null, stages: new Set(BASE_STAGES) }, runId);
  }

  async add(batch: SimulatedBatch): Promise<void> {
    this.queue(devices, batch.deviceEvents);
    this.queue(hopSpec, batch.hops);
    this.queue(postings, batch.erpPostings);
    for (const g of batch.groundTruth) this.truth.push(this.truthRow(g));
    this.counts.deviceEvents += batch.deviceEvents.length;
    this.counts.hops += batch.hops.length;
    this.counts.erpPostings += batch.erpPostings.length;
    this.counts.groundTruth += batch.groundTruth.length;
    for (const [spec, rows] of this.pending) if (rows.length >= FLUSH_ROWS) await this.flushSpec(spec);
  }

  async flush(): Promise<void> {
    for (const spec of this.pending.keys()) await this.flushSpec(spec);
    if (this.truth.length) {
      await this.client.insert({ table: 'sim_ground_truth', values: this.truth, format: 'JSONEachRow' });
      this.truth = [];
    }
  }

  private queue(spec: RecordSpec, records: readonly unknown[]) {
    let rows = this.pending.get(spec);
    if (!rows) this.pending.set(spec, (rows = []));
    for (let i = 0; i < records.length; i++) {
      const r = spec.toRow(records[i], this.ctx);
      // The simulator's own tests keep its records valid; one that is not is a simulator defect.
      if (isRowError(r)) throw new Error(`simulated ${spec.kind} record is invalid: ${r.field} ${r.reason}`);
      rows.push(r);
    }
  }

  private async flushSpec(spec: RecordSpec) {
    const rows = this.pending.get(spec);
    if (!rows?.length) return;
    this.pending.set(spec, []);
    await insertNative(this.client, spec.table, spec.columnNames, [spec.encoder.encode(rows)]);
  }

  private truthRow(g: GroundTruthRecord): Record<string, unknown> {
    return { ...g, run_id: this.runId, injected_at: Date.parse(g.injected_at) };
  }
}
