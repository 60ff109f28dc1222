import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';

describe('BufferPool', () => {
  it('hands out buffers of at least the size asked for, in powers of two from its minimum', () => {
    const pool = new BufferPool(4, 1 << 20, 1024);
    expect(pool.acquire(0).length).toBe(1024);
    expect(pool.acquire(1024).length).toBe(1024);
    expect(pool.acquire(1025).length).toBe(2048);
    expect(pool.acquire(300_000).length).toBe(524_288);
  });

  it('reuses a released buffer for a request it is large enough for, and not for a larger one', () => {
    const pool = new BufferPool(4, 1 << 20, 1024);
    const a = pool.acquire(4000);
    pool.release(a.subarray(0, 10)); // a view of it gives back the whole buffer
    expect(pool.acquire(9000).buffer).not.toBe(a.buffer);
    const again = pool.acquire(3000);
    expect(again.buffer).toBe(a.buffer);
    expect(pool.acquire(3000).buffer).not.toBe(a.buffer); // handed out once, not twice
  });

  it('never hands out one buffer twice, even when it is released twice', () => {
    const pool = new BufferPool(4, 1 << 20, 1024);
    const a = pool.acquire(1);
    pool.release(a);
    pool.release(a);
    expect(pool.acquire(1).buffer).toBe(a.buffer);
    expect(pool.acquire(1).buffer).not.toBe(a.buffer);
  });

  it('keeps at most maxKept buffers, none larger than maxBytes', () => {
    const pool = new BufferPool(2, 4096, 1024);
    const kept = [pool.acquire(1), pool.acquire(1), pool.acquire(1)];
    const huge = pool.acquire(5000);
    kept.forEach((b) => pool.release(b));
    pool.release(huge);
    const out = [pool.acquire(1), pool.acquire(1), pool.acquire(1)].map((b) => b.buffer);
    expect(out.filter((b) => kept.some((k) => k.buffer === b))).toHaveLength(2);
    expect(pool.acquire(5000).buffer).not.toBe(huge.buffer);
  });

  it('adopts a buffer of its own of at least the minimum size, and ignores smaller ones', () => {
    const pool = new BufferPool(4, 1 << 20, 1024);
    const small = Buffer.from(new ArrayBuffer(512));
    const own = Buffer.from(new ArrayBuffer(2048));
    pool.release(small);
    expect(pool.acquire(100).buffer).not.toBe(small.buffer);
    pool.release(own);
    expect(pool.acquire(2000).buffer).toBe(own.buffer);
  });

  it('ignores a buffer that was moved to another thread', () => {
    const pool = new BufferPool(4, 1 << 20, 1024);
    const a = pool.acquire(1);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(a, [a.buffer as ArrayBuffer]);
    port1.close();
    port2.close();
    pool.release(a);
    const next = pool.acquire(1);
    expect(next.length).toBe(1024);
    expect(next.buffer).not.toBe(a.buffer);
  });
});
