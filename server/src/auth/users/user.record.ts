import type { Role } from '../../domain/roles';

/** A person as stored in the `users` table (one row per version; FINAL gives the latest). */
export interface UserRecord {
  username: string;
  display_name: string;
  role: Role;
  plants: string[];
  password_hash: string;
  password_version: number;
  disabled: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  /** The row's version (ReplacingMergeTree): set by UsersRepository on what it reads and saves. */
  version?: number;
}

/** What every request needs to know about a person: cached in Redis, reloaded from ClickHouse on a miss. */
export interface UserSnapshot {
  username: string;
  displayName: string;
  role: Role;
  plants: string[];
  disabled: boolean;
  passwordVersion: number;
  /** The version of the row it was made from: a snapshot never replaces a newer one (UserDirectory.publish). */
  version: number;
}

export function toSnapshot(r: UserRecord): UserSnapshot {
  return {
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    plants: r.plants,
    disabled: r.disabled === 1,
    passwordVersion: Number(r.password_version),
    version: Number(r.version ?? 0),
  };
}
