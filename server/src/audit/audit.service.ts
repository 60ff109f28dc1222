import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import type { Principal } from '../domain/principal';
import { toAuditJson } from './redact';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  operation: string;
  outcome: AuditOutcome;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  error?: string;
  plants?: readonly string[];
  clientAddress?: string;
  requestId?: string;
}

export interface AuditActor {
  kind: string;
  id: string;
  role: string;
}

export interface AuditRow {
  id_text: string;
  at_text: string;
  actor_kind: string;
  actor_id: string;
  actor_role: string;
  operation: string;
  target_type: string;
  target_id: string;
  outcome: AuditOutcome;
  before: string;
  after: string;
  error: string;
  client_address: string;
  request_id: string;
  plants: string[];
}

export interface AuditFilter {
  actor?: string | null;
  operation?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditOutcome | null;
  fromMs?: number | null;
  toMs?: number | null;
}

export function actorOf(principal: Principal | undefined): AuditActor {
  if (!principal) return { kind: 'anonymous', id: '', role: '' };
  return { kind: principal.kind, id: principal.id, role: principal.role ?? '' };
}

const FILTER_SQL = `({actor:String} = '' OR actor_id = {actor:String})
  AND ({operation:String} = '' OR operation = {operation:String})
  AND ({targetType:String} = '' OR target_type = {targetType:String})
  AND ({targetId:String} = '' OR target_id = {targetId:String})
  AND ({outcome:String} = '' OR toString(outcome) = {outcome:String})
  AND at >= fromUnixTimestamp64Milli({fromMs:Int64}) AND at < fromUnixTimestamp64Milli({toMs:Int64})`;

/** The append-only audit trail in ClickHouse: one row per change, sign-in and denied attempt. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly clickhouse: ClickHouseService) {}

  /** Writes one record and waits until ClickHouse has it; a failure to write is thrown, never ignored. */
  async record(actor: AuditActor, event: AuditEvent): Promise<void> {
    const row = {
      audit_id: randomUUID(),
      at: new Date().toISOString(),
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_role: actor.role,
      operation: event.operation,
      target_type: event.targetType ?? '',
      target_id: event.targetId ?? '',
      outcome: event.outcome,
      before: toAuditJson(event.before),
      after: toAuditJson(event.after),
      error: (event.error ?? '').slice(0, 2000),
      client_address: event.clientAddress ?? '',
      request_id: event.requestId ?? '',
      plants: [...(event.plants ?? [])],
    };
    try {
      await this.clickhouse.insert('audit_log', [row], { async_insert: 1, wait_for_async_insert: 1 });
    } catch (err) {
      this.logger.error(`could not write the audit record of ${event.operation} (${event.outcome}): ${String(err)}`);
      throw err;
    }
  }

  /** Newest first; `after` is the cursor of the last row of the previous page. */
  async list(
    filter: AuditFilter,
    first: number,
    after: { at: string; id: string } | undefined,
  ): Promise<{ rows: AuditRow[]; total: number }> {
    const params = {
      actor: filter.actor ?? '',
      operation: filter.operation ?? '',
      targetType: filter.targetType ?? '',
      targetId: filter.targetId ?? '',
      outcome: filter.outcome ?? '',
      fromMs: filter.fromMs ?? 0,
      toMs: filter.toMs ?? 4102444800000,
      afterAt: after?.at ?? '2100-01-01 00:00:00.000',
      afterId: after?.id ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff',
      limit: first,
    };
    const [rows, [count]] = await Promise.all([
      this.clickhouse.query<AuditRow>({
        name: 'audit.list',
        sql: `SELECT toString(audit_id) AS id_text, toString(at) AS at_text, actor_kind, actor_id, actor_role, operation, target_type,
                     target_id, outcome, before, after, error, client_address, request_id, plants
              FROM audit_log
              WHERE ${FILTER_SQL}
                AND (at, audit_id) < (toDateTime64({afterAt:String}, 3, 'UTC'), toUUID({afterId:String}))
              ORDER BY audit_log.at DESC, audit_log.audit_id DESC
              LIMIT {limit:UInt32}`,
        params,
      }),
      this.clickhouse.query<{ n: number }>({
        name: 'audit.count',
        sql: `SELECT count() AS n FROM audit_log WHERE ${FILTER_SQL}`,
        params,
      }),
    ]);
    return { rows, total: Number(count?.n ?? 0) };
  }
}
