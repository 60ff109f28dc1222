import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { redisOptionsFromUrl } from '../queues/redis-connection';

/** The one Redis connection for request-time state: sessions, sign-in and ingest rate limits. */
export const APP_REDIS = Symbol('APP_REDIS');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(APP_REDIS) private readonly redis: Redis) {}
  onApplicationShutdown() {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: APP_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // Requests must not hang on a Redis outage: fail a command after two retries instead.
        const redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), maxRetriesPerRequest: 2, enableOfflineQueue: true });
        redis.on('error', () => undefined); // reported by /ready and by the callers' own errors
        return redis;
      },
    },
    RedisCloser,
  ],
  exports: [APP_REDIS],
})
export class RedisModule {}
