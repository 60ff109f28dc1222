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
  it('sends rows at once when no other request is on its way, and waits for announced ones to go together', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 10_000, maxInFlight: 2 });
    const lone = batcher.add(chunk(9), 1);
    await tick();
    expect(inserts.map((i) => i.rows)).toEqual([1]); // nobody else announced: no waiting
    const b = batcher.expect();
    const c = batcher.expect();
    const a = batcher.add(chunk(1, 2), 2);
    await tick();
    expect(inserts).toHaveLength(1); // b and c are on their way
    const bStored = b.add(chunk(3), 1);
    await tick();
    expect(inserts).toHaveLength(1);
    const cStored = c.add(chunk(4, 5, 6), 3);
    await tick();
    expect(inserts.slice(1).map((i) => [i.bytes, i.rows])).toEqual([[[1, 2, 3, 4, 5, 6], 6]]);
    inserts.forEach((i) => i.done());
    await expect(Promise.all([lone, a, bStored, cStored])).resolves.toHaveLength(4);
  });

  it('stops waiting for an announced request whose rows are refused (overloaded) or that has none', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 10_000, maxInFlight: 1, maxPendingRows: 3 });
    const overloaded = batcher.expect();
    const empty = batcher.expect();
    const waiting = batcher.add(chunk(1, 1, 1), 3);
    await tick();
    expect(inserts).toHaveLength(0); // two requests announced
    await expect(empty.add(Buffer.alloc(0), 0)).resolves.toBeUndefined();
    await tick();
    expect(inserts).toHaveLength(0); // one still announced
    await expect(overloaded.add(chunk(2, 2), 2)).rejects.toThrow('overloaded');
    await tick();
    expect(inserts.map((i) => i.bytes)).toEqual([[1, 1, 1]]); // not held for the refused one
    inserts[0].done();
    await waiting;
  });

  it('stops waiting for a request that cancels, and for one that takes longer than maxWaitMs', async () => {
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 30, maxInFlight: 2 });
    const late = batcher.expect();
    const refused = batcher.expect();
    const a = batcher.add(chunk(1), 1);
    refused.cancel();
    refused.cancel(); // twice: still one request less, not two
    await tick();
    expect(inserts).toHaveLength(0); // `late` is still on its way
    await sleep(60);
    expect(inserts.map((i) => i.bytes)).toEqual([[1]]); // waited maxWaitMs, no longer
    inserts[0].done();
    await a;
    const lateStored = late.add(chunk(2), 1);
    late.cancel(); // after add: no effect
    await tick();
    expect(inserts.map((i) => i.bytes)).toEqual([[1], [2]]); // nobody else on the way
    inserts[1].done();
    await lateStored;
    const next = batcher.expect();
    const c = batcher.add(chunk(3), 1);
    await tick();
    expect(inserts).toHaveLength(2); // a new announcement is waited for again
    next.cancel();
    await tick();
    expect(inserts.map((i) => i.bytes)).toEqual([[1], [2], [3]]);
    inserts[2].done();
    await c;
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
    const { batcher, inserts } = recording({ maxRows: 100, maxWaitMs: 10_000, maxInFlight: 2 });
    const second = batcher.expect();
    const failed = Promise.allSettled([batcher.add(chunk(1), 1), second.add(chunk(2), 1)]);
    await tick();
    expect(inserts.map((i) => i.bytes)).toEqual([[1, 2]]);
    inserts[0].fail(new Error('ClickHouse down'));
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = batcher.add(chunk(3), 1);
    await tick();
    inserts[1].done();
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
