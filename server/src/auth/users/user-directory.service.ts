import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { APP_REDIS } from '../../redis/redis.module';
import { toSnapshot, type UserSnapshot } from './user.record';
import { UsersRepository } from './users.repository';

/** A snapshot lives this long in Redis; every change rewrites it at once, so this only bounds staleness after a lost write. */
const SNAPSHOT_TTL_S = 10 * 60;

/** SET unless the stored snapshot's version is newer; answers the stored one when it is, else nil. */
const PUBLISH_IF_NEWER = `
local cur = redis.call('GET', KEYS[1])
if cur then
  local ok, old = pcall(cjson.decode, cur)
  if ok and type(old) == 'table' and tonumber(old.version) and tonumber(old.version) > tonumber(ARGV[2]) then
    return cur
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return false`;

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

  /**
   * The snapshot from its raw Redis value, or from ClickHouse when Redis had none. A change saved while
   * ClickHouse was read wins: the snapshot read is then not published, and the newer one is answered.
   */
  async resolve(username: string, cached: string | null): Promise<UserSnapshot | undefined> {
    if (cached) return JSON.parse(cached) as UserSnapshot;
    const record = await this.users.find(username);
    if (!record) return undefined;
    return this.publish(toSnapshot(record));
  }

  /**
   * Writes `snapshot` unless Redis holds one of a newer row (a reload that read ClickHouse just before a
   * change, or two changes published out of order, must not bring the older state back: a disabled
   * person's sessions would work again). Returns the snapshot that is in force.
   */
  async publish(snapshot: UserSnapshot): Promise<UserSnapshot> {
    const current = (await this.redis.eval(
      PUBLISH_IF_NEWER,
      1,
      this.key(snapshot.username),
      JSON.stringify(snapshot),
      String(snapshot.version),
      String(SNAPSHOT_TTL_S),
    )) as string | null;
    return current ? (JSON.parse(current) as UserSnapshot) : snapshot;
  }
}
