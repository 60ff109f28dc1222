export interface InsertBatcherOptions {
  /** A pending batch this large is sent as soon as an insert slot is free. */
  maxRows: number;
  /**
   * A smaller batch waits at most this long for company before it is sent (when a slot is free), and
   * only while company is announced (expect()): with no other request on its way, it goes at once.
   */
  maxWaitMs: number;
  /** Inserts into this table running at once; while all are busy, new rows pile up into the next one. */
  maxInFlight: number;
  /** Most rows one insert carries (whole requests: a request larger than this goes alone). */
  maxInsertRows: number;
  /** Most rows waiting for an insert; beyond it, add() refuses with `overloaded()` (503, retry later). */
  maxPendingRows: number;
  overloaded: (pendingRows: number) => Error;
}

/** A request on its way to the batcher (see InsertBatcher.expect). */
export interface Arrival {
  /** Queues the request's rows, as InsertBatcher.add. */
  add(chunk: Buffer, rows: number): Promise<void>;
  /** The request will not add rows after all (refused, or nothing to store); no-op after add. */
  cancel(): void;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for one table: the encoded rows of concurrent requests are sent as one insert. Requests
 * announce themselves when they start (expect(), before their body is read); pending rows wait for the
 * announced ones, up to `maxWaitMs` or until `maxRows` are pending, and go at once when nobody else is
 * on the way, so a lone request adds no latency. Rows arriving while `maxInFlight` inserts are running
 * wait for the next free slot. Inserts grow with load instead of multiplying (fewer parts for
 * ClickHouse to write and merge, less CPU per row: docs/benchmarks.md).
 *
 * Each caller's promise settles when the insert holding its rows has been acknowledged by
 * ClickHouse, so a 2xx still means "stored", and a failed insert fails every request in it (they all
 * answer 503 and their clients retry; rows collapse on their ids).
 */
export class InsertBatcher {
  private chunks: Buffer[] = [];
  private counts: number[] = [];
  private rows = 0;
  private waiters: Waiter[] = [];
  private due = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  /** Requests announced by expect() that have neither added their rows nor cancelled. */
  private expected = 0;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly insert: (chunks: Buffer[], rows: number) => Promise<void>,
    private readonly options: InsertBatcherOptions,
  ) {}

  /** Announces a request that will add rows soon: until it does (or cancels), pending rows wait for it. */
  expect(): Arrival {
    let open = true;
    this.expected++;
    const settle = () => {
      if (!open) return false;
      open = false;
      this.expected--;
      return true;
    };
    return {
      add: (chunk, rows) => {
        settle();
        const stored = this.add(chunk, rows);
        this.pump(); // if add() refused the rows (none, or overloaded), others need not wait for them
        return stored;
      },
      cancel: () => {
        if (settle()) this.pump();
      },
    };
  }

  /** Queues `rows` rows encoded in `chunk`; resolves once they are stored. */
  add(chunk: Buffer, rows: number): Promise<void> {
    if (rows === 0) return Promise.resolve();
    // A stalled ClickHouse must not turn into unbounded memory and ever larger retried inserts.
    if (this.rows > 0 && this.rows + rows > this.options.maxPendingRows) {
      return Promise.reject(this.options.overloaded(this.rows));
    }
    return new Promise<void>((resolve, reject) => {
      this.chunks.push(chunk);
      this.counts.push(rows);
      this.rows += rows;
      this.waiters.push({ resolve, reject });
      if (this.rows < this.options.maxRows && !this.due) {
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.due = true;
          this.pump();
        }, this.options.maxWaitMs);
      }
      this.pump();
    });
  }

  /** Sends everything pending now and waits for every insert in flight (used at shutdown). */
  async flush(): Promise<void> {
    this.due = true;
    this.pump();
    while (this.inFlight > 0 || this.rows > 0) {
      await new Promise<void>((r) => this.idle.push(r));
      this.due = true;
      this.pump();
    }
  }

  private pump(): void {
    while (
      this.rows > 0 &&
      this.inFlight < this.options.maxInFlight &&
      (this.due || this.rows >= this.options.maxRows || this.expected === 0)
    ) {
      this.send();
    }
  }

  private send(): void {
    // Whole requests, oldest first, up to maxInsertRows (at least one request).
    let take = 0;
    let rows = 0;
    while (take < this.counts.length && (take === 0 || rows + this.counts[take] <= this.options.maxInsertRows)) {
      rows += this.counts[take++];
    }
    const chunks = this.chunks.splice(0, take);
    const waiters = this.waiters.splice(0, take);
    this.counts.splice(0, take);
    this.rows -= rows;
    // What is left has already waited: it goes as soon as a slot is free.
    this.due = this.rows > 0;
    if (!this.due && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.inFlight++;
    // Never rejects: an insert failure is delivered to each waiter instead.
    void this.insert(chunks, rows)
      .then(
        () => waiters.forEach((w) => w.resolve()),
        (err: unknown) => waiters.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        this.inFlight--;
        // Rows that piled up to maxRows, or whose wait ran out, while every slot was busy go now.
        this.pump();
        this.idle.splice(0).forEach((r) => r());
      });
  }
}
