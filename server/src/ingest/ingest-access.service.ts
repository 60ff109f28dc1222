import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import type { Principal } from '../domain/principal';
import type { RecordKind } from '../domain/vocabulary';
import { MetricsService } from '../metrics/metrics.service';
import { APP_REDIS } from '../redis/redis.module';
import { IngestHttpError } from './ingest.errors';

/**
 * Who may send what: the kind of data must be in the key's scope, and each key has a request rate
 * limit counted in Redis, so the limit holds across every Syncline instance.
 */
@Injectable()
export class IngestAccessService {
  private readonly limiters = new Map<number, RateLimiterRedis>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_REDIS) private readonly redis: Redis,
    private readonly metrics: MetricsService,
  ) {}

  /** Throws 403 or 429; returns the plants the caller may write (null = any). */
  async admit(principal: Principal | undefined, kind: RecordKind): Promise<ReadonlySet<string> | null> {
    if (!principal) throw new IngestHttpError(401, 'unauthenticated', 'Missing credentials');
    const plants = principal.scope.list;
    if (principal.kind !== 'api_key') return plants ? new Set(plants) : null;
    if (!principal.kinds.has(kind)) {
      throw new IngestHttpError(403, 'forbidden_kind', `This API key may send ${[...principal.kinds].join(', ')}, not ${kind}`);
    }
    try {
      await this.limiter(principal.rateLimitPerMinute).consume(principal.id);
    } catch (res) {
      if (res instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw new IngestHttpError(
          429,
          'rate_limited',
          `This API key is limited to ${principal.rateLimitPerMinute} requests per minute; retry after ${retryAfter} s`,
          { retryAfterSeconds: retryAfter },
        );
      }
      // Redis trouble must not stop data from being stored: let the request through (counted; the
      // outage itself is logged once by the Redis module).
      this.metrics.rateLimitFailOpen.inc();
    }
    return plants ? new Set(plants) : null;
  }

  private limiter(perMinute: number): RateLimiterRedis {
    let l = this.limiters.get(perMinute);
    if (!l) {
      l = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.config.queuePrefix}:ingest-rl:${perMinute}`,
        points: perMinute,
        duration: 60,
      });
      this.limiters.set(perMinute, l);
    }
    return l;
  }
}
