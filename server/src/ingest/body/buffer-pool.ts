/**
 * Large buffers kept for reuse. Request bodies and their encoded blocks are megabytes each;
 * allocating fresh ones per request made V8 collect the whole heap every few dozen megabytes of them
 * (external memory pressure), ~20% of the server's CPU under load (docs/benchmarks.md). A released
 * buffer must not be used again.
 */
/** The smallest buffer a BufferPool keeps by default: larger than any Node-internal slab (8 KiB). */
export const POOL_MIN_BYTES = 64 * 1024;

export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  /**
   * `maxKept` buffers are kept at most, none larger than `maxBytes` (a rare huge body is let go);
   * sizes are rounded up to powers of two from `minBytes`.
   */
  constructor(
    private readonly maxKept = 8,
    private readonly maxBytes = 16 * 1024 * 1024,
    private readonly minBytes = POOL_MIN_BYTES,
  ) {}

  /** A buffer of at least `bytes` bytes (its whole capacity; contents undefined). */
  acquire(bytes: number): Buffer {
    for (let i = 0; i < this.free.length; i++) {
      if (this.free[i].byteLength >= bytes) return Buffer.from(this.free.splice(i, 1)[0]);
    }
    let size = this.minBytes;
    while (size < bytes) size *= 2;
    return Buffer.from(new ArrayBuffer(size));
  }

  /**
   * Gives back a buffer from acquire() (or a view of one, or a buffer of its own of at least the
   * minimum size); ignores smaller ones and one moved to another thread (its length is then 0).
   */
  release(buf: Buffer): void {
    const ab = buf.buffer;
    if (!(ab instanceof ArrayBuffer) || ab.byteLength < this.minBytes || ab.byteLength > this.maxBytes) return;
    if (this.free.length >= this.maxKept || this.free.includes(ab)) return;
    this.free.push(ab);
  }
}

/** This thread's pool for request bodies (read-body.ts) and the blocks encoded from them. */
export const largeBuffers = new BufferPool();
