import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { redisOptionsFromUrl } from '../queues/redis-connection';

/** The one Redis connection for request-time state: sessions, sign-in and ingest rate limits. */
export const APP_REDIS = Symbol('APP_REDIS');

/**
 * Says once per outage that Redis is gone and once that it is back (not on every failed command or
 * reconnect attempt), and keeps `syncline_redis_up` / `syncline_redis_outages_total`. While it is
 * gone ingest goes on (rate limits fail open, counted), sign-in and sessions fail, and BullMQ work
 * waits; its workers resume when Redis is back.
 */
class RedisOutageMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private downSince: number | null = null;
  private closing = false;

  constructor(
    @Inject(APP_REDIS) private readonly redis: Redis,
    private readonly metrics: MetricsService,
  ) {
    metrics.redisUp.set(redis.status === 'ready' ? 1 : 0);
    redis.on('ready', () => this.up());
    redis.on('error', (err: Error) => this.down(err.message));
    redis.on('close', () => this.down('connection closed'));
  }

  private down(reason: string) {
    if (this.closing || this.downSince !== null) return;
    this.downSince = Date.now();
    this.metrics.redisUp.set(0);
    this.metrics.redisOutages.inc();
    this.logger.warn(
      `Redis is unreachable (${reason}): ingest goes on without rate limits, sign-in and queued work wait until it is back`,
    );
  }

  private up() {
    this.metrics.redisUp.set(1);
    if (this.downSince === null) return;
    this.logger.log(`Redis is back after ${Math.round((Date.now() - this.downSince) / 1000)} s`);
    this.downSince = null;
  }

  onApplicationShutdown() {
    this.closing = true;
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
        redis.on('error', () => undefined); // reported once per outage by RedisOutageMonitor, and by /ready
        return redis;
      },
    },
    RedisOutageMonitor,
  ],
  exports: [APP_REDIS],
})
export class RedisModule {}
