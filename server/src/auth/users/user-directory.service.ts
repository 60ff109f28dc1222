import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { APP_REDIS } from '../../redis/redis.module';
import { toSnapshot, type UserSnapshot } from './user.record';
import { UsersRepository } from './users.repository';

/** A snapshot lives this long in Redis; every change rewrites it at once, so this only bounds staleness after a lost write. */
const SNAPSHOT_TTL_S = 10 * 60;

/**
 * Who a username is right now (role, plants, disabled, password version), as every request needs
 * it: read from Redis, shared by all instances, rewritten by every change, reloaded from ClickHouse
 * (the system of record) when Redis has lost it.
 */
@Injectable()
export class UserDirectory {
  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  key(username: string): string {
    return `${this.config.queuePrefix}:user:${username}`;
  }

  /** The snapshot from its raw Redis value, or from ClickHouse when Redis had none. */
  async resolve(username: string, cached: string | null): Promise<UserSnapshot | undefined> {
    if (cached) return JSON.parse(cached) as UserSnapshot;
    const record = await this.users.find(username);
    if (!record) return undefined;
    const snapshot = toSnapshot(record);
    await this.publish(snapshot);
    return snapshot;
  }

  async publish(snapshot: UserSnapshot): Promise<void> {
    await this.redis.set(this.key(snapshot.username), JSON.stringify(snapshot), 'EX', SNAPSHOT_TTL_S);
  }
}
