import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { QueueName, ReconcileJob, type ReconcileJobData } from '../queues/queue-names';
import { ReconcileService, type ReconcileRequest, type ReconcileResult } from './reconcile.service';

const SILENT_WINDOW_MS = 2 * 3_600_000;

/**
 * Runs the scheduled reconciliation jobs. A failed run (ClickHouse down, a query refused) fails the
 * job, so BullMQ retries it with backoff; it never counts as "no findings".
 */
@Processor(QueueName.Reconcile)
export class ReconcileProcessor extends WorkerHost {
  private readonly logger = new Logger('ReconcileJobs');

  constructor(
    private readonly reconcile: ReconcileService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<ReconcileJobData, ReconcileResult, ReconcileJob>): Promise<ReconcileResult> {
    return runMeasured(this.reconcile, this.metrics, this.request(job), (err) =>
      this.logger.warn(
        `reconciliation ${job.name} ${job.data.flow ?? ''} failed (attempt ${job.attemptsMade + 1}): ${String(err)}`,
      ),
    );
  }

  private request(job: Job<ReconcileJobData, ReconcileResult, ReconcileJob>): ReconcileRequest {
    switch (job.name) {
      case ReconcileJob.Window:
        if (!job.data.flow) throw new Error('a window job needs a flow');
        return { kind: 'window', flows: [job.data.flow], silentLines: false };
      case ReconcileJob.SilentLines:
        // Silences that ended in the last hours are seen too, so they close with when events resumed.
        return { kind: 'window', flows: [], silentLines: true, fromMs: Date.now() - SILENT_WINDOW_MS };
      case ReconcileJob.Recheck: {
        const now = Date.now();
        return {
          kind: 'recheck',
          fromMs: now - this.config.reconcile.recheckDays * 86_400_000,
          toMs: now + 1,
          silentLines: false,
        };
      }
      default:
        throw new Error(`No handler for job "${String(job.name)}" on queue ${QueueName.Reconcile}`);
    }
  }
}

/** One run with its duration and outcome in the metrics. */
export async function runMeasured(
  reconcile: ReconcileService,
  metrics: MetricsService,
  req: ReconcileRequest,
  onError?: (err: unknown) => void,
): Promise<ReconcileResult> {
  const timer = metrics.reconcileSeconds.startTimer({ kind: req.kind });
  try {
    const result = await reconcile.run(req);
    metrics.reconcileRuns.inc({ kind: req.kind, outcome: 'ok' });
    metrics.reconcileFindings.inc({ change: 'detected' }, result.detected);
    metrics.reconcileFindings.inc({ change: 'resolved' }, result.resolved);
    metrics.reconcileFindings.inc({ change: 'reopened' }, result.reopened);
    return result;
  } catch (err) {
    metrics.reconcileRuns.inc({ kind: req.kind, outcome: 'failed' });
    onError?.(err);
    throw err;
  } finally {
    timer();
  }
}
