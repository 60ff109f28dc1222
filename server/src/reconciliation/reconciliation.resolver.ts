import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError, NotFoundError } from '../common/errors/input-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import type { Principal } from '../domain/principal';
import { MetricsService } from '../metrics/metrics.service';
import { plantTimeMs } from './master-data/calendar';
import { MasterDataRepository } from './master-data/master-data.repository';
import { runMeasured } from './reconcile.processor';
import { ReconcileScheduler } from './reconcile-scheduler.service';
import { ReconcileService } from './reconcile.service';
import {
  FlowRulesInput,
  FlowRulesType,
  LineSilenceInput,
  LineSilenceType,
  MaterialCostInput,
  MaterialCostType,
  PlantCalendarInput,
  PlantCalendarType,
  ReconcileRunType,
  UnitConversionInput,
  UnitConversionType,
} from './reconciliation.types';
import type { FlowRules, Priority } from './rules/flow-rules';
import { FlowRulesRepository } from './rules/flow-rules.repository';
import { RulesService } from './rules/rules.service';

const toType = (r: FlowRules): FlowRulesType => ({ ...r, version: String(r.version) });
/** The longest a silence may last: a maintenance window, not a way to mute a line for good. */
const MAX_SILENCE_DAYS = 14;

/** Rules and master data (admin), silences (IT support, their plants) and on-demand runs. */
@Resolver()
export class ReconciliationResolver {
  constructor(
    private readonly rules: FlowRulesRepository,
    private readonly rulesService: RulesService,
    private readonly masterData: MasterDataRepository,
    private readonly reconcile: ReconcileService,
    private readonly scheduler: ReconcileScheduler,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [FlowRulesType], { description: 'The rules in force, per flow.' })
  @RequirePermission('data:view')
  async flowRules(): Promise<FlowRulesType[]> {
    return (await this.rules.current()).map(toType);
  }

  @Query(() => [FlowRulesType], { description: 'Every version of one flow\u2019s rules, newest first.' })
  @RequirePermission('rules:manage')
  async flowRulesHistory(@Args('flow') flow: string): Promise<FlowRulesType[]> {
    return (await this.rules.history(flow)).map(toType);
  }

