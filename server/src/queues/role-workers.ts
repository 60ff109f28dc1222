import { BullRegistrar } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';

/** Whether this process runs background work (BullMQ jobs, MQTT subscriptions): SYNCLINE_ROLE worker or all. */
export function runsWorkers(config: AppConfig): boolean {
  return config.role !== 'api';
}

/**
 * BullMQ workers for the @Processor classes are registered here, not automatically: a process started
 * with SYNCLINE_ROLE=api serves HTTP only and takes no job, so operators can scale the API and the
 * workers apart. Schedules and queues are in Redis, so any instance may add jobs; only workers take them.
 */
@Injectable()
export class RoleWorkers implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(
    private readonly registrar: BullRegistrar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (runsWorkers(this.config)) this.registrar.register();
    else this.logger.log('role api: this process takes no jobs (workers run where SYNCLINE_ROLE is worker or all)');
  }
}
