import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AuditService } from '../audit/audit.service';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { PlantScope } from '../domain/plant-scope';
import { filterParams } from '../findings/findings.service';
import { QueueName } from '../queues/queue-names';
import { scheduleEvery } from '../queues/schedule';
import { AUTO_REPLAY_CANDIDATES } from './replay.queries';
import { AUDIT_ITEMS_MAX, replayAuditSummary } from './replay-audit';
import { ReplayQueues } from './replay-queues.service';
import { ReplayService } from './replay.service';
import { errorClassMatches, targetFor, type ReplayTargetConfig } from './replay-targets';

/** Who automatic replays are requested by, in the audit trail, the replays and the findings' history. */
export const AUTO_REPLAY_ACTOR = 'auto-replay';
const MINUTE = 60_000;

/** Minutes to wait before the n-th automatic replay of a message (n from 1): 0, 2, 4, 8, … */
export function autoReplayDelayMs(previous: number): number {
  return previous === 0 ? 0 : 2 ** previous * MINUTE;
}

export interface Candidate {
  finding_id: string;
  flow: string;
  plant: string;
  details: string;
  n: number | string;
  last_ms: number | string;
}

/**
 * Automatic replay, per flow and off by default: every REPLAY_SWEEP_SECONDS, open failed-hop findings
 * whose error is of a class the flow's target lists are replayed, the n-th time no sooner than 2^(n-1)
 * minutes after the previous one, at most the target's `autoMax` times; then it stays open for a person.
 */
@Processor(QueueName.ReplaySweep)
@Injectable()
export class ReplaySweeper extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('AutoReplay');

  constructor(
    @InjectQueue(QueueName.ReplaySweep) private readonly queue: Queue,
    private readonly clickhouse: ClickHouseService,
    private readonly queues: ReplayQueues,
    private readonly replay: ReplayService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'replay-sweep', this.config.replay.sweepSeconds, 'sweep', this.logger);
  }

  async process(): Promise<number> {
    return this.sweep(Date.now());
  }

  /** One sweep: requests the replays that are due; returns how many messages it asked for. */
  async sweep(nowMs: number): Promise<number> {
    // The target a message would go to decides (a plant's own target without automatic replay wins over
    // the flow's target for every plant that has it): look among every enabled target, not only these.
    const enabled = (await this.queues.currentTargets(true)).filter((t) => t.enabled);
    const targets = enabled.filter((t) => t.autoReplay);
    if (targets.length === 0) return 0;
    const rows = await this.clickhouse.scopedQuery<Candidate>(
      {
        name: 'replay.auto_candidates',
        sql: AUTO_REPLAY_CANDIDATES,
        params: {
          ...filterParams({ types: ['failed_hop'], statuses: ['open'], flows: [...new Set(targets.map((t) => t.flow))] }),
          actor: AUTO_REPLAY_ACTOR,
        },
      },
      PlantScope.all(),
    );
    const due = dueForAutoReplay(enabled, rows, nowMs);
    if (due.length === 0) return 0;
    const findingIds = due.map((r) => r.finding_id);
    const reason = 'automatic replay of a failed hop';
    const result = await this.replay.request(
      PlantScope.all(),
      { findingIds },
      { dryRun: false, reason },
      { id: AUTO_REPLAY_ACTOR, role: 'system' },
    );
    // The request itself goes into the audit trail, as a person's does (each result follows as replay.result).
    const { plants, after } = replayAuditSummary(result);
    await this.audit.record(
      { kind: 'system', id: AUTO_REPLAY_ACTOR, role: 'system' },
      {
        operation: 'replay',
        targetType: 'replay',
        targetId: result.batchId || 'none',
        outcome: 'success',
        plants,
        before: { findingIds: findingIds.slice(0, AUDIT_ITEMS_MAX), reason },
        after,
      },
    );
    this.logger.log(`automatic replay: ${result.toSend} sent, ${result.skipped} skipped`);
    return result.toSend;
  }
}

/**
 * The failed-hop findings automatic replay asks for now: those whose message's target (among every
 * enabled target: a plant's own one wins over the flow's) has automatic replay on, of an error class it
 * lists, asked for fewer than its maximum times, and whose back-off since the last ask has passed.
 */
export function dueForAutoReplay<R extends Pick<Candidate, 'flow' | 'plant' | 'n' | 'details' | 'last_ms'>>(
  enabled: readonly ReplayTargetConfig[],
  rows: readonly R[],
  nowMs: number,
): R[] {
  return rows.filter((r) => {
    const target = targetFor(enabled, r.flow, r.plant);
    const n = Number(r.n);
    return (
      !!target &&
      target.autoReplay &&
      n < target.autoMax &&
      errorClassMatches(r.details, target.autoClasses) &&
      nowMs - Number(r.last_ms) >= autoReplayDelayMs(n)
    );
  });
}
