import { describe, expect, it } from 'vitest';
import { InsertBatcher } from './insert-batcher';

describe('InsertBatcher', () => {
  it('combines concurrent small batches into one insert and resolves each caller after it', async () => {
    const inserts: number[] = [];
    const b = new InsertBatcher(async (rows) => void inserts.push(rows.length), 100, 20);
    await Promise.all([b.add([[1], [2]]), b.add([[3]]), b.add([[4], [5], [6]])]);
    expect(inserts).toEqual([6]);
  });

  it('flushes as soon as the buffer reaches maxRows, and sends large batches straight through', async () => {
    const inserts: number[] = [];
    const b = new InsertBatcher(async (rows) => void inserts.push(rows.length), 4, 10_000);
    await Promise.all([b.add([[1], [2]]), b.add([[3], [4]])]);
    await b.add([[1], [2], [3], [4], [5]]);
    expect(inserts).toEqual([4, 5]);
  });

  it('answers an empty batch at once without an insert', async () => {
    const inserts: number[] = [];
    const b = new InsertBatcher(async (rows) => void inserts.push(rows.length), 100, 10_000);
    await expect(b.add([])).resolves.toBeUndefined();
    expect(inserts).toEqual([]);
  });

  it('fails every caller whose rows were in a failed insert, and keeps working afterwards', async () => {
    let fail = true;
    const b = new InsertBatcher(
      async () => {
        if (fail) throw new Error('ClickHouse down');
      },
      100,
      5,
    );
    const results = await Promise.allSettled([b.add([[1]]), b.add([[2]])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(b.add([[3]])).resolves.toBeUndefined();
  });
});
