import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { QueueName } from '../queues/queue-names';
import { MasterDataRepository } from './master-data/master-data.repository';
import { ReconcileProcessor } from './reconcile.processor';
import { ReconcileScheduler } from './reconcile-scheduler.service';
import { ReconcileService } from './reconcile.service';
import { ReconciliationResolver } from './reconciliation.resolver';
import { FlowRulesRepository } from './rules/flow-rules.repository';
import { RulesService } from './rules/rules.service';

/** Reconciliation: the rules and master data, the passes, and the jobs that run them continuously. */
@Module({
  imports: [IngestModule, BullModule.registerQueue({ name: QueueName.Reconcile })],
  providers: [
    ReconcileService,
    FlowRulesRepository,
    MasterDataRepository,
    RulesService,
    ReconcileProcessor,
    ReconcileScheduler,
    ReconciliationResolver,
  ],
  exports: [ReconcileService, FlowRulesRepository, MasterDataRepository],
})
export class ReconciliationModule {}
