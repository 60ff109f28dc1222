import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { PlantScope } from '../domain/plant-scope';
import { FindingsService } from '../findings/findings.service';
import { MetricsService } from '../metrics/metrics.service';
import { handleQueueErrors } from '../queues/queue-errors';
import { redisOptionsFromUrl } from '../queues/redis-connection';
import { runsWorkers } from '../queues/role-workers';
import { APP_REDIS } from '../redis/redis.module';
import { lookupPosted, preSendCheck, type BatchedLookup } from './erp-check';
import { GroupCommit } from './group-commit';
import {
  classifyStatus,
  idempotencyKeyOf,
  messageJobId,
  retryAfterMs,
  type ReplayJobData,
  type ReplayState,
} from './replay-jobs';
import { BATCHES, UNFINISHED_REPLAYS, type ReplayKeyColumns } from './replay.queries';
import { limiterOf, targetFor, targetKey, type ReplayTargetConfig } from './replay-targets';
import { ReplayTargetsRepository } from './replay-targets.repository';
import { Secrets } from './secrets';
import { Semaphore } from './semaphore';

/** How long a batch's state (running, paused, cancelled) and the targets are trusted before being read again. */
const STATE_TTL_MS = 1000;
const TARGETS_TTL_MS = 10_000;
const PAUSED_RECHECK_MS = 1000;
/** A job that waited this long for a send slot asks the ERP and the findings again before it sends. */
const RECHECK_AFTER_WAIT_MS = 1000;
/**
 * Jobs of a target between the start of their ERP check and the end of their send, per send slot. Enough
 * to keep the slots busy while the next jobs' checks run; few enough that a checked job soon has its slot
 * (2,048 jobs checked at once and then queued for 64 slots waited seconds, and each asked the ERP again).
 */
const ADMITTED_PER_SLOT = 4;
const ANSWER_TEXT_MAX = 500;
/** How long a job's records wait for other jobs' to go to ClickHouse with them. */
const RECORD_WAIT_MS = 500;
/** Jobs added to Redis in one round trip. */
const ENQUEUE_CHUNK = 500;

/** One change of a replay's state, as `replays` stores it. */
export interface ReplayStateChange {
  job: ReplayJobData;
  state: ReplayState;
  outcome: string;
  responseCode?: number;
  documentId?: string;
  attempts: number;
  targetUrl: string;
  requestedRole?: string;
  requestedAt?: string;
}

/** One request to a target: when, and what came back (status 0 and `error` when nothing did). */
interface Attempt {
  started: number;
  ended: number;
  status: number;
  answer: string;
  error: string;
  retryAfter: string | null;
}

const nowText = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

/**
 * The replay work: one BullMQ queue per replay target (`replay-<key>`), whose global concurrency and
 * rate limit are the target's, so several Syncline instances together never exceed them; a worker per
 * queue in each instance. Jobs re-check the ERP side, send with the idempotency key, and record each
 * attempt as a hop and each outcome in `replays` (ClickHouse is the record; Redis only carries work).
 */