  @Mutation(() => FlowRulesType, { description: 'Saves a new version of a flow\u2019s rules; it applies from the next run.' })
  @RequirePermission('rules:manage')
  async updateFlowRules(
    @Args('input') input: FlowRulesInput,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<FlowRulesType> {
    audit.target('flow_rules', input.flow);
    const { before, after } = await this.rulesService.updateFlowRules(
      { ...input, priority: input.priority as Priority | undefined },
      principal.id,
    );
    audit.before = before;
    audit.after = after;
    await this.scheduler.sync();
    return toType(after);
  }

  @Query(() => [UnitConversionType], { description: 'Unit conversions, per material or for every material (material "").' })
  @RequirePermission('data:view')
  unitConversions(): Promise<UnitConversionType[]> {
    return this.masterData.conversions();
  }

  @Mutation(() => UnitConversionType, { description: 'Sets a conversion (and its inverse), e.g. M-CASE: 1 CS = 12 EA.' })
  @RequirePermission('rules:manage')
  async setUnitConversion(@Args('input') input: UnitConversionInput, @Audit() audit: AuditNote): Promise<UnitConversionType> {
    audit.target('unit_conversion', `${input.material}:${input.fromUnit}->${input.toUnit}`);
    const saved = await this.rulesService.setConversion(input);
    audit.after = saved;
    return saved;
  }

  @Query(() => [MaterialCostType], { description: 'Standard cost per material, for value at risk.' })
  @RequirePermission('data:view')
  async materialCosts(): Promise<MaterialCostType[]> {
    return (await this.masterData.costs()).map((c) => ({ ...c, currency: this.config.reconcile.currency }));
  }

  @Mutation(() => MaterialCostType)
  @RequirePermission('rules:manage')
  async setMaterialCost(
    @Args('input') input: MaterialCostInput,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<MaterialCostType> {
    audit.target('material_cost', input.material);
    const saved = await this.rulesService.setCost(input, principal.id);
    audit.after = saved;
    return { ...saved, currency: this.config.reconcile.currency, updatedBy: principal.id, updatedAt: new Date().toISOString() };
  }

  @Query(() => [PlantCalendarType], { description: 'Plant calendars; a plant without one runs around the clock.' })
  @RequirePermission('data:view')
  async plantCalendars(@CurrentPrincipal() principal: Principal): Promise<PlantCalendarType[]> {
    return (await this.masterData.calendars()).filter((c) => principal.scope.allows(c.plant));
  }

  @Mutation(() => PlantCalendarType, {
    description: 'Replaces a plant\u2019s calendar: shifts, planned stops, holidays, silent minutes.',
  })
  @RequirePermission('rules:manage')
  async setPlantCalendar(
    @Args('input') input: PlantCalendarInput,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<PlantCalendarType> {
    audit.target('plant_calendar', input.plant);
    audit.before = (await this.masterData.calendars()).find((c) => c.plant === input.plant);
    const saved = await this.rulesService.setCalendar(
      { ...input, shifts: input.shifts, stops: input.stops, holidays: input.holidays },
      principal.id,
    );
    audit.after = saved;
    audit.plants = [saved.plant];
    return saved;
  }

  @Query(() => [LineSilenceType], { description: 'Silences in force or coming, in your plants.' })
  @RequirePermission('data:view')
  async lineSilences(@CurrentPrincipal() principal: Principal): Promise<LineSilenceType[]> {
    const now = Date.now();
    return (await this.masterData.silences(now, now + 365 * 86_400_000))
      .filter((s) => principal.scope.allows(s.plant))
      .map((s) => ({ ...s, id: s.silenceId }));
  }

  @Mutation(() => LineSilenceType, {
    description: `Silences a line for a maintenance window (at most ${MAX_SILENCE_DAYS} days); it ends by itself.`,
  })
  @RequirePermission('findings:triage')
  async silenceLine(
    @Args('input') input: LineSilenceInput,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<LineSilenceType> {
    audit.target('line', `${input.plant}/${input.line}`);
    audit.plants = [input.plant];
    if (!principal.scope.allows(input.plant)) throw new NotFoundError(`No plant ${input.plant}`);
    // A time without an offset is the plant's wall clock (its calendar's zone; UTC without a calendar).
    const timezone = (await this.masterData.calendars()).find((c) => c.plant === input.plant)?.timezone ?? 'UTC';
    const startsAt = input.startsAt ? plantTimeMs(input.startsAt, timezone) : Date.now();
    const endsAt = plantTimeMs(input.endsAt, timezone);
    if (Number.isNaN(startsAt)) throw new InputError('startsAt must be an ISO 8601 time such as 2026-12-24T06:00', 'startsAt');
    if (Number.isNaN(endsAt)) throw new InputError('endsAt must be an ISO 8601 time such as 2026-12-24T06:00', 'endsAt');
    if (!(endsAt > startsAt)) throw new InputError('endsAt must be after startsAt', 'endsAt');
    if (endsAt - startsAt > MAX_SILENCE_DAYS * 86_400_000)
      throw new InputError(`a silence lasts at most ${MAX_SILENCE_DAYS} days`, 'endsAt');
    if (endsAt <= Date.now()) throw new InputError('endsAt must be in the future', 'endsAt');
    if (!input.reason.trim()) throw new InputError('reason is required: say why the line is silenced', 'reason');
    const saved = await this.masterData.saveSilence({
      plant: input.plant,
      line: input.line,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
      reason: input.reason.trim(),
      createdBy: principal.id,
    });
    audit.after = saved;
    return { ...saved, id: saved.silenceId };
  }

  @Mutation(() => Boolean, { description: 'Ends a silence now.' })
  @RequirePermission('findings:triage')
  async cancelLineSilence(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
    @Audit() audit: AuditNote,
  ): Promise<boolean> {
    audit.target('line_silence', id);
    const now = Date.now();
    const silence = (await this.masterData.silences(now - 86_400_000, now + 365 * 86_400_000)).find((s) => s.silenceId === id);
    if (!silence || !principal.scope.allows(silence.plant)) throw new NotFoundError(`No silence ${id}`);
    audit.before = silence;
    await this.masterData.saveSilence({ ...silence, endsAt: new Date(Math.min(now, Date.parse(silence.endsAt))).toISOString() });
    return true;
  }

  @Mutation(() => ReconcileRunType, {
    description:
      'Runs one reconciliation pass now (one flow, or every flow and silent lines) and returns when it is done. sinceDays: a full pass over the last N days instead of the sliding window.',
  })
  @RequirePermission('system:operate')
  async reconcileNow(
    @Args('flow', { type: () => String, nullable: true }) flow: string | undefined,
    @Args('sinceDays', { type: () => Int, nullable: true }) sinceDays: number | undefined,
    @Audit() audit: AuditNote,
  ): Promise<ReconcileRunType> {
    audit.target('reconciliation', flow ?? 'all');
    if (flow && !(await this.rules.current()).some((r) => r.flow === flow && r.enabled)) {
      throw new InputError(`flow "${flow.slice(0, 64)}" has no enabled rules`, 'flow');
    }
    if (sinceDays !== undefined && sinceDays !== null && (sinceDays < 1 || sinceDays > 730)) {
      throw new InputError('sinceDays must be 1 to 730', 'sinceDays');
    }
    const now = Date.now();
    const r = await runMeasured(this.reconcile, this.metrics, {
      kind: sinceDays ? 'full' : 'on_demand',
      flows: flow ? [flow] : undefined,
      silentLines: !flow,
      ...(sinceDays ? { fromMs: now - sinceDays * 86_400_000, toMs: now + 1, nowMs: now } : {}),
    });
    audit.after = { runId: r.runId, sinceDays, detected: r.detected, resolved: r.resolved, reopened: r.reopened };
    return { ...r, from: new Date(r.fromMs).toISOString(), to: new Date(r.toMs).toISOString() };
  }
}
