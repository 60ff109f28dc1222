import { describe, expect, it } from 'vitest';
import { MATERIALS, UNIT_CONVERSIONS, buildPlantModel, orderAt, toErpQuantity } from './plant-model';
import { DEFAULT_SIMULATOR_OPTIONS } from './simulator-options';

const material = (id: string) => MATERIALS.find((m) => m.material === id)!;

describe('buildPlantModel', () => {
  it('builds 3 plants x 4 lines x 5 assets with stable names by default', () => {
    const m = buildPlantModel(DEFAULT_SIMULATOR_OPTIONS);
    expect(m.plants.map((p) => p.id)).toEqual(['P1', 'P2', 'P3']);
    expect(m.lines).toHaveLength(12);
    expect(m.assets).toHaveLength(60);
    expect(m.lines[5].id).toBe('P2-L2');
    expect(m.assets[59].id).toBe('P3-L4-A5');
    expect(new Set(m.assets.map((a) => a.key)).size).toBe(60);
    expect(m.plants[1].calendar).toBe(DEFAULT_SIMULATOR_OPTIONS.calendars[1]);
  });

  it('keeps existing assets unchanged when the plant grows', () => {
    const small = buildPlantModel(DEFAULT_SIMULATOR_OPTIONS);
    const big = buildPlantModel({ ...DEFAULT_SIMULATOR_OPTIONS, plants: 5, linesPerPlant: 6 });
    const bigById = new Map(big.assets.map((a) => [a.id, a]));
    for (const a of small.assets) {
      expect(bigById.get(a.id)).toMatchObject({ key: a.key, piecesPerCycle: a.piecesPerCycle });
    }
  });

  it('runs one order per line at a time, changing every orderHours', () => {
    const m = buildPlantModel(DEFAULT_SIMULATOR_OPTIONS);
    const t = Date.UTC(2026, 10, 16, 9);
    const o = orderAt(m, m.lines[0], t);
    expect(o.startMs).toBeLessThanOrEqual(t);
    expect(o.endMs - o.startMs).toBe(8 * 3_600_000);
    expect(orderAt(m, m.lines[0], o.endMs - 1).id).toBe(o.id);
    expect(orderAt(m, m.lines[0], o.endMs).id).not.toBe(o.id);
    expect(orderAt(m, m.lines[1], t).id).not.toBe(o.id);
    const materials = new Set<string>();
    for (let i = 0; i < 200; i++) materials.add(orderAt(m, m.lines[i % 12], t + i * o.endMs).material.material);
    expect(materials.size).toBe(MATERIALS.length);
  });
});

describe('unit conversion master data', () => {
  it('books pieces of cased materials as cases of 12', () => {
    expect(material('FG-1002')).toMatchObject({ plantUnit: 'EA', erpUnit: 'CS' });
    expect(toErpQuantity(material('FG-1002'), 24)).toBe(2);
    expect(toErpQuantity(material('FG-1002'), 6)).toBeCloseTo(0.5, 12);
    expect(toErpQuantity(material('FG-1001'), 7)).toBe(7);
  });

  it('lists both directions for every material whose units differ, and none for the rest', () => {
    expect(UNIT_CONVERSIONS).toContainEqual({ material: 'FG-1002', from_unit: 'CS', to_unit: 'EA', factor: 12 });
    expect(UNIT_CONVERSIONS).toContainEqual({ material: 'FG-1002', from_unit: 'EA', to_unit: 'CS', factor: 1 / 12 });
    expect(UNIT_CONVERSIONS).toContainEqual({ material: 'FG-2001', from_unit: 'T', to_unit: 'KG', factor: 1000 });
    expect(UNIT_CONVERSIONS.some((c) => c.material === 'FG-1001')).toBe(false);
    expect(UNIT_CONVERSIONS).toHaveLength(2 * MATERIALS.filter((m) => m.plantUnit !== m.erpUnit).length);
    for (const c of UNIT_CONVERSIONS) {
      const back = UNIT_CONVERSIONS.find((x) => x.material === c.material && x.from_unit === c.to_unit)!;
      expect(c.factor * back.factor).toBeCloseTo(1, 12);
    }
  });
});
