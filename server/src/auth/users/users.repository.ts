import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../../clickhouse/clickhouse.service';
import type { UserRecord } from './user.record';

const COLUMNS = `username, display_name, role, plants, password_hash, password_version, disabled, created_by,
  toString(created_at) AS created_at, updated_by, toString(updated_at) AS updated_at, toString(version) AS version`;

/** UInt64 comes back as text; µs since 1970 fit a double exactly. */
const withVersion = (r: UserRecord): UserRecord => ({ ...r, version: Number(r.version) });

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
    return rows[0] && withVersion(rows[0]);
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.clickhouse.query<UserRecord>({
      name: 'users.list',
      sql: `SELECT ${COLUMNS} FROM users FINAL ORDER BY username`,
    });
    return rows.map(withVersion);
  }

  async count(): Promise<number> {
    const [row] = await this.clickhouse.query<{ n: number }>({
      name: 'users.count',
      sql: 'SELECT count() AS n FROM users FINAL',
    });
    return Number(row?.n ?? 0);
  }

  /**
   * Stores `record` as the newest version and returns it with that version: now in µs (two saves in one
   * ms still order), and always after the version it was read at, so a change saved on a server whose
   * clock is behind still wins over the row it changed.
   */
  async save(record: UserRecord): Promise<UserRecord> {
    const saved = { ...record, version: nextVersion(record.version ?? 0) };
    await this.clickhouse.insert('users', [saved]);
    return saved;
  }
}

let lastVersion = 0;
function nextVersion(after: number): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000, after + 1);
  return lastVersion;
}
