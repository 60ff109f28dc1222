import { describe, expect, it } from 'vitest';
import { conversionClosure } from './reconcile-params';

const factorOf = (all: ReturnType<typeof conversionClosure>, material: string, from: string, to: string) =>
  all.find((c) => c.material === material && c.fromUnit === from && c.toUnit === to)?.factor;

describe('conversionClosure', () => {
  const closure = conversionClosure([
    { material: '', fromUnit: 'LB', toUnit: 'KG', factor: 0.45359237 },
    { material: '', fromUnit: 'KG', toUnit: 'G', factor: 1000 },
    { material: '', fromUnit: 'G', toUnit: 'KG', factor: 0.001 },
    { material: '', fromUnit: 'L', toUnit: 'ML', factor: 1000 },
    { material: 'M-CASE', fromUnit: 'CS', toUnit: 'EA', factor: 12 },
    { material: 'M-HEAVY', fromUnit: 'EA', toUnit: 'KG', factor: 2.5 },
  ]);

  it('chains conversions and adds the inverses, for every material', () => {
    expect(factorOf(closure, '', 'LB', 'G')).toBeCloseTo(453.59237, 9);
    expect(factorOf(closure, '', 'G', 'LB')).toBeCloseTo(1 / 453.59237, 12);
    expect(factorOf(closure, '', 'ML', 'L')).toBeCloseTo(0.001, 12);
    expect(factorOf(closure, '', 'KG', 'G')).toBe(1000); // a given conversion is used as given
    expect(factorOf(closure, '', 'EA', 'KG')).toBeUndefined(); // a material's own stays its own
  });

  it('gives a material its own conversions, their inverses, and chains through the global ones', () => {
    expect(factorOf(closure, 'M-CASE', 'CS', 'EA')).toBe(12);
    expect(factorOf(closure, 'M-CASE', 'EA', 'CS')).toBeCloseTo(1 / 12, 12);
    expect(factorOf(closure, 'M-HEAVY', 'EA', 'G')).toBeCloseTo(2500, 9);
    expect(factorOf(closure, 'M-HEAVY', 'LB', 'EA')).toBeCloseTo(0.45359237 / 2.5, 12);
    // Units its own conversions do not reach are left to the global entries.
    expect(closure.some((c) => c.material === 'M-CASE' && c.fromUnit === 'L')).toBe(false);
  });

  it("prefers a material's own factor to the global one for the same pair", () => {
    const own = conversionClosure([
      { material: '', fromUnit: 'KG', toUnit: 'G', factor: 1000 },
      { material: 'M-X', fromUnit: 'KG', toUnit: 'G', factor: 999 },
    ]);
    expect(factorOf(own, 'M-X', 'KG', 'G')).toBe(999);
    expect(factorOf(own, 'M-X', 'G', 'KG')).toBeCloseTo(1 / 999, 12);
    expect(factorOf(own, '', 'KG', 'G')).toBe(1000);
  });
});
