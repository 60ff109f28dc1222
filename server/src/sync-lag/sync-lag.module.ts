import { Module } from '@nestjs/common';
import { SyncLagResolver } from './sync-lag.resolver';
import { SyncLagService } from './sync-lag.service';

@Module({ providers: [SyncLagService, SyncLagResolver] })
export class SyncLagModule {}
