import { describe, expect, it } from 'vitest';
import { BASE_STAGES } from '../../domain/vocabulary';
import { deviceEventSpec } from '../records/device-event.record';
import { hopSpec } from '../records/hop.record';
import type { NormalizeContext, RecordSpec } from '../records/record-spec';
import { UnitTable } from '../units/unit-table';
import { encodeBody } from './encode-body';

/**
 * A cluster's ingest splits each body by plant (ADR 0011): each plant's block must be exactly the block
 * that plant's records alone would have made, on the direct path and the general one.
 */
const ctx: NormalizeContext = {
  units: new UnitTable([{ code: 'EA', aliases: ['pcs'] }]),
  plants: null,
  stages: new Set(BASE_STAGES),
};
const LIMITS = { maxRows: 10_000, limitName: 'INGEST_MAX_ROWS' };
const at = (i: number) => new Date(Date.now() - 3_600_000 + i * 1000).toISOString();

// Runs of one plant and plants changing every record; one hop with no plant; an escaped string (the general path).
const PLANTS = ['P1', 'P1', 'P1', 'P2', 'P1', 'P3', 'P2', 'P2', undefined, 'P3', 'P1'];
const hops = PLANTS.map((plant, i) => ({
  hop_id: `h${i}`,
  correlation_id: `c${i}`,
  flow: 'production_confirmation',
  stage: 'device',
  ...(plant ? { plant } : {}),
  start_time: at(i),
  status: 'ok',
  ...(i === 4 ? { error_message: 'a "quoted" text' } : {}),
}));
const events = PLANTS.map((plant, i) => ({
  event_id: `E${i}`,
  event_time: at(i),
  plant: plant ?? 'P9',
  line: 'L1',
  asset: 'A1',
  order_id: 'O1',
  material: 'M1',
  event_type: 'cycle_complete',
  quantity: i + 1,
  unit: 'pcs',
}));

const ndjson = (records: object[]) => Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'));

function parts(spec: RecordSpec, records: object[], contentType: string, byPlant: boolean) {
  const body = contentType === 'application/json' ? Buffer.from(JSON.stringify(records)) : ndjson(records);
  const out = encodeBody(spec, body, contentType, ctx, LIMITS, byPlant);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.parts.map((p) => ({ ...p, block: Buffer.from(p.block) }));
}

describe('ingest split by plant (a cluster)', () => {
  for (const [kind, spec, records] of [
    ['hops (direct path for NDJSON)', hopSpec, hops],
    ['device events (general path)', deviceEventSpec('http'), events],
  ] as const) {
    for (const contentType of ['application/x-ndjson', 'application/json']) {
      it(`${kind} as ${contentType}: one block per plant, each what its records alone make`, () => {
        const split = parts(spec, records, contentType, true);
        const plantOf = (r: object) => (r as { plant?: string }).plant ?? '';
        const plants = [...new Set(records.map(plantOf))];
        expect(split.map((p) => p.plant).sort()).toEqual(plants.sort());
        for (const part of split) {
          const own = records.filter((r) => plantOf(r) === part.plant);
          const [alone] = parts(spec, own, contentType, false);
          expect(part.rows, part.plant!).toBe(own.length);
          expect(alone.plant).toBeNull();
          expect(part.block.equals(alone.block), `plant "${part.plant}"`).toBe(true);
        }
        const whole = parts(spec, records, contentType, false);
        expect(whole).toHaveLength(1);
        expect(whole[0].rows).toBe(records.length);
      });
    }
  }

  it('refuses a body with an invalid record whole, split or not', () => {
    const bad = [...hops.slice(0, 3), { ...hops[3], status: 'lost' }];
    for (const byPlant of [true, false]) {
      const out = encodeBody(hopSpec, ndjson(bad), 'application/x-ndjson', ctx, LIMITS, byPlant);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.errors.map((e) => [e.index, e.field])).toEqual([[3, 'status']]);
    }
  });
});
