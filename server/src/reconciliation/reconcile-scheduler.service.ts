import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { QueueName, ReconcileJob, type ReconcileJobData } from '../queues/queue-names';
import { FlowRulesRepository } from './rules/flow-rules.repository';

const WINDOW_PREFIX = 'reconcile-window:';

/**
 * Keeps one BullMQ job scheduler per enabled flow (plus silent lines and the re-check). Schedulers
 * are keyed by name, so every instance upserting them at start-up still yields one schedule, and
 * each due run is one job that one worker takes.
 */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReconcileScheduler');

  constructor(
    @InjectQueue(QueueName.Reconcile) private readonly queue: Queue<ReconcileJobData>,
    private readonly rules: FlowRulesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync().catch((err: unknown) => this.logger.error(`could not schedule reconciliation: ${String(err)}`));
  }

  /** Brings the schedulers in line with the rules in force (after start-up and every rules change). */
  async sync(): Promise<void> {
    const { intervalSeconds, recheckMinutes } = this.config.reconcile;
    const flows = intervalSeconds > 0 ? (await this.rules.current()).filter((r) => r.enabled).map((r) => r.flow) : [];
    const wanted = new Set(flows.map((f) => `${WINDOW_PREFIX}${f}`));
    for (const s of await this.queue.getJobSchedulers(0, -1)) {
      if (s.key.startsWith(WINDOW_PREFIX) && !wanted.has(s.key)) await this.queue.removeJobScheduler(s.key);
    }
    const opts = {
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 1000 },
    };
    for (const flow of flows) {
      await this.queue.upsertJobScheduler(
        `${WINDOW_PREFIX}${flow}`,
        { every: intervalSeconds * 1000 },
        {
          name: ReconcileJob.Window,
          data: { flow },
          opts,
        },
      );
    }
    if (intervalSeconds > 0) {
      await this.queue.upsertJobScheduler(
        'reconcile-silent-lines',
        { every: intervalSeconds * 1000 },
        { name: ReconcileJob.SilentLines, data: {}, opts },
      );
    } else await this.queue.removeJobScheduler('reconcile-silent-lines');
    if (recheckMinutes > 0) {
      await this.queue.upsertJobScheduler(
        'reconcile-recheck',
        { every: recheckMinutes * 60_000 },
        { name: ReconcileJob.Recheck, data: {}, opts },
      );
    } else await this.queue.removeJobScheduler('reconcile-recheck');
  }
}
