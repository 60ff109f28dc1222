import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { redisOptionsFromUrl } from '../queues/redis-connection';

/** PINGs the Redis that BullMQ uses, on a connection of its own that fails fast instead of queueing. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.redis.url),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
    });
    this.redis.on('error', () => undefined);
  }

  async check(key = 'redis') {
    const indicator = this.health.check(key);
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      const answer = await this.redis.ping();
      return answer === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected PING answer ${String(answer)}` });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}
