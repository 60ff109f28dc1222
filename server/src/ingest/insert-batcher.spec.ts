import { describe, expect, it } from 'vitest';
import { InsertBatcher, type InsertBatcherOptions } from './insert-batcher';

const chunk = (...bytes: number[]) => Buffer.from(bytes);

type Timing = Pick<InsertBatcherOptions, 'maxRows' | 'maxWaitMs' | 'maxInFlight'> & Partial<InsertBatcherOptions>;

/** A batcher whose inserts are recorded and complete only when the test says so. */
function recording(timing: Timing) {
  const options: InsertBatcherOptions = {
    maxInsertRows: 1_000_000,
    maxPendingRows: 1_000_000,
    overloaded: (pending) => new Error(`overloaded: ${pending} rows waiting`),
    ...timing,
  };
  const inserts: { bytes: number[]; rows: number; done: () => void; fail: (e: Error) => void }[] = [];
  const batcher = new InsertBatcher(
    (chunks, rows) =>
      new Promise<void>((resolve, reject) => {
        inserts.push({ bytes: [...Buffer.concat(chunks)], rows, done: resolve, fail: reject });
      }),
    options,
  );
  return { batcher, inserts };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('InsertBatcher', () => {
  it('sends the rows of an idle batcher at once, then combines concurrent small batches into one insert', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 20, maxInFlight: 2 });
    const first = batcher.add(chunk(9), 1);
    await tick();
    expect(inserts.map((i) => i.rows)).toEqual([1]); // idle: no company is coming, no waiting
    const all = Promise.all([batcher.add(chunk(1, 2), 2), batcher.add(chunk(3), 1), batcher.add(chunk(4, 5, 6), 3)]);
    await tick();
    expect(inserts).toHaveLength(1); // busy: small batches wait for company
    await sleep(40);
    expect(inserts.slice(1).map((i) => [i.bytes, i.rows])).toEqual([[[1, 2, 3, 4, 5, 6], 6]]);
    inserts.forEach((i) => i.done());
    await first;
    await expect(all).resolves.toHaveLength(3);
  });

  it('is idle again once nothing was sent for maxWaitMs: the next rows go at once', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 20, maxInFlight: 2 });
    const first = batcher.add(chunk(1), 1);
    await tick();
    inserts[0].done();
    await first;
    const soon = batcher.add(chunk(2), 1);
    await tick();
    expect(inserts).toHaveLength(1); // 0 ms after a send: still busy
    await sleep(40);
    inserts[1].done();
    await soon;
    await sleep(30); // nothing sent for longer than maxWaitMs
    const later = batcher.add(chunk(3), 1);
    await tick();
    expect(inserts.map((i) => i.bytes)).toEqual([[1], [2], [3]]);
    inserts[2].done();
    await later;
  });

  it('sends a batch of maxRows at once when a slot is free', async () => {
    const { batcher, inserts } = recording({ maxRows: 4, maxWaitMs: 10_000, maxInFlight: 2 });
    const first = batcher.add(chunk(1, 2, 3, 4), 4);
    await tick();
    expect(inserts.map((i) => i.rows)).toEqual([4]);
    inserts[0].done();
    await first;
  });

  it('group-commits: rows arriving while every slot is busy go together in the next insert', async () => {
    const { batcher, inserts } = recording({ maxRows: 2, maxWaitMs: 10_000, maxInFlight: 1 });
    const a = batcher.add(chunk(1, 1), 2);
    await tick();
    const b = batcher.add(chunk(2, 2), 2);
    const c = batcher.add(chunk(3, 3), 2);
    await tick();
    expect(inserts.map((i) => i.rows)).toEqual([2]); // b and c wait for the slot
    let bDone = false;
    void b.then(() => (bDone = true));
    inserts[0].done();
    await a;
    await tick();
    expect(inserts.map((i) => i.bytes)).toEqual([
      [1, 1],
      [2, 2, 3, 3],
    ]);
    expect(bDone).toBe(false); // not answered before its own insert is stored
    inserts[1].done();
    await Promise.all([b, c]);
  });

  it('answers an empty batch at once without an insert', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 10_000, maxInFlight: 2 });
    await expect(batcher.add(Buffer.alloc(0), 0)).resolves.toBeUndefined();
    expect(inserts).toEqual([]);
  });

  it('fails every caller whose rows were in a failed insert, and keeps working afterwards', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 5, maxInFlight: 2 });
    const busy = batcher.add(chunk(0), 1); // sent at once; the next two go together
    const failed = Promise.allSettled([batcher.add(chunk(1), 1), batcher.add(chunk(2), 1)]);
    await sleep(20);
    expect(inserts.map((i) => i.bytes)).toEqual([[0], [1, 2]]);
    inserts[1].fail(new Error('ClickHouse down'));
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    inserts[0].done();
    await busy;
    const next = batcher.add(chunk(3), 1);
    await sleep(20);
    inserts[2].done();
    await expect(next).resolves.toBeUndefined();
  });

  it('flush sends what is pending without waiting and resolves when every insert is stored', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 60_000, maxInFlight: 1 });
    const pending = batcher.add(chunk(7), 1);
    let flushed = false;
    const flushing = batcher.flush().then(() => (flushed = true));
    await tick();
    expect(inserts.map((i) => i.rows)).toEqual([1]);
    expect(flushed).toBe(false);
    inserts[0].done();
    await Promise.all([pending, flushing]);
    expect(flushed).toBe(true);
  });

  it('splits a backlog into inserts of at most maxInsertRows, never splitting a request', async () => {
    const { batcher, inserts } = recording({ maxRows: 2, maxWaitMs: 10_000, maxInFlight: 1, maxInsertRows: 6 });
    const first = batcher.add(chunk(0, 0), 2);
    await tick();
    // ClickHouse is slow: 10 requests of 2 rows and one of 9 pile up behind the running insert.
    const later = [
      ...Array.from({ length: 10 }, (_, i) => batcher.add(chunk(i + 1, i + 1), 2)),
      batcher.add(chunk(...Array.from({ length: 9 }, () => 99)), 9),
    ];
    for (let n = 0; n < 10; n++) {
      inserts.forEach((i) => i.done());
      await tick();
    }
    await Promise.all([first, ...later]);
    expect(inserts.map((i) => i.rows)).toEqual([2, 6, 6, 6, 2, 9]);
    expect(inserts[1].bytes).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('refuses new rows beyond maxPendingRows with the overloaded error, and accepts them again once drained', async () => {
    const { batcher, inserts } = recording({ maxRows: 2, maxWaitMs: 10_000, maxInFlight: 1, maxPendingRows: 4 });
    const first = batcher.add(chunk(0, 0), 2);
    await tick();
    const queued = [batcher.add(chunk(1, 1), 2), batcher.add(chunk(2, 2), 2)];
    await expect(batcher.add(chunk(3, 3), 2)).rejects.toThrow('overloaded: 4 rows waiting');
    inserts[0].done();
    await first;
    await tick();
    inserts[1].done();
    await Promise.all(queued);
    const after = batcher.add(chunk(4, 4), 2);
    await tick();
    inserts[2].done();
    await expect(after).resolves.toBeUndefined();
  });
});
