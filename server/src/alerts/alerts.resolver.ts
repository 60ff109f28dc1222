import { ForbiddenException } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError, NotFoundError } from '../common/errors/input-error';
import type { PlantScope } from '../domain/plant-scope';
import type { Principal } from '../domain/principal';
import {
  validateChannel,
  validateRule,
  type AlertChannel,
  type AlertRule,
  type ChannelKind,
  type RuleKind,
  type Severity,
  type WebhookFormat,
} from './alert-model';
import { AlertDelivery } from './alert-delivery';
import { activeSilence, AlertEvaluator } from './alert-evaluator';
import { itemsFor, notificationFor, rulePlantsFor, stateFor, visibleRule } from './alert-scope';
import { AlertsRepository, newId, type AlertSilence } from './alerts.repository';
import {
  AlertChannelInput,
  AlertChannelType,
  AlertEvaluationType,
  AlertNotificationType,
  AlertRuleInput,
  AlertRuleType,
  AlertSilenceInput,
  AlertSilenceType,
  AlertStateType,
} from './alerts.types';

const MAX_SILENCE_MS = 30 * 86_400_000;

/** Alert rules and channels (admin), firing alerts, acknowledgement and silences (IT support), the history. */
@Resolver()
export class AlertsResolver {
  constructor(
    private readonly repository: AlertsRepository,
    private readonly evaluator: AlertEvaluator,
    private readonly delivery: AlertDelivery,
  ) {}

  @Query(() => [AlertChannelType], { description: 'Notification channels, each with its delivery health.' })
  @RequirePermission('rules:manage')
  async alertChannels(): Promise<AlertChannelType[]> {
    const [channels, health] = await Promise.all([this.repository.channels(), this.repository.channelHealth()]);
    const h = new Map(health.map((x) => [x.channelId, x]));
    return channels.map((c) => ({
      ...c.doc,
      updatedBy: c.updatedBy,
      updatedAt: c.updatedAt,
      lastStatus: h.get(c.doc.channelId)?.lastStatus ?? null,
      lastError: h.get(c.doc.channelId)?.lastError || null,
      lastSentAt: h.get(c.doc.channelId)?.lastSentAt ?? null,
      failuresSinceSent: h.get(c.doc.channelId)?.failuresSinceSent ?? 0,
    }));
  }

  @Mutation(() => AlertChannelType, { description: 'Adds or changes a channel; refused with the field when it cannot work.' })
  @RequirePermission('rules:manage')
  async saveAlertChannel(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AlertChannelInput,
    @Audit() audit: AuditNote,
  ): Promise<AlertChannelType> {
    const existing = (await this.repository.channels()).find((c) => c.doc.channelId === input.channelId);
    if (input.channelId && !existing) throw new NotFoundError(`No channel ${input.channelId.slice(0, 64)}`);
    const channel: AlertChannel = validateChannel(
      {
        channelId: input.channelId ?? newId('ch'),
        name: input.name,
        kind: input.kind as ChannelKind,
        format: input.format as WebhookFormat,
        url: input.url,
        recipients: input.recipients,
        enabled: input.enabled,
      },
      (ref) => this.delivery.problemOfSecret(ref),
    );
    audit.target('alert_channel', channel.channelId);
    audit.before = existing?.doc;
    audit.after = channel;
    await this.repository.saveChannel(channel, principal.id);
    return (await this.alertChannels()).find((c) => c.channelId === channel.channelId)!;
  }

