import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { UsersService } from '../auth/users/users.service';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError } from '../common/errors/input-error';
import { validateInput } from '../common/errors/validation-error';
import { checkPageSize, pageSizeArg } from '../common/paging/paging';
import type { Principal } from '../domain/principal';
import { ORDER_KEYS } from './findings.queries';
import { FindingsService, type FindingAction } from './findings.service';
import {
  Finding,
  FindingActionResult,
  FindingConnection,
  FindingCount,
  FindingDetail,
  FindingFilterInput,
  FindingGroup,
  FindingOrder,
  FindingTargetInput,
} from './findings.types';

const REASON_MAX = 2000;

function reasonOf(reason: string | undefined, field: string, required: boolean): string {
  const r = (reason ?? '').trim();
  if (required && !r) throw new InputError(`${field} is required: say why, for the history and the audit trail`, field);
  if (r.length > REASON_MAX) throw new InputError(`${field} must be at most ${REASON_MAX} characters`, field);
  return r;
}

/** The exception queue: findings of the caller's plants, and what IT support does with them. */
@Resolver(() => Finding)
export class FindingsResolver {
  constructor(
    private readonly service: FindingsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => FindingConnection, { description: 'Findings in your plants, filtered, sorted and paged by cursor.' })
  @RequirePermission('data:view')
  findings(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => FindingFilterInput, nullable: true }) filter: FindingFilterInput | undefined,
    @Args('orderBy', { type: () => FindingOrder, defaultValue: FindingOrder.VALUE_AT_RISK }) orderBy: FindingOrder,
    @Args('descending', { defaultValue: true }) descending: boolean,
    @Args('first', pageSizeArg) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<FindingConnection> {
    checkPageSize(first);
    validateInput(FindingFilterInput, filter, 'filter');
    if (!(orderBy in ORDER_KEYS)) throw new InputError(`orderBy must be one of ${Object.keys(ORDER_KEYS).join(', ')}`, 'orderBy');
    return this.service.list(principal.scope, filter, orderBy, descending, first, after);
  }

  @Query(() => FindingDetail, {
    description: 'One finding with its history, device events and postings; NOT_FOUND outside your plants.',
  })
  @RequirePermission('data:view')
  finding(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<FindingDetail> {
    return this.service.detail(principal.scope, id);
  }

  @Query(() => [FindingCount], { description: 'How many findings there are by type and status (and their value at risk).' })
  @RequirePermission('data:view')
  findingCounts(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => FindingFilterInput, nullable: true }) filter: FindingFilterInput | undefined,
  ): Promise<FindingCount[]> {
    validateInput(FindingFilterInput, filter, 'filter');
    return this.service.counts(principal.scope, filter);
  }

  @Query(() => [FindingGroup], {
    description: 'Findings folded by cause: same type, plant, line, flow and hour; largest value first.',
  })
  @RequirePermission('data:view')
  findingGroups(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => FindingFilterInput, nullable: true }) filter: FindingFilterInput | undefined,
    @Args('first', pageSizeArg) first: number,
  ): Promise<FindingGroup[]> {
    checkPageSize(first);
    validateInput(FindingFilterInput, filter, 'filter');
    return this.service.groups(principal.scope, filter, first);
  }

  @Mutation(() => FindingActionResult, { description: 'Acknowledges open findings (by ids or filter, in your plants).' })
  @RequirePermission('findings:triage')
  acknowledgeFindings(
    @CurrentPrincipal() principal: Principal,
    @Args('target') target: FindingTargetInput,
    @Args('comment', { type: () => String, nullable: true }) comment: string | undefined,
    @Audit() audit: AuditNote,
  ) {
    return this.act(
      principal,
      target,
      { kind: 'status', status: 'acknowledged', reason: reasonOf(comment, 'comment', false) },
      audit,
    );
  }

  @Mutation(() => FindingActionResult, { description: 'Assigns findings to a person (username) or a team (team:<name>).' })
  @RequirePermission('findings:triage')
  async assignFindings(
    @CurrentPrincipal() principal: Principal,
    @Args('target') target: FindingTargetInput,
    @Args('assignee') assignee: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | undefined,
    @Audit() audit: AuditNote,
  ) {
    noteTarget(audit, target);
    const who = assignee.trim();
    if (/^team:[A-Za-z0-9 _.-]{1,64}$/.test(who) === false) {
      const person = who ? await this.users.get(who.toLowerCase()) : undefined;
      if (!person || person.disabled)
        throw new InputError(
          `assignee must be an enabled person's username or team:<name>; "${who.slice(0, 80)}" is neither`,
          'assignee',
        );
    }
    return this.act(principal, target, { kind: 'assign', assignee: who, reason: reasonOf(comment, 'comment', false) }, audit);
  }

  @Mutation(() => FindingActionResult, { description: 'Adds a comment to a finding\u2019s history.' })
  @RequirePermission('findings:triage')
  commentOnFinding(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment') comment: string,
    @Audit() audit: AuditNote,
  ) {
    return this.act(principal, { ids: [id] }, { kind: 'comment', comment: reasonOf(comment, 'comment', true) }, audit);
  }

  @Mutation(() => FindingActionResult, { description: 'Resolves findings by hand, with the reason.' })
  @RequirePermission('findings:triage')
  resolveFindings(
    @CurrentPrincipal() principal: Principal,
    @Args('target') target: FindingTargetInput,
    @Args('reason') reason: string,
    @Audit() audit: AuditNote,
  ) {
    return this.act(
      principal,
      target,
      { kind: 'status', status: 'resolved_manual', reason: reasonOf(reason, 'reason', true) },
      audit,
    );
  }

  @Mutation(() => FindingActionResult, { description: 'Ignores findings (no action needed), with the reason.' })
  @RequirePermission('findings:triage')
  ignoreFindings(
    @CurrentPrincipal() principal: Principal,
    @Args('target') target: FindingTargetInput,
    @Args('reason') reason: string,
    @Audit() audit: AuditNote,
  ) {
    return this.act(principal, target, { kind: 'status', status: 'ignored', reason: reasonOf(reason, 'reason', true) }, audit);
  }

  private async act(
    principal: Principal,
    target: FindingTargetInput,
    action: FindingAction,
    audit: AuditNote,
  ): Promise<FindingActionResult> {
    audit.target(
      'findings',
      target.ids?.length === 1 ? target.ids[0] : target.ids?.length ? `${target.ids.length} ids` : 'filter',
    );
    audit.before = { ids: target.ids?.slice(0, 100), filter: target.filter };
    const changed = await this.service.apply(principal.scope, target, action, { id: principal.id, role: principal.role ?? '' });
    audit.after = { action, changed };
    audit.plants = [...(principal.scope.list ?? [])];
    return { changed };
  }
}

/** Which findings an action was asked for, in the audit trail (ids, at most 100 of them, or the filter). */
function noteTarget(audit: AuditNote, target: FindingTargetInput): void {
  audit.target('findings', target.ids?.length === 1 ? target.ids[0] : target.ids?.length ? `${target.ids.length} ids` : 'filter');
  audit.before = { ids: target.ids?.slice(0, 100), filter: target.filter };
}
