import type { ReplayRequestResult } from './replay.service';

/** Items of a replay request written into its audit record (the rest are counted). */
export const AUDIT_ITEMS_MAX = 200;

/** What the audit trail keeps of a replay request's result: its plants, and the counts and first items. */
export function replayAuditSummary(result: ReplayRequestResult) {
  return {
    plants: [...new Set(result.items.map((i) => i.plant).filter(Boolean))],
    after: {
      dryRun: result.dryRun,
      toSend: result.toSend,
      skipped: result.skipped,
      items: result.items
        .slice(0, AUDIT_ITEMS_MAX)
        .map((i) => ({ finding: i.findingId, correlationId: i.correlationId, send: i.send, skip: i.skip })),
    },
  };
}
