import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import type { Principal } from '../domain/principal';
import { parseRange } from '../sync-lag/kpi.service';
import { TimeRangeInput } from '../sync-lag/kpi.types';
import { RoiRepository, type StoredRoiSettings } from './roi.repository';
import { RoiService } from './roi.service';
import { EMPTY_MEASURED, validateRoiSettings, type BaselineMode, type RoiSettings } from './roi-settings';
import { RoiAssumptions, RoiAssumptionsInput, RoiFilterInput, RoiReportType } from './roi.types';

/** The executive's page and its assumptions. */
@Resolver()
export class RoiResolver {
  constructor(
    private readonly reports: RoiService,
    private readonly repository: RoiRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private assumptions(s: StoredRoiSettings): RoiAssumptions {
    return {
      minutesPerManualReconciliation: s.minutesPerManualReconciliation,
      secondsPerPostingCheck: s.secondsPerPostingCheck,
      hourlyCost: s.hourlyCost,
      currency: this.config.reconcile.currency,
      baselineMode: s.baselineMode,
      baselineFrom: s.baselineFrom,
      baselineTo: s.baselineTo,
      measured: s.measured,
      updatedBy: s.updatedBy,
      updatedAt: s.updatedAt,
    };
  }

  @Query(() => RoiReportType, { description: 'ROI figures for a period (at most 90 days) against the baseline, in your plants.' })
  @RequirePermission('roi:view')
  async roi(
    @CurrentPrincipal() principal: Principal,
    @Args('range') range: TimeRangeInput,
    @Args('filter', { type: () => RoiFilterInput, nullable: true }) filter: RoiFilterInput | undefined,
  ): Promise<RoiReportType> {
    const report = await this.reports.report(principal.scope.narrow(filter?.plants), parseRange(range), filter?.flows ?? []);
    return { ...report, assumptions: this.assumptions(report.settings) };
  }

  @Query(() => RoiAssumptions, { description: 'What the ROI figures assume.' })
  @RequirePermission('roi:view')
  async roiAssumptions(): Promise<RoiAssumptions> {
    return this.assumptions(await this.repository.current());
  }

  @Mutation(() => RoiAssumptions, { description: 'Saves the ROI assumptions and baseline; the figures use them at once.' })
  @RequirePermission('rules:manage')
  async saveRoiAssumptions(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RoiAssumptionsInput,
    @Audit() audit: AuditNote,
  ): Promise<RoiAssumptions> {
    const before = await this.repository.current();
    audit.target('roi_assumptions', 'all');
    audit.before = this.assumptions(before);
    const next: RoiSettings = validateRoiSettings({
      minutesPerManualReconciliation: input.minutesPerManualReconciliation,
      secondsPerPostingCheck: input.secondsPerPostingCheck,
      hourlyCost: input.hourlyCost,
      baselineMode: input.baselineMode as BaselineMode,
      baselineFrom: input.baselineMode === 'period' ? (input.baselineFrom ?? null) : null,
      baselineTo: input.baselineMode === 'period' ? (input.baselineTo ?? null) : null,
      measured: { ...EMPTY_MEASURED, ...(input.measured ?? {}) },
    });
    await this.repository.save(next, principal.id, before.version);
    const after = this.assumptions(await this.repository.current());
    audit.after = after;
    return after;
  }
}
