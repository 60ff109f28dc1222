import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RequirePermission } from '../common/access/access.decorators';
import { InputError, NotFoundError } from '../common/errors/input-error';
import type { Principal } from '../domain/principal';
import { SyncLagService } from './sync-lag.service';
import { LineSyncLag, SyncLagTotals } from './sync-lag.types';

const MAX_WINDOW_MINUTES = 7 * 24 * 60;

function window(minutes: number, slaMinutes: number): { fromMs: number; toMs: number; slaSeconds: number } {
  if (minutes < 1 || minutes > MAX_WINDOW_MINUTES) throw new InputError(`minutes must be 1 to ${MAX_WINDOW_MINUTES}`, 'minutes');
  if (slaMinutes < 1 || slaMinutes > 24 * 60) throw new InputError('slaMinutes must be 1 to 1440', 'slaMinutes');
  const toMs = Date.now();
  return { fromMs: toMs - minutes * 60_000, toMs, slaSeconds: slaMinutes * 60 };
}

const minutesArg = { type: () => Int, defaultValue: 60 };
const slaArg = { type: () => Int, defaultValue: 15 };
const plantsArg = { type: () => [String], nullable: true, description: 'Only these plants (within your scope).' };

/** Sync lag of the plants in the caller's scope; plants outside it answer as if they had no data. */
@Resolver(() => LineSyncLag)
export class SyncLagResolver {
  constructor(private readonly syncLag: SyncLagService) {}

  @Query(() => [LineSyncLag], { description: 'Device-event-to-ERP-posting lag per plant and line over the last N minutes.' })
  @RequirePermission('data:view')
  syncLagByLine(
    @CurrentPrincipal() principal: Principal,
    @Args('minutes', minutesArg) minutes: number,
    @Args('slaMinutes', slaArg) slaMinutes: number,
    @Args('plants', plantsArg) plants: string[] | undefined,
  ): Promise<LineSyncLag[]> {
    const w = window(minutes, slaMinutes);
    return this.syncLag.byLine(principal.scope.narrow(plants), w.fromMs, w.toMs, w.slaSeconds);
  }

  @Query(() => LineSyncLag, {
    description: 'One line\u2019s sync lag; "not found" when it has no events in the window or is outside your plants.',
  })
  @RequirePermission('data:view')
  async syncLagOfLine(
    @CurrentPrincipal() principal: Principal,
    @Args('plant') plant: string,
    @Args('line') line: string,
    @Args('minutes', minutesArg) minutes: number,
    @Args('slaMinutes', slaArg) slaMinutes: number,
  ): Promise<LineSyncLag> {
    const w = window(minutes, slaMinutes);
    const [found] = await this.syncLag.byLine(principal.scope.narrow([plant]), w.fromMs, w.toMs, w.slaSeconds, line);
    if (!found || found.plant !== plant)
      throw new NotFoundError(`No line ${plant}/${line} with device events in the last ${minutes} minutes`);
    return found;
  }

  @Query(() => SyncLagTotals, { description: 'Totals over every line in scope (or the plants asked for).' })
  @RequirePermission('data:view')
  async syncLagTotals(
    @CurrentPrincipal() principal: Principal,
    @Args('minutes', minutesArg) minutes: number,
    @Args('slaMinutes', slaArg) slaMinutes: number,
    @Args('plants', plantsArg) plants: string[] | undefined,
  ): Promise<SyncLagTotals> {
    const w = window(minutes, slaMinutes);
    const lines = await this.syncLag.byLine(principal.scope.narrow(plants), w.fromMs, w.toMs, w.slaSeconds);
    const events = lines.reduce((n, l) => n + l.events, 0);
    const posted = lines.reduce((n, l) => n + l.posted, 0);
    const within = lines.reduce((n, l) => n + l.withinSlaShare * l.events, 0);
    return {
      plants: [...new Set(lines.map((l) => l.plant))].sort(),
      lines: lines.length,
      events,
      posted,
      withinSlaShare: events ? Math.round((within / events) * 1e9) / 1e9 : 0,
    };
  }
}
