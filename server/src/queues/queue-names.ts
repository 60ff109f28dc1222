/** Every queue and job name in one place; a job with no handler is a start-up error. */
export enum QueueName {
  System = 'system',
  Reconcile = 'reconcile',
  /** Automatic replay: one sweep every REPLAY_SWEEP_SECONDS (docs/replay.md). */
  ReplaySweep = 'replay-sweep',
  /** Sync lag rollups: one run every ROLLUP_INTERVAL_SECONDS (ADR 0010). */
  Rollup = 'rollup',
  /** Alert rules: one evaluation every ALERT_EVALUATE_SECONDS (docs/alerts.md). */
  AlertEvaluate = 'alert-evaluate',
  /** Notifications: one job per notification and channel, retried with backoff. */
  AlertDelivery = 'alert-delivery',
}

export enum SystemJob {
  /** Proves the queue round trip (enqueue -> worker -> result) for diagnostics. */
  Echo = 'echo',
}

export interface EchoJobData {
  message: string;
  enqueuedAt: number;
}

export interface EchoJobResult {
  message: string;
  processedBy: number;
  latencyMs: number;
}

export enum ReconcileJob {
  /** One flow's sliding window (2 x SLA + grace), every RECONCILE_INTERVAL_SECONDS. */
  Window = 'window',
  /** Silent lines of every plant, every RECONCILE_INTERVAL_SECONDS. */
  SilentLines = 'silent-lines',
  /** Every flow over the last RECONCILE_RECHECK_DAYS: older open findings, every RECONCILE_RECHECK_MINUTES. */
  Recheck = 'recheck',
}

export interface ReconcileJobData {
  /** For Window jobs: the flow. */
  flow?: string;
}
