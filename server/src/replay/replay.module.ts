import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { ReplayQueues } from './replay-queues.service';
import { ReplayResolver } from './replay.resolver';
import { ReplayService } from './replay.service';
import { ReplayTargetsRepository } from './replay-targets.repository';

/** Replay: targets, requests, the per-target queues and their workers (docs/replay.md). */
@Module({
  imports: [FindingsModule, ReconciliationModule],
  providers: [ReplayTargetsRepository, ReplayQueues, ReplayService, ReplayResolver],
  exports: [ReplayService],
})
export class ReplayModule {}
