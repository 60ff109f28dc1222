import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../queues/queue-names';
import { ReplaySweeper } from './replay-sweeper';
import { FindingsModule } from '../findings/findings.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { ReplayQueues } from './replay-queues.service';
import { ReplayResolver } from './replay.resolver';
import { ReplayService } from './replay.service';
import { ReplayTargetsRepository } from './replay-targets.repository';

/** Replay: targets, requests, the per-target queues and their workers (docs/replay.md). */
@Module({
  imports: [FindingsModule, ReconciliationModule, BullModule.registerQueue({ name: QueueName.ReplaySweep })],
  providers: [ReplayTargetsRepository, ReplayQueues, ReplayService, ReplayResolver, ReplaySweeper],
  exports: [ReplayService, ReplayTargetsRepository],
})
export class ReplayModule {}
