import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import type { UserRecord } from './user.record';

const COLUMNS = `username, display_name, role, plants, password_hash, password_version, disabled, created_by,
  toString(created_at) AS created_at, updated_by, toString(updated_at) AS updated_at`;

/** The `users` table. Each save inserts a new version; reads take the latest (FINAL: the table is small). */
@Injectable()
export class UsersRepository {
  constructor(private readonly clickhouse: ClickHouseService) {}

  async find(username: string): Promise<UserRecord | undefined> {
    const rows = await this.clickhouse.query<UserRecord>({
      name: 'users.by_username',
      sql: `SELECT ${COLUMNS} FROM users FINAL WHERE username = {username:String}`,
      params: { username },
    });
    return rows[0];
  }

  list(): Promise<UserRecord[]> {
    return this.clickhouse.query<UserRecord>({
      name: 'users.list',
      sql: `SELECT ${COLUMNS} FROM users FINAL ORDER BY username`,
    });
  }

  async count(): Promise<number> {
    const [row] = await this.clickhouse.query<{ n: number }>({
      name: 'users.count',
      sql: 'SELECT count() AS n FROM users FINAL',
    });
    return Number(row?.n ?? 0);
  }

  /** Stores `record` as the newest version (version = now in µs, so two saves in one ms still order). */
  async save(record: UserRecord): Promise<void> {
    await this.clickhouse.insert('users', [{ ...record, version: nextVersion() }]);
  }
}

let lastVersion = 0;
function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}
