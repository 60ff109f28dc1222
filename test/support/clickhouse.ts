import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { inject } from 'vitest';
import { runMigrations } from '../../server/src/clickhouse/migrations/migration-runner';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../clickhouse/migrations');

export interface TestDatabase {
  url: string;
  database: string;
  client: ClickHouseClient;
  drop(): Promise<void>;
}

export function clickhouseUrl(): string {
  return inject('clickhouseUrl');
}

/** A fresh database with the real migrations applied, private to the calling test file. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const url = clickhouseUrl();
  const database = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = createClient({ url, database: 'default' });
  try {
    await runMigrations({ adminClient: admin, database, dir: MIGRATIONS_DIR });
  } finally {
    await admin.close();
  }
  const client = createClient({ url, database });
  return {
    url,
    database,
    client,
    async drop() {
      await client.command({ query: 'DROP DATABASE IF EXISTS {db:Identifier} SYNC', query_params: { db: database } });
      await client.close();
    },
  };
}

export async function queryRows<T>(client: ClickHouseClient, query: string, params?: Record<string, unknown>): Promise<T[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}
