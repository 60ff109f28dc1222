import { BadRequestException } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { requireAdmin } from '../auth/roles';
import { SyncLagService } from './sync-lag.service';
import { LineSyncLag } from './sync-lag.types';

const MAX_WINDOW_MINUTES = 7 * 24 * 60;

@Resolver(() => LineSyncLag)
export class SyncLagResolver {
  constructor(private readonly syncLag: SyncLagService) {}

  @Query(() => [LineSyncLag], { description: 'Device-event-to-ERP-posting lag per plant and line over the last N minutes.' })
  syncLagByLine(
    @CurrentPrincipal() principal: Principal | undefined,
    @Args('minutes', { type: () => Int, defaultValue: 60 }) minutes: number,
    @Args('slaMinutes', { type: () => Int, defaultValue: 15 }) slaMinutes: number,
  ): Promise<LineSyncLag[]> {
    requireAdmin(principal);
    if (minutes < 1 || minutes > MAX_WINDOW_MINUTES) throw new BadRequestException(`minutes must be 1 to ${MAX_WINDOW_MINUTES}`);
    if (slaMinutes < 1 || slaMinutes > 24 * 60) throw new BadRequestException('slaMinutes must be 1 to 1440');
    const to = Date.now();
    return this.syncLag.byLine(to - minutes * 60_000, to, slaMinutes * 60);
  }
}
