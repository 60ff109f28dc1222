import type { ClickHouseService } from '../clickhouse/clickhouse.service';
import { paramChunks } from '../clickhouse/param-chunks';
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
    private readonly waitMs = 5,
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

/**
 * The two questions a job asks before it sends, of ClickHouse, as one query for all jobs asking within
 * 50 ms: `posted:<business key>` answers the document id of an ERP posting referencing it ('' if none);
 * `sent:<correlation id>` answers when a replay last sent the message (ms as text, '' if never).
 */
/** Of the findings `fids`, those closed (resolved or ignored) by now, with their status and who closed them. */
const CLOSED_FINDINGS = `
SELECT finding_id, status, actor FROM
(
  SELECT finding_id, argMax(status, tuple(at, event_id)) AS status, argMax(actor, tuple(at, event_id)) AS actor
  FROM finding_events WHERE kind = 'status' AND finding_id IN {fids:Array(String)}
  GROUP BY finding_id
)
WHERE status IN ('resolved_manual', 'resolved_auto', 'ignored')`;

export function preSendCheck(clickhouse: ClickHouseService): BatchedLookup {
  return new BatchedLookup(async (asked) => {
    const keys = asked.filter((k) => k.startsWith('posted:')).map((k) => k.slice(7));
    const ids = asked.filter((k) => k.startsWith('sent:')).map((k) => k.slice(5));
    const findings = asked.filter((k) => k.startsWith('closed:')).map((k) => k.slice(7));
    const [keyParts, idParts, findingParts] = [paramChunks(keys), paramChunks(ids), paramChunks(findings)];
    const rows: { key: string; value: string }[] = [];
    // The lists in one query when each fits in one parameter (the usual case), else part by part.
    for (let i = 0; i < Math.max(keyParts.length, idParts.length, findingParts.length, 1); i++)
      rows.push(
        ...(await clickhouse.query<{ key: string; value: string }>({
          name: 'replay.pre_send_check',
          sql: `SELECT concat('posted:', business_key) AS key, document_id AS value FROM (${POSTED_KEYS})
                UNION ALL
                SELECT concat('sent:', correlation_id) AS key, sent_ms AS value FROM (${SENT_REPLAYS})
                UNION ALL
                SELECT concat('closed:', finding_id) AS key, concat(status, '|', actor) AS value FROM (${CLOSED_FINDINGS})`,
          params: { keys: keyParts[i] ?? [], ids: idParts[i] ?? [], fids: findingParts[i] ?? [] },
        })),
      );
    return new Map(rows.map((r) => [r.key, r.value]));
  }, 50);
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
