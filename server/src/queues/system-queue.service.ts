import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { QueueEvents, type Queue } from 'bullmq';
import { handleQueueErrors } from './queue-errors';
import { QueueName, SystemJob, type EchoJobData, type EchoJobResult } from './queue-names';

@Injectable()
export class SystemQueueService implements OnApplicationShutdown {
  private events: QueueEvents | undefined;

  constructor(@InjectQueue(QueueName.System) private readonly queue: Queue<EchoJobData, EchoJobResult, SystemJob>) {}

  /** Enqueues an echo job and waits for a worker to answer it. */
  async echo(message: string, timeoutMs = 10_000): Promise<EchoJobResult> {
    if (!this.events) {
      this.events = new QueueEvents(this.queue.name, { connection: this.queue.opts.connection, prefix: this.queue.opts.prefix });
      handleQueueErrors(`queue events ${this.queue.name}`, this.events);
      await this.events.waitUntilReady();
    }
    const job = await this.queue.add(SystemJob.Echo, { message, enqueuedAt: Date.now() }, { attempts: 1 });
    return job.waitUntilFinished(this.events, timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events?.close();
  }
}
