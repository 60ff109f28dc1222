import type { ClickHouseService } from '../clickhouse/clickhouse.service';
import { POSTED_KEYS, SENT_REPLAYS } from './replay.queries';

interface Waiter {
  resolve: (value: string) => void;
  reject: (err: unknown) => void;
}

/**
 * A question about one key asked by many jobs at once: keys asked within a few milliseconds go to
 * ClickHouse as one query (`lookup` answers a value per key it knows; '' for the others).
 */
export class BatchedLookup {
  private waiting = new Map<string, Waiter[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly lookup: (keys: string[]) => Promise<Map<string, string>>,
    private readonly waitMs = 50,
    private readonly maxKeys = 2000,
  ) {}

  get(key: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(key) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(key, list);
      if (this.waiting.size >= this.maxKeys) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.waitMs);
    });
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = new Map();
    if (batch.size === 0) return;
    try {
      const found = await this.lookup([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key) ?? '');
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  }
}

/** "Is there an ERP posting for this business key now?", asked of the postings Syncline ingested: the document id, or ''. */
export function postedCheck(clickhouse: ClickHouseService): BatchedLookup {
  return new BatchedLookup(async (keys) => {
    const rows = await clickhouse.query<{ business_key: string; document_id: string }>({
      name: 'replay.erp_check',
      sql: POSTED_KEYS,
      params: { keys },
    });
    return new Map(rows.map((r) => [r.business_key, r.document_id]));
  });
}

/** "When did a replay last send this message?": milliseconds as text, or ''. */
export function sentCheck(clickhouse: ClickHouseService): BatchedLookup {
  return new BatchedLookup(async (ids) => {
    const rows = await clickhouse.query<{ correlation_id: string; sent_ms: string }>({
      name: 'replay.sent_check',
      sql: SENT_REPLAYS,
      params: { ids },
    });
    return new Map(rows.map((r) => [r.correlation_id, r.sent_ms]));
  });
}

/**
 * The same question asked of the ERP itself: GET the target's lookup URL with the business key;
 * 2xx means posted (the body's document_id, if any), 404 means not posted, anything else is an error
 * (the job retries rather than risk a duplicate).
 */
export async function lookupPosted(
  lookupUrl: string,
  businessKey: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<string> {
  const url = lookupUrl.replaceAll('{businessKey}', encodeURIComponent(businessKey));
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (res.status === 404) {
    await res.body?.cancel();
    return '';
  }
  if (!res.ok) throw new Error(`ERP lookup answered HTTP ${res.status}`);
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { document_id?: unknown };
    return typeof body.document_id === 'string' && body.document_id ? body.document_id : 'posted';
  } catch {
    return 'posted';
  }
}
