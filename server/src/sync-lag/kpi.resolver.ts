import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Audit, type AuditNote } from '../audit/audit-note';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import type { Principal } from '../domain/principal';
import { parseRange, SyncLagKpiService } from './kpi.service';
import { LagCell, LagSeries, RollupRunType, StageShare, SyncLagFilterInput, SyncLagKpis, TimeRangeInput } from './kpi.types';
import { RollupService } from './rollup.service';

const filterArg = { type: () => SyncLagFilterInput, nullable: true };

/** The Sync lag page: KPI tiles, lag over time, the SLA grid and where the lag comes from (rollups). */
@Resolver()
export class SyncLagKpiResolver {
  constructor(
    private readonly kpis: SyncLagKpiService,
    private readonly rollup: RollupService,
  ) {}

  @Query(() => SyncLagKpis, { description: 'KPI tiles for the range, and the same figures for the period just before it.' })
  @RequirePermission('data:view')
  syncLagKpis(
    @CurrentPrincipal() principal: Principal,
    @Args('range') range: TimeRangeInput,
    @Args('filter', filterArg) filter: SyncLagFilterInput | undefined,
  ): Promise<SyncLagKpis> {
    return this.kpis.periods(principal.scope.narrow(filter?.plants), parseRange(range), filter);
  }

  @Query(() => [LagSeries], { description: 'p50/p95/p99 device-to-ERP lag per flow over the range, with the flow\u2019s SLA.' })
  @RequirePermission('data:view')
  syncLagSeries(
    @CurrentPrincipal() principal: Principal,
    @Args('range') range: TimeRangeInput,
    @Args('filter', filterArg) filter: SyncLagFilterInput | undefined,
  ): Promise<LagSeries[]> {
    return this.kpis.series(principal.scope.narrow(filter?.plants), parseRange(range), filter);
  }

  @Query(() => [LagCell], { description: 'Plant x line x flow over the range, each in its SLA state.' })
  @RequirePermission('data:view')
  syncLagGrid(
    @CurrentPrincipal() principal: Principal,
    @Args('range') range: TimeRangeInput,
    @Args('filter', filterArg) filter: SyncLagFilterInput | undefined,
  ): Promise<LagCell[]> {
    return this.kpis.grid(principal.scope.narrow(filter?.plants), parseRange(range), filter);
  }

  @Query(() => [StageShare], { description: 'Where the lag comes from: time between each pair of stages, largest first.' })
  @RequirePermission('data:view')
  syncLagStages(
    @CurrentPrincipal() principal: Principal,
    @Args('range') range: TimeRangeInput,
    @Args('filter', filterArg) filter: SyncLagFilterInput | undefined,
  ): Promise<StageShare[]> {
    return this.kpis.stages(principal.scope.narrow(filter?.plants), parseRange(range), filter);
  }

  @Mutation(() => RollupRunType, {
    description:
      'Rolls up now what arrived since the last run (rebuild: every minute again, e.g. after a restore or a rules change) and returns when done.',
  })
  @RequirePermission('system:operate')
  refreshSyncLagRollups(
    @Args('rebuild', { type: () => Boolean, defaultValue: false }) rebuild: boolean,
    @Audit() audit: AuditNote,
  ): Promise<RollupRunType> {
    audit.target('rollups', rebuild ? 'rebuild' : 'refresh');
    return this.rollup.run({ rebuild });
  }
}
