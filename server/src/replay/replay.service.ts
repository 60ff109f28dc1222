import { ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';
import { InputError } from '../common/errors/input-error';
import type { PlantScope } from '../domain/plant-scope';
import { filterParams, FindingsService } from '../findings/findings.service';
import type { FindingFilterInput } from '../findings/findings.types';
import { FlowRulesRepository } from '../reconciliation/rules/flow-rules.repository';
import { idempotencyKeyOf, replayIdOf, type ReplayJobData } from './replay-jobs';
import { ReplayQueues } from './replay-queues.service';
import {
  BATCH_COUNTS,
  BATCHES,
  FINDINGS_TO_REPLAY,
  LATEST_REPLAYS,
  MESSAGES_TO_REPLAY,
  POSTED_KEYS,
  REPLAY_STATE,
  SCOPE,
  type ReplayKeyColumns,
} from './replay.queries';
import { targetFor, targetProblems, type ReplayTargetConfig } from './replay-targets';
import { ReplayTargetsRepository } from './replay-targets.repository';
import { paramChunks, queryInParts } from '../clickhouse/param-chunks';

/** At most this many messages in one replay request (a bulk replay of more is split by the person). */
export const MAX_REPLAY_MESSAGES = 10_000;
/** Finding types a replay can fix: the message never reached the ERP. */
const REPLAYABLE = new Set(['missing_posting', 'failed_hop']);

export type SkipReason =
  'already_posted' | 'already_queued' | 'recently_sent' | 'no_payload' | 'no_target' | 'no_message' | 'not_replayable';

export interface PlannedReplay {
  findingId: string;
  correlationId: string;
  businessKey: string;
  flow: string;
  plant: string;
  targetUrl: string;
  idempotencyKey: string;
  send: boolean;
  skip: SkipReason | '';
  reason: string;
  payload: string;
  /** The message's own payload (differs from `payload` when a person edited it). */
  originalPayload: string;
}

export interface ReplayRequestResult {
  batchId: string;
  dryRun: boolean;
  items: PlannedReplay[];
  toSend: number;
  skipped: number;
}

export interface Requester {
  id: string;
  role: string;
}

export type ReplaySource = { findingIds?: string[] | null; filter?: FindingFilterInput | null } | { correlationIds: string[] };

interface MessageRow {
  correlation_id: string;
  plant: string;
  flow: string;
  business_key: string;
  payload: string;
}

/**
 * Plans and requests replays (docs/replay.md): which messages would be sent, to where, with which
 * idempotency key, and what is skipped and why; a real request freezes that set as a batch and
 * enqueues one job per message.
 */
@Injectable()
export class ReplayService {
  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly queues: ReplayQueues,
    private readonly targetsRepo: ReplayTargetsRepository,
    private readonly rules: FlowRulesRepository,
    private readonly findings: FindingsService,
  ) {}

  /** The targets `scope` may see: those of every plant ('') and of its own plants. */
  async targets(scope: PlantScope): Promise<ReplayTargetConfig[]> {
    return (await this.queues.currentTargets(true)).filter((t) => t.plant === '' || scope.allows(t.plant));
  }

  async saveTarget(
    input: Omit<ReplayTargetConfig, 'version' | 'updatedAt' | 'updatedBy'>,
    by: string,
  ): Promise<ReplayTargetConfig> {
    const flows = (await this.rules.current()).map((r) => r.flow);
    const problems = targetProblems(input, flows, this.queues.secrets);
    if (problems.length) throw new InputError(`${problems[0].field}: ${problems[0].message}`, problems[0].field);
    await this.targetsRepo.save({ ...input, updatedBy: by });
    const saved = (await this.queues.currentTargets(true)).find((t) => t.flow === input.flow && t.plant === input.plant)!;
    await this.queues.ensure(saved, 'force');
    return saved;
  }

  /** What a request would do, message by message; `payload` replaces the payload of exactly one message. */
  async plan(scope: PlantScope, source: ReplaySource, payload?: string): Promise<PlannedReplay[]> {
    const wanted = await this.wanted(scope, source);
    if (payload !== undefined && wanted.length !== 1)
      throw new InputError('an edited payload replaces the payload of exactly one message', 'payload');
    const ids = wanted.filter((w) => w.correlationId).map((w) => w.correlationId);
    const keys = wanted.filter((w) => !w.correlationId && w.businessKey).map((w) => w.businessKey);
    const messages = [
      ...(await queryInParts(ids, (part) => this.messages(scope, part, []))),
      ...(await queryInParts(keys, (part) => this.messages(scope, [], part))),
    ];
    const byId = new Map(messages.map((m) => [m.correlation_id, m]));
    const byKey = new Map<string, MessageRow>();
    for (const m of messages) if (m.business_key && (!byKey.has(m.business_key) || m.payload)) byKey.set(m.business_key, m);

    const targets = await this.queues.currentTargets(true);
    const resolved = wanted.map((w) => ({ w, m: w.correlationId ? byId.get(w.correlationId) : byKey.get(w.businessKey) }));
    const allKeys = [...new Set(resolved.map((r) => r.m?.business_key ?? '').filter(Boolean))];
    const posted = new Map(
      (
        await queryInParts(allKeys, (part) =>
          this.clickhouse.query<{ business_key: string; document_id: string }>({
            name: 'replay.plan_posted',
            sql: POSTED_KEYS,
            params: { keys: part },
          }),
        )
      ).map((r) => [r.business_key, r.document_id]),
    );
    const msgIds = [...new Set(resolved.map((r) => r.m?.correlation_id ?? '').filter(Boolean))];
    const latest = new Map(
      (
        await queryInParts(msgIds, (part) =>
          this.clickhouse.query<{
            correlation_id: string;
            state: string;
            requested_by: string;
            updated_at: string;
            batch_id: string;
            updated_ms: string;
          }>({
            name: 'replay.plan_latest',
            sql: LATEST_REPLAYS,
            params: { ids: part },
          }),
        )
      ).map((r) => [r.correlation_id, r]),
    );

    const slaOf = new Map((await this.rules.current()).map((r) => [r.flow, r.slaSeconds]));
    const seen = new Set<string>();
    return resolved.map(({ w, m }): PlannedReplay => {
      const base = {
        findingId: w.findingId,
        correlationId: m?.correlation_id ?? w.correlationId,
        businessKey: m?.business_key ?? w.businessKey,
        flow: m?.flow ?? w.flow,
        plant: m?.plant ?? w.plant,
        targetUrl: '',
        idempotencyKey: '',
        payload: payload ?? m?.payload ?? '',
        originalPayload: m?.payload ?? '',
      };
      const skip = (why: SkipReason, reason: string): PlannedReplay => ({ ...base, send: false, skip: why, reason });
      if (w.notReplayable) return skip('not_replayable', w.notReplayable);
      if (!m) return skip('no_message', 'no hop of this message is stored (or it is not in your plants)');
      const target = targetFor(targets, m.flow, m.plant);
      base.targetUrl = target?.url ?? '';
      base.idempotencyKey = idempotencyKeyOf(m.business_key, m.correlation_id);
      if (seen.has(m.correlation_id)) return skip('already_queued', 'the same message is already in this replay');
      seen.add(m.correlation_id);
      const doc = m.business_key ? posted.get(m.business_key) : undefined;
      if (doc) return skip('already_posted', `already posted: document ${doc}`);
      const last = latest.get(m.correlation_id);
      if (last?.state === 'queued')
        return skip('already_queued', `already queued by ${last.requested_by} (replay ${last.batch_id.slice(0, 8)})`);
      if (last?.state === 'sent' && Date.now() - Number(last.updated_ms) < (slaOf.get(m.flow) ?? 900) * 1000)
        return skip(
          'recently_sent',
          `already replayed by ${last.requested_by} at ${isoFromClickHouse(last.updated_at)}; waiting for the ERP posting`,
        );
      if (!base.payload) return skip('no_payload', 'no hop of this message carries a payload to re-send');
      if (!target)
        return skip(
          'no_target',
          `no replay target for flow ${m.flow} (plant ${m.plant}): an admin sets one in Settings > Replay targets`,
        );
      return { ...base, send: true, skip: '', reason: `send to ${target.url}` };
    });
  }

  /** Plans, and unless `dryRun` freezes the planned set as a batch and enqueues it. */
  async request(
    scope: PlantScope,
    source: ReplaySource,
    opts: { dryRun: boolean; reason: string; payload?: string },
    by: Requester,
  ): Promise<ReplayRequestResult> {
    if (opts.payload !== undefined) {
      try {
        JSON.parse(opts.payload);
      } catch (err) {
        throw new InputError(`payload is not valid JSON: ${(err as Error).message}`, 'payload');
      }
    }
    const items = await this.plan(scope, source, opts.payload);
    const toSend = items.filter((i) => i.send);
    if (!opts.dryRun && toSend.length > 1 && !opts.reason.trim())
      throw new InputError(`a replay of ${toSend.length} messages needs a reason (it goes into the audit trail)`, 'reason');
    const batchId = opts.dryRun || toSend.length === 0 ? '' : randomUUID();
    if (!opts.dryRun && toSend.length > 0) {
      const at = new Date().toISOString();
      await this.writeBatch({
        batchId,
        reason: opts.reason,
        by: by.id,
        total: toSend.length,
        state: 'running',
        ratePerSecond: 0,
        at,
      });
      const jobs: ReplayJobData[] = toSend.map((i) => ({
        replayId: replayIdOf(batchId, i.correlationId),
        batchId,
        correlationId: i.correlationId,
        businessKey: i.businessKey,
        findingId: i.findingId,
        flow: i.flow,
        plant: i.plant,
        payload: i.payload,
        ...(opts.payload !== undefined ? { originalPayload: i.originalPayload } : {}),
        requestedBy: by.id,
        requestedAtMs: Date.parse(at),
      }));
      // Recorded before enqueueing: if Redis loses the jobs, start-up enqueues them again from here.
      await this.queues.record(
        jobs.map((job, n) => ({
          job,
          state: 'queued',
          outcome: 'queued',
          attempts: 0,
          targetUrl: toSend[n].targetUrl,
          requestedRole: by.role,
          requestedAt: at.replace('T', ' ').replace('Z', ''),
        })),
      );
      const findingIds = [...new Set(toSend.map((i) => i.findingId).filter(Boolean))];
      for (const part of paramChunks(findingIds))
        await this.findings.apply(
          scope,
          { ids: part },
          { kind: 'status', status: 'replay_queued', reason: opts.reason || 'replay requested' },
          by,
        );
      const targets = await this.queues.currentTargets();
      const byTarget = new Map<ReplayTargetConfig, ReplayJobData[]>();
      for (const job of jobs) {
        const target = targetFor(targets, job.flow, job.plant)!;
        const list = byTarget.get(target) ?? [];
        list.push(job);
        byTarget.set(target, list);
      }
      const lost: { job: ReplayJobData; url: string }[] = [];
      for (const [target, list] of byTarget) {
        const held = await this.queues.enqueue(target, list);
        for (const job of list) if (!held.has(job.replayId)) lost.push({ job, url: target.url });
      }
      // Another request enqueued the same message a moment earlier: this one does not send it.
      if (lost.length) {
        await this.queues.record(
          lost.map((l) => ({
            job: l.job,
            state: 'skipped',
            outcome: 'already queued by another replay',
            attempts: 0,
            targetUrl: l.url,
          })),
        );
        const lostIds = new Set(lost.map((l) => l.job.correlationId));
        for (const i of items)
          if (i.send && lostIds.has(i.correlationId))
            Object.assign(i, { send: false, skip: 'already_queued', reason: 'already queued by another replay' });
      }
    }
    const sent = items.filter((i) => i.send).length;
    return { batchId, dryRun: opts.dryRun, items, toSend: sent, skipped: items.length - sent };
  }

  /** The messages a request names, each with the finding it came from. */
  private async wanted(
    scope: PlantScope,
    source: ReplaySource,
  ): Promise<
    { findingId: string; correlationId: string; businessKey: string; flow: string; plant: string; notReplayable: string }[]
  > {
    if ('correlationIds' in source) {
      if (source.correlationIds.length === 0) throw new InputError('give at least one correlation id', 'correlationIds');
      if (source.correlationIds.length > MAX_REPLAY_MESSAGES)
        throw new InputError(`at most ${MAX_REPLAY_MESSAGES} messages per replay`, 'correlationIds');
      return source.correlationIds.map((id) => ({
        findingId: '',
        correlationId: id,
        businessKey: '',
        flow: '',
        plant: '',
        notReplayable: '',
      }));
    }
    const hasIds = !!source.findingIds?.length;
    if (!hasIds && !source.filter) throw new InputError('give finding ids, or a filter', 'findingIds');
    const findingRows = (ids?: string[]) => this.findingRows(scope, { ...(source.filter ?? {}), ...(ids ? { ids } : {}) });
    const rows = hasIds ? await queryInParts(source.findingIds!, (part) => findingRows(part)) : await findingRows();
    if (rows.length > MAX_REPLAY_MESSAGES)
      throw new InputError(
        `the filter matches more than ${MAX_REPLAY_MESSAGES} findings: narrow it, or replay in parts`,
        'filter',
      );
    return rows.map((r) => ({
      findingId: r.finding_id,
      correlationId: r.correlation_ids[0] ?? '',
      businessKey: r.event_ids[0] ?? '',
      flow: r.flow,
      plant: r.plant,
      notReplayable: REPLAYABLE.has(r.type)
        ? ['resolved_auto', 'resolved_manual', 'ignored'].includes(r.status)
          ? `the finding is ${r.status.replace('_', ' ')}`
          : ''
        : `a ${r.type.replace('_', ' ')} is not fixed by re-sending a message`,
    }));
  }

  private findingRows(scope: PlantScope, filter: FindingFilterInput) {
    return this.clickhouse.scopedQuery<{
      finding_id: string;
      type: string;
      status: string;
      plant: string;
      flow: string;
      event_ids: string[];
      correlation_ids: string[];
    }>(
      { name: 'replay.findings', sql: FINDINGS_TO_REPLAY, params: { ...filterParams(filter), limit: MAX_REPLAY_MESSAGES + 1 } },
      scope,
    );
  }

  private messages(scope: PlantScope, ids: string[], keys: string[]): Promise<MessageRow[]> {
    return this.clickhouse.scopedQuery<MessageRow>(
      { name: 'replay.messages', sql: MESSAGES_TO_REPLAY, params: { ids, keys } },
      scope,
    );
  }

  async writeBatch(b: {
    batchId: string;
    reason: string;
    by: string;
    total: number;
    state: string;
    ratePerSecond: number;
    at: string;
    updatedBy?: string;
  }) {
    const now = new Date().toISOString();
    await this.clickhouse.insert('replay_batches', [
      {
        batch_id: b.batchId,
        version: Date.now() * 1000 + Math.floor(Math.random() * 1000),
        reason: b.reason,
        requested_by: b.by,
        requested_at: b.at,
        total: b.total,
        state: b.state,
        rate_per_s: b.ratePerSecond,
        updated_by: b.updatedBy ?? b.by,
        updated_at: now,
      },
    ]);
    this.queues.forgetBatchState(b.batchId);
  }

  /**
   * Replays, newest first, as `scope` sees them: a replay holding none of its plants' messages is not
   * there (as an unknown id), and the counts are of its messages in those plants; `outsideScope` says
   * whether it holds messages of other plants too (never how many: nothing of another plant is counted).
   */
  async batches(scope: PlantScope, first: number, id?: string): Promise<ReplayBatchView[]> {
    // A person who does not see every plant: first the newest replays holding messages of their plants
    // (read from the messages, which live with their plant's data on a cluster), then those replays.
    const visible = scope.isAll
      ? []
      : (
          await this.clickhouse.scopedQuery<{ batch_id: string }>(
            {
              name: 'replay.batches_in_scope',
              sql: `SELECT batch_id FROM replays WHERE ${SCOPE} AND ({id:String} = '' OR batch_id = {id:String})
                    GROUP BY batch_id ORDER BY max(requested_at) DESC, batch_id DESC LIMIT {first:UInt32}`,
              params: { id: id ?? '', first },
            },
            scope,
          )
        ).map((r) => r.batch_id);
    if (!scope.isAll && visible.length === 0) return [];
    const rows = await this.clickhouse.query<BatchRow>({
      name: 'replay.batches',
      sql: `SELECT * FROM (${BATCHES}) WHERE ({id:String} = '' OR batch_id = {id:String})
              AND ({all:Bool} OR batch_id IN {visible:Array(String)})
            ORDER BY requested_at DESC, batch_id LIMIT {first:UInt32}`,
      params: { id: id ?? '', first, all: scope.isAll, visible },
    });
    const counts = rows.length
      ? await this.clickhouse.scopedQuery<{ batch_id: string; state: string; visible: number | boolean; n: number | string }>(
          { name: 'replay.batch_counts', sql: BATCH_COUNTS, params: { batches: rows.map((r) => r.batch_id) } },
          scope,
        )
      : [];
    return rows.map((r) => {
      const mine = counts.filter((x) => x.batch_id === r.batch_id);
      const visible = mine.filter((x) => Number(x.visible));
      const sum = (xs: typeof mine) => xs.reduce((n, x) => n + Number(x.n), 0);
      const c = (state: string) => sum(visible.filter((x) => x.state === state));
      const outsideScope = mine.some((x) => !Number(x.visible) && Number(x.n) > 0);
      const progress = {
        queued: c('queued'),
        sent: c('sent'),
        skipped: c('skipped'),
        failed: c('failed'),
        dead: c('dead'),
        cancelled: c('cancelled'),
      };
      const open = progress.queued;
      return {
        id: r.batch_id,
        reason: r.reason,
        requestedBy: r.requested_by,
        requestedAt: isoFromClickHouse(r.requested_at),
        // Everyone who sees every plant sees the total as planned; others the part in their plants.
        total: scope.isAll ? Number(r.total) : sum(visible),
        state: r.state === 'running' && open === 0 ? 'finished' : r.state,
        ratePerSecond: r.rate_per_s || null,
        outsideScope,
        ...progress,
      };
    });
  }

  /**
   * The replay `batchId` for a change by someone of `scope`: unknown when none of its messages is in
   * their plants; refused when some are in plants outside them (the change would act on those too).
   */
  private async batchToChange(scope: PlantScope, batchId: string): Promise<ReplayBatchView> {
    const [batch] = await this.batches(scope, 1, batchId);
    if (!batch) throw new InputError(`no replay ${batchId}`, 'id');
    if (batch.outsideScope)
      throw new ForbiddenException(
        `replay ${batchId} also holds messages of plants outside yours: only someone who sees all of its plants may change it`,
      );
    return batch;
  }

  async batchItems(scope: PlantScope, batchId: string, states: string[]): Promise<ReplayItemView[]> {
    const rows = await this.clickhouse.scopedQuery<ReplayRow>(
      {
        name: 'replay.batch_items',
        sql: `SELECT * FROM (${REPLAY_STATE} WHERE batch_id = {batch:String} AND (length({states:Array(String)}) = 0 OR state IN {states:Array(String)})
                AND (plant IN {scope_plants:Array(String)} OR {scope_all:Bool})) ORDER BY updated_at DESC, replay_id LIMIT 1000`,
        params: { batch: batchId, states },
      },
      scope,
    );
    return rows.map(toItem);
  }

  async deadReplays(scope: PlantScope, first: number): Promise<ReplayItemView[]> {
    const rows = await this.clickhouse.scopedQuery<ReplayRow>(
      {
        name: 'replay.dead',
        sql: `SELECT * FROM (${REPLAY_STATE} WHERE state IN ('dead', 'failed') AND (plant IN {scope_plants:Array(String)} OR {scope_all:Bool}))
              ORDER BY updated_at DESC, replay_id LIMIT {first:UInt32}`,
        params: { first },
      },
      scope,
    );
    return rows.map(toItem);
  }

  /** Pause, resume or cancel a batch: what was not sent yet waits, goes on, or is never sent. */
  async setBatchState(
    scope: PlantScope,
    batchId: string,
    state: 'paused' | 'running' | 'cancelled',
    by: string,
  ): Promise<ReplayBatchView> {
    const batch = await this.batchToChange(scope, batchId);
    if (batch.state === 'cancelled') throw new InputError('the replay was cancelled', 'id');
    await this.writeBatch({
      batchId,
      reason: batch.reason,
      by: batch.requestedBy,
      total: batch.total,
      state,
      ratePerSecond: batch.ratePerSecond ?? 0,
      at: batch.requestedAt,
      updatedBy: by,
    });
    return (await this.batches(scope, 1, batchId))[0];
  }

  /** Changes the rate of a running batch's targets (messages per second). */
  async setBatchRate(scope: PlantScope, batchId: string, ratePerSecond: number, by: string): Promise<ReplayBatchView> {
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0 || ratePerSecond > 10_000)
      throw new InputError('ratePerSecond must be more than 0 and at most 10,000', 'ratePerSecond');
    const batch = await this.batchToChange(scope, batchId);
    // Every flow and plant of the batch (not its first 1,000 messages): each of their targets slows down.
    const items = await this.clickhouse.scopedQuery<{ flow: string; plant: string }>(
      {
        name: 'replay.batch_targets',
        sql: `SELECT DISTINCT toString(flow) AS flow, toString(plant) AS plant FROM replays
              WHERE batch_id = {batch:String} AND ${SCOPE}`,
        params: { batch: batchId },
      },
      scope,
    );
    const targets = await this.queues.currentTargets(true);
    const used = [...new Set(items.map((i) => targetFor(targets, i.flow, i.plant)).filter((t): t is ReplayTargetConfig => !!t))];
    await this.queues.setRate(used, ratePerSecond);
    await this.writeBatch({
      batchId,
      reason: batch.reason,
      by: batch.requestedBy,
      total: batch.total,
      state: batch.state === 'finished' ? 'running' : batch.state,
      ratePerSecond,
      at: batch.requestedAt,
      updatedBy: by,
    });
    return (await this.batches(scope, 1, batchId))[0];
  }
}

