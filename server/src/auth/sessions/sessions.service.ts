import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { APP_REDIS } from '../../redis/redis.module';
import type { UserSnapshot } from '../users/user.record';
import { UserDirectory } from '../users/user-directory.service';

/** `sls_` + 256 random bits. Only its SHA-256 is a Redis key: a Redis dump holds no usable session. */
const SESSION_FORMAT = /^sls_[A-Za-z0-9_-]{43}$/;

interface StoredSession {
  username: string;
  createdAt: number;
  absoluteExpiresAt: number;
  passwordVersion: number;
  clientAddress: string;
}

export interface ActiveSession {
  id: string;
  user: UserSnapshot;
  expiresAt: number;
}

/**
 * Sessions in Redis, shared by every instance and surviving restarts: sliding idle expiry
 * (SESSION_IDLE_MINUTES) under an absolute cap (SESSION_MAX_DAYS). A session is valid only while
 * its person is enabled and has the password version it was issued with, so disable and password
 * changes end sessions everywhere at once.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: UserDirectory,
  ) {}

  static looksLikeSession(token: string): boolean {
    return token.startsWith('sls_');
  }

  async issue(
    user: UserSnapshot,
    clientAddress: string,
  ): Promise<{ token: string; expiresAt: number; absoluteExpiresAt: number }> {
    const token = `sls_${randomBytes(32).toString('base64url')}`;
    const now = Date.now();
    const stored: StoredSession = {
      username: user.username,
      createdAt: now,
      absoluteExpiresAt: now + this.config.sessions.maxMs,
      passwordVersion: user.passwordVersion,
      clientAddress,
    };
    const ttl = this.ttl(now, stored.absoluteExpiresAt);
    await this.redis.set(this.key(token), JSON.stringify(stored), 'PX', ttl);
    return { token, expiresAt: now + ttl, absoluteExpiresAt: stored.absoluteExpiresAt };
  }

  /** The session and its person, its idle expiry pushed forward; undefined when not valid. */
  async authenticate(token: string): Promise<ActiveSession | undefined> {
    if (!SESSION_FORMAT.test(token)) return undefined;
    const key = this.key(token);
    const now = Date.now();
    const raw = await this.redis.getex(key, 'PX', this.config.sessions.idleMs);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as StoredSession;
    if (now >= stored.absoluteExpiresAt) {
      await this.redis.del(key);
      return undefined;
    }
    if (now + this.config.sessions.idleMs > stored.absoluteExpiresAt) await this.redis.pexpireat(key, stored.absoluteExpiresAt);
    const user = await this.directory.resolve(stored.username, await this.redis.get(this.directory.key(stored.username)));
    if (!user || user.disabled || user.passwordVersion !== stored.passwordVersion) {
      await this.redis.del(key);
      return undefined;
    }
    return { id: key.slice(-16), user, expiresAt: Math.min(now + this.config.sessions.idleMs, stored.absoluteExpiresAt) };
  }

  async revoke(token: string): Promise<void> {
    if (SESSION_FORMAT.test(token)) await this.redis.del(this.key(token));
  }

  /** After the owner changed their password: this session carries on, every other one has ended. */
  async adoptPasswordVersion(token: string, passwordVersion: number): Promise<void> {
    const key = this.key(token);
    const raw = await this.redis.get(key);
    if (!raw) return;
    const stored = { ...(JSON.parse(raw) as StoredSession), passwordVersion };
    await this.redis.set(key, JSON.stringify(stored), 'KEEPTTL');
  }

  private ttl(now: number, absoluteExpiresAt: number): number {
    return Math.max(1, Math.min(this.config.sessions.idleMs, absoluteExpiresAt - now));
  }

  private key(token: string): string {
    return `${this.config.queuePrefix}:session:${createHash('sha256').update(token).digest('hex')}`;
  }
}
