import { describe, expect, it } from 'vitest';
import { UnitTable } from '../units/unit-table';
import { hopSpec } from './hop.record';
import { isRowError } from './row-error';
import { BASE_STAGES } from '../../domain/vocabulary';

const ctx = { units: new UnitTable([{ code: 'EA', aliases: ['pcs'] }]), plants: null, stages: new Set<string>(BASE_STAGES) };
const hop = (extra: Record<string, unknown>) => ({
  hop_id: 'h1',
  correlation_id: 'c1',
  flow: 'goods_receipt',
  stage: 'device',
  start_time: new Date(Date.now() - 3_600_000).toISOString(),
  status: 'ok',
  ...extra,
});

describe('hop strings that cannot be stored as UTF-8', () => {
  it('refuses an unpaired surrogate, naming the field: two different ids must not be stored as one', () => {
    // JSON.parse('"h\\ud800"') and '"h\\udbff"' are valid JSON and different strings; as UTF-8 both would be "h\uFFFD".
    for (const id of [JSON.parse('"h\\ud800"') as string, JSON.parse('"h\\udbff"') as string]) {
      expect(hopSpec.toRow(hop({ hop_id: id }), ctx)).toEqual({
        field: 'hop_id',
        reason: expect.stringContaining('unpaired UTF-16 surrogate') as unknown,
      });
    }
    expect(hopSpec.toRow(hop({ attributes: { [JSON.parse('"k\\udc00"') as string]: 'v' } }), ctx)).toMatchObject({
      field: 'attributes',
    });
  });

  it('accepts characters outside the BMP (a valid surrogate pair) and other Unicode', () => {
    const row = hopSpec.toRow(hop({ hop_id: 'h-😀', asset: 'Presse über Tür', attributes: { ключ: '値' } }), ctx);
    expect(isRowError(row)).toBe(false);
  });
});

describe('hop string lengths', () => {
  it('counts characters (code points), as docs/api.md says: an emoji counts as 1, like an accented letter', () => {
    expect(isRowError(hopSpec.toRow(hop({ hop_id: '😀'.repeat(128) }), ctx))).toBe(false);
    expect(hopSpec.toRow(hop({ hop_id: '😀'.repeat(129) }), ctx)).toMatchObject({ field: 'hop_id' });
    expect(isRowError(hopSpec.toRow(hop({ hop_id: 'é'.repeat(128) }), ctx))).toBe(false);
    expect(hopSpec.toRow(hop({ hop_id: 'é'.repeat(129) }), ctx)).toMatchObject({ field: 'hop_id' });
  });
});