interface BatchRow {
  batch_id: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  total: number | string;
  state: string;
  rate_per_s: number;
}

interface ReplayRow extends ReplayKeyColumns {
  target_url: string;
  state: string;
  outcome: string;
  response_code: number;
  document_id: string;
  attempts: number;
  requested_by: string;
  requested_at: string;
  updated_at: string;
  edited: number | boolean;
}

export interface ReplayBatchView {
  id: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  total: number;
  state: string;
  ratePerSecond: number | null;
  queued: number;
  sent: number;
  skipped: number;
  failed: number;
  dead: number;
  cancelled: number;
  outsideScope: boolean;
}

export interface ReplayItemView {
  id: string;
  batchId: string;
  correlationId: string;
  businessKey: string;
  findingId: string;
  flow: string;
  plant: string;
  targetUrl: string;
  state: string;
  outcome: string;
  responseCode: number | null;
  documentId: string;
  attempts: number;
  requestedBy: string;
  updatedAt: string;
  edited: boolean;
}

const toItem = (r: ReplayRow): ReplayItemView => ({
  id: r.replay_id,
  batchId: r.batch_id,
  correlationId: r.correlation_id,
  businessKey: r.business_key,
  findingId: r.finding_id,
  flow: r.flow,
  plant: r.plant,
  targetUrl: r.target_url,
  state: r.state,
  outcome: r.outcome,
  responseCode: r.response_code || null,
  documentId: r.document_id,
  attempts: r.attempts,
  requestedBy: r.requested_by,
  updatedAt: isoFromClickHouse(r.updated_at),
  edited: r.edited === true || r.edited === 1,
});
