import { ForbiddenException } from '@nestjs/common';
import { Args, Float, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { actorOf, AuditService } from '../audit/audit.service';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError } from '../common/errors/input-error';
import { validateInput } from '../common/errors/validation-error';
import type { Principal } from '../domain/principal';
import { FindingFilterInput } from '../findings/findings.types';
import { EDITED_PAYLOAD_MAX } from '../dead-letters/dead-letters.resolver';
import { jsonDiff, type JsonChange } from './json-diff';
import { REPLAY_STATES } from './replay-jobs';
import { MAX_REPLAY_MESSAGES, ReplayService, type ReplayRequestResult as Result } from './replay.service';
import { AUDIT_ITEMS_MAX, replayAuditSummary } from './replay-audit';
import { ReplayBatch, ReplayItem, ReplayRequestResult, ReplayTarget, ReplayTargetInput } from './replay.types';
import type { CheckMode, ReplayTargetConfig } from './replay-targets';

const BATCH_ID = /^[0-9a-f-]{36}$/;

function checkBatchId(id: string): void {
  if (!BATCH_ID.test(id)) throw new InputError('id must be the id of a replay', 'id');
}

const toGraphql = (t: ReplayTargetConfig): ReplayTarget => ({
  ...t,
  headers: Object.entries(t.headers).map(([name, secret]) => ({ name, secret })),
});

/** Replay (issue 13, docs/replay.md): targets, requests (dry run first), bulk replays and their progress. */
@Resolver()
export class ReplayResolver {
  constructor(
    private readonly service: ReplayService,
    private readonly audit: AuditService,
  ) {}

  @Query(() => [ReplayTarget], { description: 'Replay targets per flow (and plant): those of every plant and of yours.' })
  @RequirePermission('replay:run')
  async replayTargets(@CurrentPrincipal() principal: Principal): Promise<ReplayTarget[]> {
    return (await this.service.targets(principal.scope)).map(toGraphql);
  }

  @Mutation(() => ReplayTarget, {
    description:
      'Saves the replay target of a flow (and plant): refused, naming the field, when it cannot work. Header values are secret references, never secrets.',
  })
  @RequirePermission('rules:manage')
  async saveReplayTarget(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ReplayTargetInput,
    @Audit() audit: AuditNote,
  ): Promise<ReplayTarget> {
    validateInput(ReplayTargetInput, input, 'input');
    audit.target('replay_target', `${input.flow}/${input.plant}`);
    const headers: Record<string, string> = {};
    for (const h of input.headers) {
      if (headers[h.name] !== undefined) throw new InputError(`header ${h.name} is given twice`, `headers.${h.name}`);
      headers[h.name] = h.secret;
    }
    const saved = await this.service.saveTarget(
      { ...input, method: input.method as ReplayTargetConfig['method'], checkMode: input.checkMode as CheckMode, headers },
      principal.id,
    );
    audit.after = { ...saved, headers: input.headers };
    return toGraphql(saved);
  }

  @Mutation(() => ReplayRequestResult, {
    description:
      'Replays the messages behind findings (ids, or every finding matching a filter, in your plants). dryRun (the default) lists what would be sent, where, with which idempotency key, and what is skipped and why; without it the set is frozen as one replay and enqueued.',
  })
  @RequirePermission('replay:run')
  async replay(
    @CurrentPrincipal() principal: Principal,
    @Args('findingIds', { type: () => [String], nullable: true }) findingIds: string[] | undefined,
    @Args('filter', { type: () => FindingFilterInput, nullable: true }) filter: FindingFilterInput | undefined,
    @Args('dryRun', { type: () => Boolean, defaultValue: true }) dryRun: boolean,
    @Args('reason', { type: () => String, defaultValue: '' }) reason: string,
    @Audit() audit: AuditNote,
  ): Promise<ReplayRequestResult> {
    validateInput(FindingFilterInput, filter, 'filter');
    if (findingIds && findingIds.length > MAX_REPLAY_MESSAGES)
      throw new InputError(`at most ${MAX_REPLAY_MESSAGES} findings per replay`, 'findingIds');
    checkReason(reason);
    const result = await this.service.request(
      principal.scope,
      { findingIds, filter },
      { dryRun, reason },
      { id: principal.id, role: principal.role ?? '' },
    );
    noteResult(audit, principal, result, { findingIds, filter, reason });
    return result;
  }

  @Mutation(() => ReplayRequestResult, {
    description:
      'Replays messages by correlation id (from a trace). `payload` (needs replay:edit) replaces the payload of exactly one message; the original is kept, and the edit audited.',
  })
  @RequirePermission('replay:run')
  async replayMessages(
    @CurrentPrincipal() principal: Principal,
    @Args('correlationIds', { type: () => [String] }) correlationIds: string[],
    @Args('dryRun', { type: () => Boolean, defaultValue: true }) dryRun: boolean,
    @Args('reason', { type: () => String, defaultValue: '' }) reason: string,
    @Args('payload', { type: () => String, nullable: true }) payload: string | undefined,
    @Audit() audit: AuditNote,
  ): Promise<ReplayRequestResult> {
    if (correlationIds.length > MAX_REPLAY_MESSAGES)
      throw new InputError(`at most ${MAX_REPLAY_MESSAGES} messages per replay`, 'correlationIds');
    if (correlationIds.some((id) => id.length > 256))
      throw new InputError('a correlation id is at most 256 characters', 'correlationIds');
    checkReason(reason);
    const edited = payload ?? undefined;
    if (edited !== undefined) {
      if (!principal.permissions.has('replay:edit')) {
        await this.audit.record(actorOf(principal), {
          operation: 'replayMessages',
          outcome: 'denied',
          error: 'needs replay:edit',
        });
        throw new ForbiddenException(
          `Your role (${principal.role}) may not edit a payload: it needs the "replay:edit" permission`,
        );
      }
      if (edited.length > EDITED_PAYLOAD_MAX)
        throw new InputError(`payload must be at most ${EDITED_PAYLOAD_MAX} characters`, 'payload');
    }
    const result = await this.service.request(
      principal.scope,
      { correlationIds },
      { dryRun, reason, payload: edited },
      { id: principal.id, role: principal.role ?? '' },
    );
    noteResult(audit, principal, result, { correlationIds: correlationIds.slice(0, AUDIT_ITEMS_MAX), reason });
    if (edited !== undefined) {
      const original = result.items[0]?.originalPayload ?? '';
      audit.after = {
        ...(audit.after as object),
        edit: { diff: diffOf(original, edited), originalPayload: original.slice(0, 4096), editedPayload: edited.slice(0, 4096) },
      };
    }
    return result;
  }