@Injectable()
export class ReplayQueues implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Replay');
  private readonly queues = new Map<string, Queue<ReplayJobData>>();
  private readonly workers = new Map<string, Worker<ReplayJobData>>();
  private readonly writes: GroupCommit;
  private readonly checks: BatchedLookup;
  readonly secrets: Secrets;
  private targets: { at: number; list: Promise<ReplayTargetConfig[]> } = { at: 0, list: Promise.resolve([]) };
  /** Promises, so that the hundreds of jobs that ask at once share one query. */
  private readonly batchStates = new Map<string, { at: number; state: Promise<string> }>();
  /** Requests in flight to each target from this instance, at most the target's concurrency. */
  private readonly sending = new Map<string, Semaphore>();
  /** Jobs of each target from their ERP check to their send (ADMITTED_PER_SLOT per send slot). */
  private readonly admitted = new Map<string, Semaphore>();
  /** Until when a target asked (429 Retry-After) to hear nothing, by target key: jobs here wait until then. */
  private readonly holdUntil = new Map<string, number>();
  private refresher: NodeJS.Timeout | undefined;
  private readonly statusMoves = new Map<string, { ids: string[]; timer: NodeJS.Timeout }>();

  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly repo: ReplayTargetsRepository,
    private readonly findings: FindingsService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_REDIS) private readonly redis: Redis,
  ) {
    // Every 500 ms one insert per table: ten inserts a second were a third of the engine's work in merges.
    this.writes = new GroupCommit(clickhouse, RECORD_WAIT_MS);
    this.checks = preSendCheck(clickhouse);
    this.secrets = new Secrets(config.replay.secretsFile, config.replay.envSecrets);
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const t of await this.currentTargets(true)) await this.ensure(t);
      await this.recoverUnfinished();
    } catch (err) {
      // Redis or ClickHouse may be down at start: the workers start with the first replay asked for.
      this.logger.warn(`replay workers could not start yet: ${String(err)}`);
    }
    // A target saved on another process (one of role api) after this one started: a worker here for it,
    // and a changed concurrency applied to the send slots, within TARGETS_TTL_MS.
    if (runsWorkers(this.config)) {
      this.refresher = setInterval(() => void this.refreshWorkers(), TARGETS_TTL_MS);
      this.refresher.unref();
    }
  }

  private async refreshWorkers(): Promise<void> {
    try {
      for (const t of await this.currentTargets(true)) await this.ensure(t, 'keep');
    } catch (err) {
      this.logger.warn(`could not refresh the replay targets: ${String(err)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.refresher);
    await Promise.all([...this.workers.values()].map((w) => w.close().catch(() => undefined)));
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }

  async currentTargets(fresh = false): Promise<ReplayTargetConfig[]> {
    if (fresh || Date.now() - this.targets.at > TARGETS_TTL_MS) {
      const list = this.repo.current();
      this.targets = { at: Date.now(), list };
      list.catch(() => (this.targets = { at: 0, list }));
    }
    return this.targets.list;
  }

  /**
   * The queue of a target, with its limits applied (and a worker here when this instance runs workers).
   * `rate`: 'force' applies the target's own rate (it was saved); 'if-changed' only when it differs from
   * the one last applied from the target's settings (on any instance), so that a replay's setReplayRate
   * holds while other replays are enqueued; 'keep' leaves the queue's rate alone.
   */
  async ensure(target: ReplayTargetConfig, rate: 'force' | 'if-changed' | 'keep' = 'if-changed'): Promise<Queue<ReplayJobData>> {
    const key = targetKey(target.flow, target.plant);
    let queue = this.queues.get(key);
    const connection = redisOptionsFromUrl(this.config.redis.url);
    if (!queue) {
      queue = new Queue<ReplayJobData>(`replay-${key}`, { connection, prefix: this.config.queuePrefix });
      handleQueueErrors(`queue replay-${key}`, queue);
      this.queues.set(key, queue);
    }
    if (rate !== 'keep') {
      const configured = String(target.ratePerSecond);
      const before = await this.redis.set(`${this.config.queuePrefix}:replay-rate-applied:${key}`, configured, 'GET');
      if (rate === 'force' || before !== configured) {
        const { max, duration } = limiterOf(target.ratePerSecond);
        await queue.setGlobalRateLimit(max, duration);
      }
    }
    // Processes of role api enqueue replays; only workers send them.
    if (!this.workers.has(key) && runsWorkers(this.config)) {
      const worker = new Worker<ReplayJobData>(`replay-${key}`, (job, token) => this.process(job, token), {
        connection,
        prefix: this.config.queuePrefix,
        // Jobs in progress here: most of a job's time is the ERP re-check and recording, which wait on
        // ClickHouse; the requests to the target are held to its concurrency by `sending`.
        concurrency: this.config.replay.jobConcurrency,
        // No limiter of the worker's own: BullMQ would take the rate's time window from it (the first
        // worker's, for good), so a new rate (setReplayRate, a saved target) would keep the old window.
        // The queue's global limit (setGlobalRateLimit) holds on every instance.
      });
      handleQueueErrors(`worker replay-${key}`, worker);
      // A job that failed for good on anything but the target's answer (an ERP lookup that kept failing,
      // a secret that is gone, ClickHouse down, a job that stalled twice) is removed by BullMQ: record it
      // as dead and give its finding back, so it never stays queued (and blocks later requests) for good.
      worker.on('failed', (job, err) => {
        if (!job || err instanceof TargetGaveUp || job.attemptsMade < (job.opts.attempts ?? 1)) return;
        void this.giveUp(job, err).catch((e: unknown) =>
          this.logger.warn(`recording replay ${job.data.replayId} as dead failed: ${String(e)}`),
        );
      });
      this.workers.set(key, worker);
    }
    this.limitsOf(target);
    return queue;
  }

  /**
   * A target's send slots and admissions on this instance, shared by all its jobs (created on first use,
   * as a job can run for a target before `ensure` saw it), resized to the target's concurrency.
   */
  private limitsOf(target: ReplayTargetConfig): { admitted: Semaphore; slot: Semaphore } {
    const key = targetKey(target.flow, target.plant);
    const limit = (map: Map<string, Semaphore>, n: number): Semaphore => {
      const semaphore = map.get(key)?.resize(n) ?? new Semaphore(n);
      map.set(key, semaphore);
      return semaphore;
    };
    return {
      slot: limit(this.sending, target.concurrency),
      admitted: limit(this.admitted, target.concurrency * ADMITTED_PER_SLOT),
    };
  }

  /** Lowers (or raises) the rate of the targets a bulk replay sends to, while it runs. */
  async setRate(targets: readonly ReplayTargetConfig[], ratePerSecond: number): Promise<void> {
    const { max, duration } = limiterOf(ratePerSecond);
    for (const t of targets) await (await this.ensure(t, 'keep')).setGlobalRateLimit(max, duration);
  }

  /**
   * Enqueues replays of one target's messages. Resolves to the replay ids that hold their message's job;
   * the others found another replay of the same message already queued (the job id is the message's,
   * so BullMQ keeps the first; `addBulk` does not say which one it kept, so the jobs are read back).
   */
  async enqueue(target: ReplayTargetConfig, jobs: readonly ReplayJobData[]): Promise<Set<string>> {
    const queue = await this.ensure(target);
    const opts = {
      attempts: this.config.replay.attempts,
      backoff: { type: 'exponential', delay: this.config.replay.backoffMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
    const held = new Set<string>();
    for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) {
      const part = jobs.slice(i, i + ENQUEUE_CHUNK);
      await queue.addBulk(
        part.map((data) => ({ name: 'replay', data, opts: { ...opts, jobId: messageJobId(data.correlationId) } })),
      );
      const found = await Promise.all(part.map((d) => queue.getJob(messageJobId(d.correlationId))));
      const gone: string[] = [];
      part.forEach((d, n) => {
        const job = found[n];
        if (!job) gone.push(d.replayId);
        else if (job.data.replayId === d.replayId) held.add(d.replayId);
      });
      // Finished and removed already: it was ours if ours is no longer queued.
      if (gone.length) {
        const rows = await this.clickhouse.query<{ replay_id: string; state: string }>({
          name: 'replay.enqueue_check',
          sql: 'SELECT replay_id, argMax(state, version) AS state FROM replays WHERE replay_id IN {ids:Array(String)} GROUP BY replay_id',
          params: { ids: gone },
        });
        for (const r of rows) if (r.state !== 'queued') held.add(r.replay_id);
      }
    }
    return held;
  }

  /**
   * Writes states of replays (the job waits until they are stored); a replay's result (sent, skipped,
   * failed, dead, cancelled) goes to the audit trail as well, with who asked for it.
   */
  async record(changes: readonly ReplayStateChange[]): Promise<void> {
    const at = nowText();
    const results = changes.filter((c) => c.state !== 'queued');
    const audit = this.writes.write(
      'audit_log',
      results.map((c) => ({
        audit_id: randomUUID(),
        at: new Date().toISOString(),
        actor_kind: 'system',
        actor_id: 'replay-worker',
        actor_role: '',
        operation: 'replay.result',
        target_type: 'replay',
        target_id: c.job.replayId,
        outcome: c.state === 'failed' || c.state === 'dead' ? 'failure' : 'success',
        before: '',
        after: JSON.stringify({
          batchId: c.job.batchId,
          correlationId: c.job.correlationId,
          findingId: c.job.findingId,
          requestedBy: c.job.requestedBy,
          state: c.state,
          outcome: c.outcome,
          responseCode: c.responseCode ?? null,
          attempts: c.attempts,
          target: c.targetUrl,
          editedPayload: c.job.originalPayload !== undefined,
        }),
        error: c.state === 'failed' || c.state === 'dead' ? c.outcome.slice(0, 2000) : '',
        client_address: '',
        request_id: '',
        plants: [c.job.plant],
      })),
    );
    const states = this.writes.write(
      'replays',
      changes.map((c) => ({
        replay_id: c.job.replayId,
        version: Date.now() * 1000 + Math.floor(Math.random() * 1000),
        batch_id: c.job.batchId,
        correlation_id: c.job.correlationId,
        business_key: c.job.businessKey,
        finding_id: c.job.findingId,
        flow: c.job.flow,
        plant: c.job.plant,
        target_url: c.targetUrl,
        payload: c.job.originalPayload ?? c.job.payload,
        edited_payload: c.job.originalPayload !== undefined ? c.job.payload : '',
        requested_by: c.job.requestedBy,
        requested_role: c.requestedRole ?? '',
        requested_at: c.requestedAt ?? at,
        state: c.state,
        outcome: c.outcome,
        response_code: c.responseCode ?? 0,
        document_id: c.documentId ?? '',
        attempts: c.attempts,
        updated_at: at,
      })),
    );
    await Promise.all([states, audit]);
  }

  /** A batch's state, read at most once a second per instance. */
  async batchState(batchId: string): Promise<string> {
    const cached = this.batchStates.get(batchId);
    if (cached && Date.now() - cached.at < STATE_TTL_MS) return cached.state;
    const state = this.clickhouse
      .query<{ state: string }>({
        name: 'replay.batch_state',
        sql: `SELECT state FROM (${BATCHES}) WHERE batch_id = {id:String}`,
        params: { id: batchId },
      })
      .then((rows) => rows[0]?.state ?? 'running');
    this.batchStates.set(batchId, { at: Date.now(), state });
    state.catch(() => this.batchStates.delete(batchId));
    return state;
  }

  forgetBatchState(batchId: string): void {
    this.batchStates.delete(batchId);
  }

  /**
   * Why this message must not be sent now, if it must not: its finding was resolved or ignored after the
   * request, the ERP has booked it (a send that timed out may have posted), or another replay sent it
   * since this one was asked for.
   */
  private async reasonNotToSend(
    d: ReplayJobData,
    target: ReplayTargetConfig,
    headers: Record<string, string>,
    key: string,
  ): Promise<{ outcome: string; documentId?: string } | null> {
    const [document, sentText, closed] = await Promise.all([
      target.checkMode === 'lookup'
        ? lookupPosted(target.lookupUrl, key, headers, target.timeoutMs)
        : d.businessKey
          ? this.checks.get(`posted:${d.businessKey}`)
          : '',
      this.checks.get(`sent:${d.correlationId}`),
      d.findingId ? this.checks.get(`closed:${d.findingId}`) : '',
    ]);
    if (closed) return { outcome: `not sent: finding ${d.findingId} was ${closedText(closed)} before it was sent` };
    if (document) return { outcome: `already posted: document ${document}`, documentId: document };
    if (Number(sentText || 0) >= d.requestedAtMs)
      return { outcome: 'already sent by another replay; waiting for the ERP posting' };
    return null;
  }

  /** A cancel, a pause or the target's 429 hold that came while the job waited: it goes no further now. */
  private async heldBack(
    d: ReplayJobData,
    target: ReplayTargetConfig,
    stateBefore: string,
  ): Promise<'cancelled' | { until: number } | null> {
    const state = await this.batchState(d.batchId).catch(() => stateBefore);
    if (state === 'cancelled') return 'cancelled';
    if (state === 'paused') return { until: Date.now() + PAUSED_RECHECK_MS };
    const heldUntil = this.holdUntil.get(targetKey(target.flow, target.plant)) ?? 0;
    return heldUntil > Date.now() ? { until: heldUntil } : null;
  }

  /**
   * What a job that has its send slot does. The wait for a slot can be long (many jobs in progress per
   * target): a cancel, a pause or another job's 429 that came meanwhile holds for this message too, and
   * after a wait of RECHECK_AFTER_WAIT_MS or more, so does a posting or a closed finding.
   */
  private async afterSlotWait(
    d: ReplayJobData,
    target: ReplayTargetConfig,
    headers: Record<string, string>,
    key: string,
    stateBefore: string,
    waitedMs: number,
  ): Promise<'send' | 'cancelled' | { skip: { outcome: string; documentId?: string } } | { until: number }> {
    const held = await this.heldBack(d, target, stateBefore);
    if (held) return held;
    if (waitedMs < RECHECK_AFTER_WAIT_MS) return 'send';
    const skip = await this.reasonNotToSend(d, target, headers, key);
    return skip ? { skip } : 'send';
  }

  /** A message not sent, and why (see reasonNotToSend). */
  private async skipped(
    job: Job<ReplayJobData>,
    target: ReplayTargetConfig,
    why: { outcome: string; documentId?: string },
  ): Promise<void> {
    await this.record([{ job: job.data, state: 'skipped', attempts: job.attemptsMade, targetUrl: target.url, ...why }]);
    this.metrics.replays.inc({ outcome: 'skipped' });
  }

  /**
   * The ERP check, the wait for a send slot and the send. The ERP side first: a send that timed out but
   * did post must not become a duplicate, and another request for the same message that planned at the
   * same moment may have sent it already. A job is admitted to this stage (ADMITTED_PER_SLOT per slot)
   * before its check, so that what it checked is still true when its slot comes.
   */
  private async checkAndSend(
    d: ReplayJobData,
    target: ReplayTargetConfig,
    headers: Record<string, string>,
    key: string,
    stateBefore: string,
  ): Promise<'cancelled' | { skip: { outcome: string; documentId?: string } } | { until: number } | { sent: Attempt }> {
    const { admitted, slot } = this.limitsOf(target);
    await admitted.acquire();
    try {
      // The wait for admission can be long too: what came meanwhile holds before the ERP is asked.
      const held = await this.heldBack(d, target, stateBefore);
      if (held) return held;
      const skip = await this.reasonNotToSend(d, target, headers, key);
      if (skip) return { skip };
      const waitStarted = Date.now();
      await slot.acquire();
      try {
        const next = await this.afterSlotWait(d, target, headers, key, stateBefore, Date.now() - waitStarted);
        if (next !== 'send') return next;
        return { sent: await this.send(d, target, headers, key) };
      } finally {
        slot.release();
      }
    } finally {
      admitted.release();
    }
  }

  /** One request to the target: its answer, or what went wrong on the way. */
  private async send(
    d: ReplayJobData,
    target: ReplayTargetConfig,
    headers: Record<string, string>,
    key: string,
  ): Promise<Attempt> {
    const attempt: Attempt = { started: Date.now(), ended: 0, status: 0, answer: '', error: '', retryAfter: null };
    try {
      const res = await fetch(target.url, {
        method: target.method,
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key },
        body: d.payload,
        signal: AbortSignal.timeout(target.timeoutMs),
      });
      attempt.status = res.status;
      attempt.retryAfter = res.headers.get('retry-after');
      attempt.answer = (await res.text()).slice(0, ANSWER_TEXT_MAX);
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const error = e.name === 'TimeoutError' ? `timed out after ${target.timeoutMs} ms` : (e.cause?.code ?? e.message);
      // fetch quotes a header value it refuses ("... is an invalid header value"): never a secret in the
      // hop, the replay's outcome or the audit trail.
      attempt.error = withoutSecrets(error, Object.values(headers));
    }
    attempt.ended = Date.now();
    return attempt;
  }

  private async process(job: Job<ReplayJobData>, token: string | undefined): Promise<void> {
    const d = job.data;
    const state = await this.batchState(d.batchId);
    const targets = await this.currentTargets();
    const target = targetFor(targets, d.flow, d.plant);
    const attempt = job.attemptsMade + 1;
    if (state === 'cancelled') return this.cancelled(job, target);
    if (state === 'paused') {
      await job.moveToDelayed(Date.now() + PAUSED_RECHECK_MS, token);
      throw new DelayedError();
    }
    if (!target) {
      await this.record([
        {
          job: d,
          state: 'failed',
          outcome: `no enabled replay target for flow ${d.flow} in plant ${d.plant}`,
          attempts: job.attemptsMade,
          targetUrl: '',
        },
      ]);
      this.moveFinding(d, 'open', 'replay failed: no replay target');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, ref] of Object.entries(target.headers)) {
      const value = this.secrets.value(ref);
      if (value === undefined) throw new Error(`secret ${ref} of header ${name} does not exist`);
      headers[name] = value;
    }
    const key = idempotencyKeyOf(d.businessKey, d.correlationId);

    const tkey = targetKey(target.flow, target.plant);
    const outcome = await this.checkAndSend(d, target, headers, key, state);
    if (outcome === 'cancelled') return this.cancelled(job, target);
    if ('skip' in outcome) return this.skipped(job, target, outcome.skip);
    if ('until' in outcome) {
      await job.moveToDelayed(outcome.until, token);
      throw new DelayedError();
    }
    const { started, ended, status, answer, error, retryAfter } = outcome.sent;
    const verdict = status ? classifyStatus(status) : 'transient';
    // The attempt's hop and the replay's new state are stored together (both awaited before the job ends).
    const hop = this.hop(d, target, attempt, started, ended, verdict === 'sent', status, error || answer);
    const store = (change: Omit<ReplayStateChange, 'job' | 'targetUrl'>) =>
      Promise.all([this.writes.write('hops', [hop]), this.record([{ job: d, targetUrl: target.url, ...change }])]);

    if (verdict === 'sent') {
      const documentId = documentIdOf(answer);
      await store({
        state: 'sent',
        outcome: `sent: HTTP ${status}${documentId ? `, document ${documentId}` : ''}`,
        responseCode: status,
        documentId,
        attempts: attempt,
      });
      this.moveFinding(d, 'replay_sent', `replayed by ${d.requestedBy}: HTTP ${status}`);
      this.metrics.replays.inc({ outcome: 'sent' });
      return;
    }
    const what = status ? `HTTP ${status}${answer ? `: ${answer.slice(0, 200)}` : ''}` : error;
    if (verdict === 'rate_limited') {
      // The target asks to slow down: the whole target waits, and this attempt does not count. Its queue
      // hands out no job on any instance until then, and jobs already here wait too (above).
      const waitMs = retryAfterMs(retryAfter, Date.now(), this.config.replay.backoffMs);
      this.holdUntil.set(tkey, Math.max(this.holdUntil.get(tkey) ?? 0, Date.now() + waitMs));
      await this.queues
        .get(tkey)
        ?.rateLimit(waitMs)
        .catch((err: unknown) => this.logger.warn(`could not hold the replays to ${target.url}: ${String(err)}`));
      this.metrics.replays.inc({ outcome: 'rate_limited' });
      await store({
        state: 'queued',
        outcome: `attempt ${attempt}: ${what}; waiting ${Math.round(waitMs / 1000)} s as the target asked`,
        responseCode: status,
        attempts: job.attemptsMade,
      });
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    if (verdict === 'permanent') {
      await store({ state: 'failed', outcome: `refused: ${what}`, responseCode: status, attempts: attempt });
      this.moveFinding(d, 'open', `replay refused by the target: ${what}`);
      this.metrics.replays.inc({ outcome: 'failed' });
      return;
    }
    const last = attempt >= (job.opts.attempts ?? 1);
    await store({
      state: last ? 'dead' : 'queued',
      outcome: last ? `gave up after ${attempt} attempts: ${what}` : `attempt ${attempt}: ${what}; retrying`,
      responseCode: status,
      attempts: attempt,
    });
    this.metrics.replays.inc({ outcome: last ? 'dead' : 'retried' });
    if (last) this.moveFinding(d, 'open', `replay gave up after ${attempt} attempts: ${what}`);
    throw new TargetGaveUp(what);
  }

  /** A message of a cancelled replay: never sent, and its finding open again. */
  private async cancelled(job: Job<ReplayJobData>, target: ReplayTargetConfig | undefined): Promise<void> {
    await this.record([
      {
        job: job.data,
        state: 'cancelled',
        outcome: 'cancelled before it was sent',
        attempts: job.attemptsMade,
        targetUrl: target?.url ?? '',
      },
    ]);
    this.moveFinding(job.data, 'open', 'replay cancelled');
  }

  /** A job BullMQ gave up on for another reason than the target's answer: dead, with the reason. */
  private async giveUp(job: Job<ReplayJobData>, err: Error): Promise<void> {
    const d = job.data;
    const target = targetFor(await this.currentTargets(), d.flow, d.plant);
    const why = withoutSecrets(
      err.message,
      target ? Object.values(target.headers).map((ref) => this.secrets.value(ref) ?? '') : [],
    );
    await this.record([
      {
        job: d,
        state: 'dead',
        outcome: `gave up after ${job.attemptsMade} attempts: ${why}`,
        attempts: job.attemptsMade,
        targetUrl: target?.url ?? '',
      },
    ]);
    this.metrics.replays.inc({ outcome: 'dead' });
    this.moveFinding(d, 'open', `replay gave up after ${job.attemptsMade} attempts: ${why}`);
  }

  private hop(
    d: ReplayJobData,
    target: ReplayTargetConfig,
    attempt: number,
    startMs: number,
    endMs: number,
    ok: boolean,
    status: number,
    text: string,
  ) {
    return {
      hop_id: `${d.replayId}-${attempt}-${randomUUID().slice(0, 8)}`,
      correlation_id: d.correlationId,
      flow: d.flow,
      stage: 'replay',
      system: hostOf(target.url),
      plant: d.plant,
      business_key: d.businessKey,
      start_time: new Date(startMs).toISOString(),
      end_time: new Date(endMs).toISOString(),
      status: ok ? 'ok' : 'error',
      error_code: ok ? '' : status ? `HTTP ${status}` : text.slice(0, 60),
      error_message: ok ? '' : text.slice(0, ANSWER_TEXT_MAX),
      attempt,
      attributes: { replay_id: d.replayId, batch_id: d.batchId, requested_by: d.requestedBy, http_status: String(status) },
    };
  }

  /**
   * Moves a replay's finding; several jobs' moves go to ClickHouse as one write every 100 ms per status,
   * reason and requester (the history names who asked for each replay).
   */
  private moveFinding(d: ReplayJobData, status: 'replay_sent' | 'open', reason: string): void {
    if (!d.findingId) return;
    const text = reason.startsWith('replayed by') ? `replayed by ${d.requestedBy}` : reason;
    const key = `${status}\u0000${d.requestedBy}\u0000${text}`;
    let pending = this.statusMoves.get(key);
    if (!pending) {
      const move = { ids: [] as string[], timer: setTimeout(() => void flush(), 100) };
      const flush = async () => {
        this.statusMoves.delete(key);
        await this.findings
          .apply(
            PlantScope.all(),
            { ids: move.ids },
            { kind: 'status', status, reason: text },
            { id: d.requestedBy, role: 'replay' },
          )
          .catch((err: unknown) => this.logger.warn(`moving ${move.ids.length} finding(s) to ${status} failed: ${String(err)}`));
      };
      pending = move;
      this.statusMoves.set(key, pending);
    }
    pending.ids.push(d.findingId);
  }

  /** Replays requested and never finished (Redis flushed or restarted): enqueued again, at most once each. */
  async recoverUnfinished(): Promise<number> {
    const rows = await this.clickhouse.query<ReplayJobRow>({ name: 'replay.unfinished', sql: UNFINISHED_REPLAYS });
    if (rows.length === 0) return 0;
    const targets = await this.currentTargets(true);
    const byTarget = new Map<ReplayTargetConfig, ReplayJobData[]>();
    for (const r of rows) {
      const target = targetFor(targets, r.flow, r.plant);
      if (!target) continue;
      const list = byTarget.get(target) ?? [];
      list.push({
        replayId: r.replay_id,
        batchId: r.batch_id,
        correlationId: r.correlation_id,
        businessKey: r.business_key,
        findingId: r.finding_id,
        flow: r.flow,
        plant: r.plant,
        payload: r.edited_payload || r.payload,
        ...(r.edited_payload ? { originalPayload: r.payload } : {}),
        requestedAtMs: Number(r.requested_ms),
        requestedBy: r.requested_by,
      });
      byTarget.set(target, list);
    }
    let n = 0;
    for (const [target, jobs] of byTarget) {
      await this.enqueue(target, jobs);
      n += jobs.length;
    }
    this.logger.log(`re-enqueued ${n} unfinished replay(s) from ClickHouse`);
    return n;
  }
}

interface ReplayJobRow extends ReplayKeyColumns {
  payload: string;
  edited_payload: string;
  requested_by: string;
  requested_ms: string | number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function documentIdOf(answer: string): string {
  try {
    const body = JSON.parse(answer) as { document_id?: unknown };
    return typeof body.document_id === 'string' ? body.document_id : '';
  } catch {
    return '';
  }
}

/** `text` with every secret value in it (and each of its lines, for a value with a line break) replaced. */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  const parts = secrets.flatMap((v) => [v, ...v.split(/\r?\n|\r/)]).filter((v) => v.trim().length >= 4);
  return parts.sort((a, b) => b.length - a.length).reduce((t, v) => t.split(v).join('[secret]'), text);
}

/** "resolved_manual|anna" as words: "resolved by hand by anna". */
function closedText(statusAndActor: string): string {
  const [status, actor] = statusAndActor.split('|');
  const words: Record<string, string> = {
    resolved_manual: 'resolved by hand',
    resolved_auto: 'resolved automatically',
    ignored: 'ignored',
  };
  return `${words[status] ?? status} by ${actor}`;
}

/** The target's answers used up the attempts: the job has already recorded itself as dead. */
class TargetGaveUp extends Error {}
