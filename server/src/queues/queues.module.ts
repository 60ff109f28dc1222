import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { QueueErrorHandlers } from './queue-errors';
import { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';
import { SystemProcessor } from './system.processor';
import { SystemQueueService } from './system-queue.service';
import { RoleWorkers } from './role-workers';

/** Central job defaults: retries with exponential backoff, bounded retention. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
} as const;

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redis.url),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
      // Workers are registered by RoleWorkers, per SYNCLINE_ROLE.
      extraOptions: { manualRegistration: true },
    }),
    BullModule.registerQueue({ name: QueueName.System }),
    DiscoveryModule,
  ],
  providers: [SystemProcessor, SystemQueueService, QueueErrorHandlers, RoleWorkers],
  exports: [SystemQueueService, BullModule],
})
export class QueuesModule {}
