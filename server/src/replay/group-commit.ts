import type { ClickHouseService } from '../clickhouse/clickhouse.service';

interface Pending {
  rows: object[];
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
  timer: NodeJS.Timeout;
}

/**
 * Rows of many replay jobs written to one table as one insert: each `write` resolves once its rows are
 * stored, so a job is done only when what it did is in ClickHouse, and a thousand jobs a second make a
 * few inserts a second instead of a thousand.
 */
export class GroupCommit {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly waitMs = 50,
    private readonly maxRows = 5000,
  ) {}

  write(table: string, rows: object[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let p = this.pending.get(table);
      if (!p) {
        p = { rows: [], waiters: [], timer: setTimeout(() => void this.flush(table), this.waitMs) };
        this.pending.set(table, p);
      }
      p.rows.push(...rows);
      p.waiters.push({ resolve, reject });
      if (p.rows.length >= this.maxRows) void this.flush(table);
    });
  }

  private async flush(table: string): Promise<void> {
    const p = this.pending.get(table);
    if (!p) return;
    this.pending.delete(table);
    clearTimeout(p.timer);
    try {
      await this.clickhouse.insert(table, p.rows);
      for (const w of p.waiters) w.resolve();
    } catch (err) {
      for (const w of p.waiters) w.reject(err);
    }
  }
}
