import { describe, expect, it } from 'vitest';
import { paramChunks, queryInParts } from './param-chunks';

describe('long parameter lists', () => {
  it('splits a list into parts that each fit, keeping every value once and in order', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `mi_${String(i).padStart(32, '0')}`);
    const parts = paramChunks(ids);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.reduce((n, v) => n + v.length + 4, 0)).toBeLessThanOrEqual(60_000);
    expect(parts.flat()).toEqual(ids);
  });

  it('keeps a short list in one query', async () => {
    const calls: string[][] = [];
    const rows = await queryInParts(['a', 'b'], async (part) => {
      calls.push(part);
      return part.map((v) => v.toUpperCase());
    });
    expect(calls).toEqual([['a', 'b']]);
    expect(rows).toEqual(['A', 'B']);
  });
});
