import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../queues/queue-names';
import { AlertDelivery } from './alert-delivery';
import { AlertEvaluator } from './alert-evaluator';
import { AlertsRepository } from './alerts.repository';
import { AlertsResolver } from './alerts.resolver';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.AlertEvaluate }, { name: QueueName.AlertDelivery })],
  providers: [AlertsRepository, AlertDelivery, AlertEvaluator, AlertsResolver],
  exports: [AlertsRepository],
})
export class AlertsModule {}