  @Query(() => [ReplayBatch], {
    description: 'Replays holding messages of your plants, newest first, with their progress (counted in your plants).',
  })
  @RequirePermission('replay:run')
  replayBatches(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<ReplayBatch[]> {
    if (first < 1 || first > 500) throw new InputError('first must be from 1 to 500', 'first');
    return this.service.batches(principal.scope, first);
  }

  @Query(() => ReplayBatch, { nullable: true, description: 'One replay and its progress.' })
  @RequirePermission('replay:run')
  async replayBatch(@CurrentPrincipal() principal: Principal, @Args('id') id: string): Promise<ReplayBatch | null> {
    checkBatchId(id);
    return (await this.service.batches(principal.scope, 1, id))[0] ?? null;
  }

  @Query(() => [ReplayItem], {
    description: 'The messages of one replay with their result (in your plants), latest change first.',
  })
  @RequirePermission('replay:run')
  replayItems(
    @CurrentPrincipal() principal: Principal,
    @Args('batchId') batchId: string,
    @Args('states', { type: () => [String], nullable: true }) states: string[] | undefined,
  ): Promise<ReplayItem[]> {
    checkBatchId(batchId);
    for (const s of states ?? [])
      if (!(REPLAY_STATES as readonly string[]).includes(s))
        throw new InputError(`states must be among ${REPLAY_STATES.join(', ')}`, 'states');
    return this.service.batchItems(principal.scope, batchId, states ?? []);
  }

  @Query(() => [ReplayItem], {
    description: 'Replays that failed (refused by the target) or gave up (dead), newest first, in your plants.',
  })
  @RequirePermission('replay:run')
  deadReplays(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<ReplayItem[]> {
    if (first < 1 || first > 1000) throw new InputError('first must be from 1 to 1,000', 'first');
    return this.service.deadReplays(principal.scope, first);
  }

  @Mutation(() => ReplayBatch, { description: 'Pauses a replay: nothing more is sent until it is resumed.' })
  @RequirePermission('replay:run')
  pauseReplay(@CurrentPrincipal() p: Principal, @Args('id') id: string, @Audit() audit: AuditNote): Promise<ReplayBatch> {
    return this.changeState(p, id, 'paused', audit);
  }

  @Mutation(() => ReplayBatch, { description: 'Resumes a paused replay.' })
  @RequirePermission('replay:run')
  resumeReplay(@CurrentPrincipal() p: Principal, @Args('id') id: string, @Audit() audit: AuditNote): Promise<ReplayBatch> {
    return this.changeState(p, id, 'running', audit);
  }

  @Mutation(() => ReplayBatch, { description: 'Cancels a replay: what was not sent yet is never sent.' })
  @RequirePermission('replay:run')
  cancelReplay(@CurrentPrincipal() p: Principal, @Args('id') id: string, @Audit() audit: AuditNote): Promise<ReplayBatch> {
    return this.changeState(p, id, 'cancelled', audit);
  }

  @Mutation(() => ReplayBatch, {
    description: 'Changes how fast a running replay sends (messages per second to each of its targets).',
  })
  @RequirePermission('replay:run')
  async setReplayRate(
    @CurrentPrincipal() principal: Principal,
    @Args('id') id: string,
    @Args('ratePerSecond', { type: () => Float }) ratePerSecond: number,
    @Audit() audit: AuditNote,
  ): Promise<ReplayBatch> {
    checkBatchId(id);
    audit.target('replay', id);
    const batch = await this.service.setBatchRate(principal.scope, id, ratePerSecond, principal.id);
    audit.after = { ratePerSecond };
    return batch;
  }

  private async changeState(
    principal: Principal,
    id: string,
    state: 'paused' | 'running' | 'cancelled',
    audit: AuditNote,
  ): Promise<ReplayBatch> {
    checkBatchId(id);
    audit.target('replay', id);
    const batch = await this.service.setBatchState(principal.scope, id, state, principal.id);
    audit.after = { state };
    return batch;
  }
}

function checkReason(reason: string): void {
  if (reason.length > 2000) throw new InputError('reason must be at most 2,000 characters', 'reason');
}

function noteResult(audit: AuditNote, principal: Principal, result: Result, asked: object): void {
  audit.target('replay', result.batchId || 'dry-run');
  const { plants, after } = replayAuditSummary(result);
  audit.plants = plants;
  audit.before = asked;
  audit.after = after;
  void principal;
}

/** The edit as a field-by-field diff, or a note when the original is not JSON. */
function diffOf(original: string, edited: string): JsonChange[] | string {
  try {
    return jsonDiff(JSON.parse(original), JSON.parse(edited));
  } catch {
    return 'the original payload is not JSON: both are kept whole';
  }
}
