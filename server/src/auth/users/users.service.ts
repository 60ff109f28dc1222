import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { InputError, NotFoundError } from '../../common/errors/input-error';
import { ROLE_PLANT_SCOPE, ROLES, PLANT_CODE, type Role } from '../../domain/roles';
import { APP_REDIS } from '../../redis/redis.module';
import { withRedisLock } from '../../redis/redis-lock';
import { checkPasswordPolicy, hashPassword } from './password';
import { toSnapshot, type UserRecord } from './user.record';
import { UserDirectory } from './user-directory.service';
import { UsersRepository } from './users.repository';

export const ADMIN_PASSWORD_FILE = 'admin-password';
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const USERNAME_RULES = '2-64 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';

export interface UserChange {
  role?: Role | null;
  plants?: string[] | null;
  displayName?: string | null;
}

const nowText = () => new Date().toISOString();

/** People: creating, changing, disabling, passwords. Each change rewrites the shared snapshot at once. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly users: UsersRepository,
    private readonly directory: UserDirectory,
    @Inject(APP_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get(username: string): Promise<UserRecord | undefined> {
    return this.users.find(username);
  }

  list(): Promise<UserRecord[]> {
    return this.users.list();
  }

  async create(
    input: { username: string; password: string; role: Role; plants?: string[] | null; displayName?: string | null },
    actor: string,
  ): Promise<UserRecord> {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) throw new InputError(`username must be ${USERNAME_RULES}`, 'username');
    checkPasswordPolicy(username, input.password);
    const plants = normalizePlants(input.role, input.plants);
    return this.withUserLock(username, async () => {
      if (await this.users.find(username)) throw new InputError(`username "${username}" is taken`, 'username');
      const at = nowText();
      const record: UserRecord = {
        username,
        display_name: (input.displayName ?? '').trim().slice(0, 128),
        role: input.role,
        plants,
        password_hash: await hashPassword(input.password),
        password_version: Date.now(),
        disabled: 0,
        created_by: actor,
        created_at: at,
        updated_by: actor,
        updated_at: at,
      };
      const saved = await this.users.save(record);
      await this.directory.publish(toSnapshot(saved));
      return saved;
    });
  }

  /** Role, plants or display name; the person's sessions see the change on their next request. */
  async update(username: string, change: UserChange, actor: string): Promise<{ before: UserRecord; after: UserRecord }> {
    return this.change(username, actor, (r) => {
      const role = change.role ?? r.role;
      const plants = change.plants !== undefined && change.plants !== null ? change.plants : role === r.role ? r.plants : [];
      return {
        ...r,
        role,
        plants: normalizePlants(role, plants),
        display_name:
          change.displayName !== undefined && change.displayName !== null
            ? change.displayName.trim().slice(0, 128)
            : r.display_name,
      };
    });
  }

  /** Disabling ends every session of the person on every instance (their password version moves on). */
  setDisabled(username: string, disabled: boolean, actor: string) {
    return this.change(username, actor, (r) => ({
      ...r,
      disabled: disabled ? 1 : 0,
      password_version: disabled ? Date.now() : r.password_version,
    }));
  }

  /** A new password: every existing session of the person stops working. */
  async setPassword(username: string, password: string, actor: string) {
    checkPasswordPolicy(username, password, 'newPassword');
    const passwordHash = await hashPassword(password);
    return this.change(username, actor, (r) => ({ ...r, password_hash: passwordHash, password_version: Date.now() }));
  }

  /**
   * The first admin, when nobody exists yet: from SYNCLINE_ADMIN_USER / SYNCLINE_ADMIN_PASSWORD, or
   * with a generated password written once to $SYNCLINE_DATA_DIR/admin-password (mode 0600).
   */
  async ensureFirstAdmin(log: (msg: string, fields?: Record<string, unknown>) => void): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const { username } = this.config.firstAdmin;
    await this.withUserLock(username, async () => {
      if ((await this.users.count()) > 0) return;
      let password = this.config.firstAdmin.password;
      let file: string | undefined;
      if (!password) {
        password = randomBytes(18).toString('base64url');
        file = path.join(this.config.dataDir, ADMIN_PASSWORD_FILE);
        await mkdir(this.config.dataDir, { recursive: true });
        await writeFile(file, `${password}\n`, { mode: 0o600 });
        await chmod(file, 0o600);
      }
      const at = nowText();
      const record: UserRecord = {
        username,
        display_name: 'Administrator',
        role: 'admin',
        plants: [],
        password_hash: await hashPassword(password),
        password_version: Date.now(),
        disabled: 0,
        created_by: 'syncline',
        created_at: at,
        updated_by: 'syncline',
        updated_at: at,
      };
      await this.directory.publish(toSnapshot(await this.users.save(record)));
      log(
        file
          ? `first admin "${username}" created; the password is in ${file} (SYNCLINE_ADMIN_PASSWORD sets your own)`
          : `first admin "${username}" created with the password from SYNCLINE_ADMIN_PASSWORD`,
        { username, ...(file ? { file } : {}) },
      );
    });
  }

  private async change(username: string, actor: string, apply: (r: UserRecord) => UserRecord) {
    return this.withUserLock(username, async () => {
      const before = await this.users.find(username);
      if (!before) throw new NotFoundError(`No person with the username "${username}"`);
      const after: UserRecord = { ...apply(before), updated_by: actor, updated_at: nowText() };
      const wasAdmin = before.role === 'admin' && !before.disabled;
      const isAdmin = after.role === 'admin' && !after.disabled;
      if (
        wasAdmin &&
        !isAdmin &&
        !(await this.users.list()).some((u) => u.username !== username && u.role === 'admin' && !u.disabled)
      ) {
        throw new InputError(`${username} is the last enabled admin; make someone else admin first`, 'username');
      }
      const saved = await this.users.save(after);
      await this.directory.publish(toSnapshot(saved));
      return { before, after: saved };
    });
  }

  /**
   * Serializes changes to one person across instances (ClickHouse has no unique constraint): a Redis
   * lock that expires by itself if its holder dies.
   */
  private withUserLock<T>(username: string, work: () => Promise<T>): Promise<T> {
    return withRedisLock(
      this.redis,
      `${this.config.queuePrefix}:user-lock:${username}`,
      {
        holdMs: 10_000,
        waitMs: 5_000,
        busy: () => new Error(`Another change to "${username}" is still running; try again`),
        onReleaseError: (err) => this.logger.warn(`could not release the lock on ${username}: ${String(err)}`),
      },
      work,
    );
  }
}

