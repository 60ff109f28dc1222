import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface RedisLockOptions {
  /** The lock expires by itself this long after it was taken, should its holder die. */
  holdMs: number;
  /** Gives up (throws `busy()`) after waiting this long for another holder. */
  waitMs: number;
  busy: () => Error;
  /** Told when the lock could not be released (it then expires after holdMs). */
  onReleaseError?: (err: unknown) => void;
}

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
const POLL_MS = 10;

/**
 * Runs `work` holding the Redis lock `key`, across every instance: what ClickHouse cannot serialize
 * (it has no unique constraint and no row locks). Released by its own token only, so a holder whose
 * lock expired never releases the next one's.
 */
export async function withRedisLock<T>(redis: Redis, key: string, options: RedisLockOptions, work: () => Promise<T>): Promise<T> {
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + options.waitMs;
  while ((await redis.set(key, token, 'PX', options.holdMs, 'NX')) !== 'OK') {
    if (Date.now() >= deadline) throw options.busy();
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await redis.eval(RELEASE, 1, key, token).catch((err: unknown) => options.onReleaseError?.(err));
  }
}
