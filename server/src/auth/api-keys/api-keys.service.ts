import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APP_REDIS } from '../../redis/redis.module';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { RECORD_KINDS, type RecordKind } from '../../domain/vocabulary';
import { PlantScope } from '../../domain/plant-scope';
import type { Principal } from '../../domain/principal';
import { hashSecret, newApiKey, parseApiKey } from './api-key-format';

export interface ApiKeyRecord {
  key_id: string;
  name: string;
  secret_sha256: string;
  plants: string[];
  kinds: string[];
  rate_limit_per_minute: number;
  created_by: string;
  created_at: string;
  revoked: number;
}

export class ApiKeyInputError extends Error {}

/**
 * How long a key (or its absence) is remembered per instance. A revocation is also announced to every
 * instance through Redis at once; this bounds it only when that announcement was missed (Redis down).
 */
export const API_KEY_CACHE_MS = 10_000;

/**
 * API keys for ingest. Each instance remembers keys for API_KEY_CACHE_MS (ingest authenticates every
 * request, and must go on while Redis is down); a revocation is published on a Redis channel and every
 * instance forgets the key at once, including a lookup that was in flight when it arrived.
 */
@Injectable()
export class ApiKeysService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ApiKeys');
  private readonly cache = new Map<string, { record: ApiKeyRecord | undefined; at: number }>();
  /** Moves on with every revocation heard: a lookup that started before one does not fill the cache. */
  private revocations = 0;
  private subscriber: Redis | undefined;

  constructor(
    private readonly clickhouse: ClickHouseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_REDIS) private readonly redis: Redis,
  ) {}

  private get channel(): string {
    return `${this.config.queuePrefix}:api-key-revoked`;
  }

  onModuleInit(): void {
    const sub = this.redis.duplicate({ maxRetriesPerRequest: null });
    sub.on('error', () => undefined); // an outage is reported once by the Redis module
    // Back after an outage: revocations may have been missed, so nothing remembered is trusted.
    sub.on('ready', () => this.forget());
    sub.on('message', (channel: string, keyId: string) => {
      if (channel === this.channel) this.forget(keyId);
    });
    sub.subscribe(this.channel).catch((err: unknown) => this.logger.warn(`cannot hear API key revocations yet: ${String(err)}`));
    this.subscriber = sub;
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  /** Forgets one key, or every key. */
  private forget(keyId?: string): void {
    this.revocations++;
    if (keyId === undefined) this.cache.clear();
    else this.cache.delete(keyId);
  }

  async create(
    input: { name: string; plants: string[]; kinds: string[]; rateLimitPerMinute?: number | null },
    createdBy: string,
  ): Promise<{ token: string; record: ApiKeyRecord }> {
    const name = input.name.trim();
    if (!name || name.length > 128) throw new ApiKeyInputError('name must be 1 to 128 characters');
    if (input.plants.length === 0) throw new ApiKeyInputError('plants must list at least one plant, or "*" for every plant');
    if (input.plants.some((p) => !/^(\*|[A-Za-z0-9_.-]{1,64})$/.test(p))) {
      throw new ApiKeyInputError('plants must be plant codes (letters, digits, _ . -) or "*"');
    }
    const unknown = input.kinds.filter((k) => !(RECORD_KINDS as readonly string[]).includes(k));
    if (input.kinds.length === 0 || unknown.length) {
      throw new ApiKeyInputError(
        `kinds must be one or more of ${RECORD_KINDS.join(', ')}${unknown.length ? ` (got ${unknown.join(', ')})` : ''}`,
      );
    }
    const rate = input.rateLimitPerMinute ?? this.config.ingest.rateLimitPerMinute;
    if (!Number.isInteger(rate) || rate < 1 || rate > 1_000_000)
      throw new ApiKeyInputError('rateLimitPerMinute must be a whole number from 1 to 1000000');
    const { keyId, secret, token } = newApiKey();
    const now = Date.now();
    const record: ApiKeyRecord = {
      key_id: keyId,
      name,
      secret_sha256: hashSecret(secret),
      plants: [...new Set(input.plants)],
      kinds: [...new Set(input.kinds)],
      rate_limit_per_minute: rate,
      created_by: createdBy,
      created_at: new Date(now).toISOString().replace('T', ' ').replace('Z', ''),
      revoked: 0,
    };
    await this.clickhouse.insert('api_keys', [{ ...record, version: now }]);
    this.cache.delete(keyId);
    return { token, record };
  }

  async revoke(keyId: string): Promise<boolean> {
    const record = await this.load(keyId);
    if (!record) return false;
    await this.clickhouse.insert('api_keys', [{ ...record, revoked: 1, revoked_at: Date.now(), version: Date.now() }], {
      date_time_input_format: 'best_effort',
    });
    this.forget(keyId);
    // Every instance forgets the key at once; with Redis down, within API_KEY_CACHE_MS.
    await this.redis.publish(this.channel, keyId).catch((err: unknown) => {
      this.logger.warn(
        `could not announce the revocation of ${keyId} (${String(err)}): other instances stop accepting it within ${API_KEY_CACHE_MS / 1000} s`,
      );
    });
    return true;
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.clickhouse.query<ApiKeyRecord>({
      name: 'api_keys.list',
      sql: `SELECT key_id, name, plants, kinds, rate_limit_per_minute, created_by, created_at, revoked
            FROM api_keys FINAL ORDER BY created_at DESC`,
    });
  }

  /** The principal for a presented API key, or undefined if it is unknown, wrong or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(token);
    if (!parsed) return undefined;
    const record = await this.cached(parsed.keyId);
    if (!record || record.revoked) return undefined;
    const presented = Buffer.from(hashSecret(parsed.secret), 'hex');
    const stored = Buffer.from(record.secret_sha256, 'hex');
    if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return undefined;
    return {
      kind: 'api_key',
      id: record.key_id,
      name: record.name,
      role: null,
      permissions: new Set(['ingest:write']),
      scope: PlantScope.of(record.plants),
      kinds: new Set(record.kinds as RecordKind[]),
      rateLimitPerMinute: record.rate_limit_per_minute,
    };
  }

  private async cached(keyId: string): Promise<ApiKeyRecord | undefined> {
    const hit = this.cache.get(keyId);
    if (hit && Date.now() - hit.at < API_KEY_CACHE_MS) return hit.record;
    const heard = this.revocations;
    const record = await this.load(keyId);
    if (heard === this.revocations) this.cache.set(keyId, { record, at: Date.now() });
    return record;
  }

  private async load(keyId: string): Promise<ApiKeyRecord | undefined> {
    const rows = await this.clickhouse.query<ApiKeyRecord>({
      name: 'api_keys.by_id',
      sql: 'SELECT * EXCEPT version FROM api_keys FINAL WHERE key_id = {keyId:String}',
      params: { keyId },
    });
    return rows[0];
  }
}
