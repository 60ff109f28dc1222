import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError } from '../common/errors/input-error';
import { validateInput } from '../common/errors/validation-error';
import { checkPageSize, pageSizeArg } from '../common/paging/paging';
import type { Principal } from '../domain/principal';
import { DeadLettersService } from './dead-letters.service';
import {
  DeadLetter,
  DeadLetterConnection,
  DeadLetterCount,
  DeadLetterFilterInput,
  DeadLetterTargetInput,
  DiscardResult,
  RedeliverResult,
} from './dead-letters.types';

const REASON_MAX = 2000;
/** An edited payload may be as large as an MQTT message Syncline would take (well under the broker's limit). */
export const EDITED_PAYLOAD_MAX = 1_048_576;
const AUDIT_PAYLOAD_MAX = 4096;

/** Rejected messages: what could not be stored, and what IT support does with it (fix and redeliver, or discard). */
@Resolver(() => DeadLetter)
export class DeadLettersResolver {
  constructor(private readonly service: DeadLettersService) {}

  @Query(() => DeadLetterConnection, { description: 'Dead letters in your plants, newest first, paged by cursor.' })
  @RequirePermission('data:view')
  deadLetters(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => DeadLetterFilterInput, nullable: true }) filter: DeadLetterFilterInput | undefined,
    @Args('first', pageSizeArg) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<DeadLetterConnection> {
    checkPageSize(first);
    validateInput(DeadLetterFilterInput, filter, 'filter');
    return this.service.list(principal.scope, filter, first, after);
  }

  @Query(() => [DeadLetterCount], { description: 'How many dead letters there are by source, reason and status.' })
  @RequirePermission('data:view')
  deadLetterCounts(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => DeadLetterFilterInput, nullable: true }) filter: DeadLetterFilterInput | undefined,
  ): Promise<DeadLetterCount[]> {
    validateInput(DeadLetterFilterInput, filter, 'filter');
    return this.service.counts(principal.scope, filter);
  }

  @Mutation(() => RedeliverResult, {
    description:
      'Stores open dead letters through the normal ingest path (parsed and validated like a new message). `payload` replaces the payload of exactly one letter. One still invalid stays open; the answer says why.',
  })
  @RequirePermission('deadletters:handle')
  async redeliverDeadLetters(
    @CurrentPrincipal() principal: Principal,
    @Args('target') target: DeadLetterTargetInput,
    @Args('payload', { type: () => String, nullable: true }) payload: string | undefined,
    @Audit() audit: AuditNote,
  ): Promise<RedeliverResult> {
    if (payload !== undefined && payload !== null && payload.length > EDITED_PAYLOAD_MAX)
      throw new InputError(`payload must be at most ${EDITED_PAYLOAD_MAX} characters`, 'payload');
    noteTarget(audit, principal, target);
    const edited = payload ?? undefined;
    const result = await this.service.redeliver(principal.scope, target, edited, principal.id);
    audit.after = {
      redelivered: result.redelivered,
      failed: result.failed.slice(0, 100),
      ...(edited !== undefined ? { editedPayload: edited.slice(0, AUDIT_PAYLOAD_MAX) } : {}),
    };
    return result;
  }

  @Mutation(() => DiscardResult, {
    description: 'Discards open dead letters (by ids or filter, in your plants), with the reason.',
  })
  @RequirePermission('deadletters:handle')
  async discardDeadLetters(
    @CurrentPrincipal() principal: Principal,
    @Args('target') target: DeadLetterTargetInput,
    @Args('reason') reason: string,
    @Audit() audit: AuditNote,
  ): Promise<DiscardResult> {
    const r = reason.trim();
    if (!r) throw new InputError('reason is required: say why, for the letter and the audit trail', 'reason');
    if (r.length > REASON_MAX) throw new InputError(`reason must be at most ${REASON_MAX} characters`, 'reason');
    noteTarget(audit, principal, target);
    const changed = await this.service.discard(principal.scope, target, r, principal.id);
    audit.after = { status: 'discarded', reason: r, changed };
    return { changed };
  }
}

/** Which letters an action was asked for, in the audit trail (ids, at most 100 of them, or the filter). */
function noteTarget(audit: AuditNote, principal: Principal, target: DeadLetterTargetInput): void {
  audit.target(
    'dead_letters',
    target.ids?.length === 1 ? target.ids[0] : target.ids?.length ? `${target.ids.length} ids` : 'filter',
  );
  audit.before = { ids: target.ids?.slice(0, 100), filter: target.filter };
  audit.plants = [...(principal.scope.list ?? [])];
}
