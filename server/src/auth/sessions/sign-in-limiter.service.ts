import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { APP_REDIS } from '../../redis/redis.module';

/** Failed sign-ins allowed per username and per client address before delays start. */
export const FREE_ATTEMPTS = 5;
/** The first delay; each further failure doubles it, up to MAX_DELAY_S. */
export const FIRST_DELAY_S = 2;
export const MAX_DELAY_S = 15 * 60;
/** Failures are forgotten after this long without a new one. */
const WINDOW_S = 60 * 60;

export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins for this username or from this address; try again in ${retryAfterSeconds} s`);
  }
}

/**
 * Growing delays after failed sign-ins, counted per username (whether or not it exists, so the
 * answer tells nothing) and per client address, in Redis so every instance counts together.
 * Two keys per subject: a failure counter with a sliding window, and a block with the current delay.
 * (rate-limiter-flexible's block() resets the count it would need to grow the delay; docs/libraries.md.)
 */
@Injectable()
export class SignInLimiter {
  private readonly prefix: string;

  constructor(
    @Inject(APP_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:signin`;
  }

  private subjects(username: string, address: string): string[] {
    return [`u:${username.trim().toLowerCase().slice(0, 256)}`, `a:${address}`];
  }

  /** Throws SignInThrottled while the username or the address is blocked. */
  async check(username: string, address: string): Promise<void> {
    const ttls = await Promise.all(this.subjects(username, address).map((s) => this.redis.pttl(`${this.prefix}:block:${s}`)));
    const wait = Math.max(...ttls);
    if (wait > 0) throw new SignInThrottled(Math.ceil(wait / 1000));
  }

  /** Records a failure; from the FREE_ATTEMPTS-th on, blocks for a delay that doubles each time. */
  async failed(username: string, address: string): Promise<void> {
    for (const s of this.subjects(username, address)) {
      const [[, count]] = (await this.redis
        .multi()
        .incr(`${this.prefix}:fails:${s}`)
        .expire(`${this.prefix}:fails:${s}`, WINDOW_S)
        .exec()) as [[Error | null, number], unknown];
      const over = count - FREE_ATTEMPTS;
      if (over >= 0)
        await this.redis.set(`${this.prefix}:block:${s}`, '1', 'EX', Math.min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** over));
    }
  }

  /** A successful sign-in forgives the username's failures (not the address's). */
  async succeeded(username: string): Promise<void> {
    const [s] = this.subjects(username, '');
    await this.redis.del(`${this.prefix}:fails:${s}`, `${this.prefix}:block:${s}`);
  }
}
