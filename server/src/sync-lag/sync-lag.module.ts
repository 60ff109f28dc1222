import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { QueueName } from '../queues/queue-names';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { SyncLagKpiResolver } from './kpi.resolver';
import { SyncLagKpiService } from './kpi.service';
import { RollupService } from './rollup.service';
import { SyncLagResolver } from './sync-lag.resolver';
import { SyncLagService } from './sync-lag.service';

@Module({
  imports: [FindingsModule, ReconciliationModule, BullModule.registerQueue({ name: QueueName.Rollup })],
  providers: [SyncLagService, SyncLagResolver, SyncLagKpiService, SyncLagKpiResolver, RollupService],
  exports: [SyncLagKpiService, RollupService],
})
export class SyncLagModule {}