  @Mutation(() => Boolean, { description: 'Deletes a channel no rule uses (its history stays).' })
  @RequirePermission('rules:manage')
  async deleteAlertChannel(
    @CurrentPrincipal() principal: Principal,
    @Args('channelId', { type: () => ID }) channelId: string,
    @Audit() audit: AuditNote,
  ): Promise<boolean> {
    const existing = (await this.repository.channels()).find((c) => c.doc.channelId === channelId);
    if (!existing) throw new NotFoundError(`No channel ${channelId.slice(0, 64)}`);
    const users = (await this.repository.rules()).filter(
      (r) => r.doc.channelIds.includes(channelId) || r.doc.escalationChannelIds.includes(channelId),
    );
    if (users.length)
      throw new InputError(
        `rules ${users.map((r) => `"${r.doc.name}"`).join(', ')} send to this channel: change them first`,
        'channelId',
      );
    audit.target('alert_channel', channelId);
    audit.before = existing.doc;
    await this.repository.saveChannel(existing.doc, principal.id, true);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Sends a test notification to a channel (its outcome shows in the history and the channel\u2019s health).',
  })
  @RequirePermission('rules:manage')
  async testAlertChannel(@Args('channelId', { type: () => ID }) channelId: string, @Audit() audit: AuditNote): Promise<boolean> {
    const channel = (await this.repository.channels()).find((c) => c.doc.channelId === channelId);
    if (!channel) throw new NotFoundError(`No channel ${channelId.slice(0, 64)}`);
    audit.target('alert_channel', channelId);
    const message = this.evaluator.message(
      { ruleId: '', name: `Test of ${channel.doc.name}`, kind: 'finding' },
      'test',
      ['This is a test notification from Syncline.'],
      Date.now(),
    );
    await this.delivery.notify(message, [{ ...channel.doc, enabled: true }], false);
    return true;
  }

  @Query(() => [AlertRuleType], {
    description:
      'Alert rules and where each stands. A plant-scoped person sees the rules for every plant or one of theirs, and only their plants\u2019 items.',
  })
  @RequirePermission('findings:triage')
  async alertRules(@CurrentPrincipal() principal: Principal): Promise<AlertRuleType[]> {
    return this.rulesFor(principal.scope);
  }

  private async rulesFor(scope: PlantScope): Promise<AlertRuleType[]> {
    const [rules, states, silences] = await Promise.all([
      this.repository.rules(),
      this.repository.states(),
      this.repository.silences(),
    ]);
    const now = Date.now();
    return rules
      .filter((r) => visibleRule(r.doc, scope))
      .map((r) => {
        const state: AlertStateType = {
          ...stateFor(states.get(r.doc.ruleId), scope),
          silencedUntil: activeSilence(silences, r.doc.ruleId, now)?.endsAt ?? null,
        };
        return { ...r.doc, plants: rulePlantsFor(r.doc, scope), updatedBy: r.updatedBy, updatedAt: r.updatedAt, state };
      });
  }

  /** The rules a person of `scope` may see, by id: one they may not see answers as one that does not exist. */
  private async visibleRuleIds(scope: PlantScope): Promise<Set<string>> {
    const rules = await this.repository.rules();
    return new Set(rules.filter((r) => visibleRule(r.doc, scope)).map((r) => r.doc.ruleId));
  }

  @Mutation(() => AlertRuleType, { description: 'Adds or changes a rule; refused with the field when it cannot work.' })
  @RequirePermission('rules:manage')
  async saveAlertRule(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AlertRuleInput,
    @Audit() audit: AuditNote,
  ): Promise<AlertRuleType> {
    const [rules, channels] = await Promise.all([this.repository.rules(), this.repository.channels()]);
    const existing = rules.find((r) => r.doc.ruleId === input.ruleId);
    if (input.ruleId && !existing) throw new NotFoundError(`No rule ${input.ruleId.slice(0, 64)}`);
    const rule: AlertRule = validateRule(
      {
        ruleId: input.ruleId ?? newId('rule'),
        name: input.name,
        kind: input.kind as RuleKind,
        minSeverity: (input.minSeverity ?? null) as Severity | null,
        minValueAtRisk: input.minValueAtRisk ?? null,
        minutes: input.minutes,
        threshold: input.threshold,
        plants: input.plants,
        flows: input.flows,
        channelIds: input.channelIds,
        escalationChannelIds: input.escalationChannelIds,
        escalateAfterSeconds: input.escalateAfterSeconds ?? null,
        repeatSeconds: input.repeatSeconds,
        groupSeconds: input.groupSeconds,
        enabled: input.enabled,
        createdAt: existing?.doc.createdAt ?? new Date().toISOString(),
      },
      new Set(channels.map((c) => c.doc.channelId)),
    );
    audit.target('alert_rule', rule.ruleId);
    audit.before = existing?.doc;
    audit.after = rule;
    await this.repository.saveRule(rule, principal.id);
    return (await this.rulesFor(principal.scope)).find((r) => r.ruleId === rule.ruleId)!;
  }

  @Mutation(() => Boolean, { description: 'Deletes a rule (its history stays).' })
  @RequirePermission('rules:manage')
  async deleteAlertRule(
    @CurrentPrincipal() principal: Principal,
    @Args('ruleId', { type: () => ID }) ruleId: string,
    @Audit() audit: AuditNote,
  ): Promise<boolean> {
    const existing = (await this.repository.rules()).find((r) => r.doc.ruleId === ruleId);
    if (!existing) throw new NotFoundError(`No rule ${ruleId.slice(0, 64)}`);
    audit.target('alert_rule', ruleId);
    audit.before = existing.doc;
    await this.repository.saveRule(existing.doc, principal.id, true);
    return true;
  }

  @Mutation(() => AlertStateType, {
    description:
      'Acknowledges a firing alert: someone is on it, so it does not escalate. Only someone who sees every plant of what it covers may.',
  })
  @RequirePermission('findings:triage')
  async acknowledgeAlert(
    @CurrentPrincipal() principal: Principal,
    @Args('ruleId', { type: () => ID }) ruleId: string,
    @Audit() audit: AuditNote,
  ): Promise<AlertStateType> {
    audit.target('alert_rule', ruleId);
    const scope = principal.scope;
    const visible = scope.isAll || (await this.visibleRuleIds(scope)).has(ruleId);
    // A rule the caller may not see, or firing with none of their plants' items, answers as a rule
    // that is not firing (as an unknown id does); one that also covers other plants is refused.
    const state = !visible
      ? undefined
      : await this.evaluator.acknowledge(ruleId, principal.id, (s) => {
          const { keys, outside } = itemsFor(s, scope);
          if (keys.length === 0) return false;
          if (outside)
            throw new ForbiddenException(
              'this alert also covers plants outside yours: only someone who sees every plant it covers may acknowledge it',
            );
          return true;
        });
    if (!state) throw new InputError('this rule is not firing: there is nothing to acknowledge', 'ruleId');
    audit.after = { acknowledgedBy: state.acknowledgedBy, acknowledgedAt: state.acknowledgedAt };
    return { ...stateFor(state, scope), silencedUntil: null };
  }

  @Query(() => [AlertSilenceType], {
    description:
      'Silences and maintenance windows of the last 30 days and to come (a plant-scoped person: those of every rule and of the rules they see).',
  })
  @RequirePermission('findings:triage')
  async alertSilences(@CurrentPrincipal() principal: Principal): Promise<AlertSilence[]> {
    return this.silencesFor(principal.scope);
  }

  private async silencesFor(scope: PlantScope): Promise<AlertSilence[]> {
    const silences = await this.repository.silences();
    if (scope.isAll) return silences;
    const rules = await this.visibleRuleIds(scope);
    return silences.filter((s) => s.ruleId === '' || rules.has(s.ruleId));
  }

  @Mutation(() => AlertSilenceType, { description: 'Silences one rule, or every rule (a maintenance window), until endsAt.' })
  @RequirePermission('findings:triage')
  async silenceAlerts(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AlertSilenceInput,
    @Audit() audit: AuditNote,
  ): Promise<AlertSilence> {
    const now = Date.now();
    const starts = input.startsAt ? Date.parse(input.startsAt) : now;
    const ends = Date.parse(input.endsAt);
    if (Number.isNaN(starts)) throw new InputError('startsAt must be an ISO 8601 time', 'startsAt');
    if (Number.isNaN(ends)) throw new InputError('endsAt must be an ISO 8601 time', 'endsAt');
    if (ends <= Math.max(starts, now)) throw new InputError('endsAt must be in the future and after startsAt', 'endsAt');
    if (ends - starts > MAX_SILENCE_MS) throw new InputError('a silence lasts at most 30 days', 'endsAt');
    if (!input.reason.trim()) throw new InputError('reason must say why (e.g. "line 3 maintenance")', 'reason');
    if (input.ruleId && !(await this.visibleRuleIds(principal.scope)).has(input.ruleId))
      throw new NotFoundError(`No rule ${input.ruleId.slice(0, 64)}`);
    const silence: AlertSilence = {
      silenceId: newId('sil'),
      ruleId: input.ruleId,
      startsAt: new Date(starts).toISOString(),
      endsAt: new Date(ends).toISOString(),
      reason: input.reason.trim(),
      createdBy: principal.id,
      createdAt: new Date(now).toISOString(),
      cancelled: false,
    };
    audit.target('alert_silence', silence.silenceId);
    audit.after = silence;
    await this.repository.saveSilence(silence);
    return silence;
  }

  @Mutation(() => Boolean, { description: 'Ends a silence now.' })
  @RequirePermission('findings:triage')
  async endAlertSilence(
    @CurrentPrincipal() principal: Principal,
    @Args('silenceId', { type: () => ID }) silenceId: string,
    @Audit() audit: AuditNote,
  ): Promise<boolean> {
    const silence = (await this.silencesFor(principal.scope)).find((s) => s.silenceId === silenceId);
    if (!silence) throw new NotFoundError(`No silence ${silenceId.slice(0, 64)}`);
    audit.target('alert_silence', silenceId);
    audit.before = silence;
    await this.repository.saveSilence({
      ...silence,
      cancelled: true,
      endsAt: new Date(Math.min(Date.now(), Date.parse(silence.endsAt))).toISOString(),
    });
    return true;
  }

  @Query(() => [AlertNotificationType], {
    description:
      'Notifications sent (or not, and why), newest first. A plant-scoped person sees those with items of their plants, and only those items.',
  })
  @RequirePermission('findings:triage')
  async alertNotifications(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('ruleId', { type: () => ID, nullable: true }) ruleId: string | undefined,
  ): Promise<AlertNotificationType[]> {
    if (first < 1 || first > 1000) throw new InputError('first must be 1 to 1000', 'first');
    const rows = await this.repository.notifications(first, ruleId, principal.scope);
    return rows.map((r) => notificationFor(r, principal.scope)).filter((r): r is AlertNotificationType => r !== null);
  }

  @Mutation(() => AlertEvaluationType, {
    description: 'Evaluates every alert rule now (as the schedule does) and returns when done.',
  })
  @RequirePermission('system:operate')
  evaluateAlertsNow(@Audit() audit: AuditNote): Promise<AlertEvaluationType> {
    audit.target('alerts', 'all');
    return this.evaluator.evaluate();
  }
}