/** The plants a role keeps: refused when the role needs a list and has none, or takes none and got one. */
export function normalizePlants(role: Role, plants: readonly string[] | null | undefined): string[] {
  if (!(ROLES as readonly string[]).includes(role)) throw new InputError(`role must be one of ${ROLES.join(', ')}`, 'role');
  const list = [...new Set((plants ?? []).map((p) => p.trim()).filter(Boolean))].sort();
  const bad = list.filter((p) => p !== '*' && !PLANT_CODE.test(p));
  if (bad.length)
    throw new InputError(
      `plants must be plant codes (letters, digits, _ . -, at most 64) or "*"; got ${bad.map((p) => JSON.stringify(p.slice(0, 70))).join(', ')}`,
      'plants',
    );
  switch (ROLE_PLANT_SCOPE[role]) {
    case 'all':
      if (list.length && !(list.length === 1 && list[0] === '*'))
        throw new InputError(`${role} sees every plant; leave plants empty`, 'plants');
      return [];
    case 'listed':
      if (list.length === 0 || list.includes('*'))
        throw new InputError(`${role} needs at least one plant, and "*" is not allowed for it`, 'plants');
      return list;
    case 'listed_or_all':
      if (list.length === 0) throw new InputError(`${role} needs at least one plant, or "*" for every plant`, 'plants');
      return list.includes('*') ? ['*'] : list;
  }
}
