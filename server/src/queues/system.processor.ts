import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, SystemJob, type EchoJobData, type EchoJobResult } from './queue-names';

@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost {
  async process(job: Job<EchoJobData, EchoJobResult, SystemJob>): Promise<EchoJobResult> {
    switch (job.name) {
      case SystemJob.Echo:
        return { message: job.data.message, processedBy: process.pid, latencyMs: Date.now() - job.data.enqueuedAt };
      default:
        throw new Error(`No handler for job "${String(job.name)}" on queue ${QueueName.System}`);
    }
  }
}
