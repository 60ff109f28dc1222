import type { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * Keeps one BullMQ job scheduler `key` running job `name` every `seconds` (0: removes it). Schedulers
 * are keyed, so every instance calling this at start-up still yields one schedule. `single`: one job
 * of the queue at a time across every instance (the queue's global concurrency is 1). A Redis that is
 * down at start-up is logged, not fatal: the schedule is set at the next start.
 */
export async function scheduleEvery(
  queue: Queue,
  key: string,
  seconds: number,
  name: string,
  logger: Logger,
  options: { single?: boolean } = {},
): Promise<void> {
  try {
    if (options.single) await queue.setGlobalConcurrency(1);
    if (seconds > 0)
      await queue.upsertJobScheduler(
        key,
        { every: seconds * 1000 },
        { name, data: {}, opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } } },
      );
    else await queue.removeJobScheduler(key);
  } catch (err) {
    logger.warn(`could not schedule ${key}: ${String(err)}`);
  }
}
