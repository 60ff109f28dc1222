import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue, type Worker } from 'bullmq';

const logger = new Logger('Queues');
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/**
 * Handles the 'error' events of a BullMQ queue, worker or queue-events object. Without a listener
 * BullMQ prints each one on stderr: during a Redis outage that is one stack trace per reconnect
 * attempt per connection. Lost connections are logged once per outage by the Redis module
 * (RedisOutageMonitor) and BullMQ reconnects by itself, so they are dropped here; anything else is
 * logged.
 */
export function handleQueueErrors(
  source: string,
  emitter: { on(event: 'error', listener: (err: Error) => void): unknown },
): void {
  emitter.on('error', (err: Error & { code?: string }) => {
    if ((err.code && CONNECTION_CODES.has(err.code)) || /Connection is closed|connect ECONNREFUSED/.test(err.message)) return;
    logger.warn(`${source}: ${err.message}`);
  });
}

/**
 * Gives every BullMQ queue and worker of the application its error handler at start-up (found
 * through Nest's discovery, so a new queue or processor is covered without code of its own).
 */
@Injectable()
export class QueueErrorHandlers implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof Queue) handleQueueErrors(`queue ${instance.name}`, instance);
      else if (instance instanceof WorkerHost) {
        // The worker exists once the explorer has created it (before bootstrap hooks run); the
        // getter throws when it does not.
        let worker: Worker | undefined;
        try {
          worker = instance.worker as Worker;
        } catch {
          worker = undefined;
        }
        if (worker) handleQueueErrors(`worker ${worker.name}`, worker);
      }
    }
  }
}
