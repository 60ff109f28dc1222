/**
 * Coalesces the rows of concurrent requests for one table into fewer, larger inserts (fewer parts
 * for ClickHouse to write and merge). Each caller's promise settles when the insert holding its
 * rows has been acknowledged by ClickHouse, so a 2xx still means "stored", and a failed insert fails
 * every request in it (they all answer 503 and their clients retry; rows collapse on their ids).
 */
export class InsertBatcher {
  private rows: unknown[][] = [];
  private waiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly insert: (rows: unknown[][]) => Promise<void>,
    private readonly maxRows: number,
    private readonly maxWaitMs: number,
  ) {}

  add(rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (rows.length >= this.maxRows) return this.insert(rows);
    return new Promise<void>((resolve, reject) => {
      for (const r of rows) this.rows.push(r);
      this.waiters.push({ resolve, reject });
      // flush() never rejects: an insert failure is delivered to each waiter instead.
      if (this.rows.length >= this.maxRows) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.maxWaitMs);
    });
  }

  /** Sends what is pending now (also used at shutdown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.rows;
    const waiters = this.waiters;
    this.rows = [];
    this.waiters = [];
    return this.insert(rows).then(
      () => waiters.forEach((w) => w.resolve()),
      (err: unknown) => waiters.forEach((w) => w.reject(err)),
    );
  }
}
