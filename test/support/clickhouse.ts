import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { inject } from 'vitest';
import { runMigrations } from '../../server/src/clickhouse/migrations/migration-runner';
import { migrateCluster } from '../../server/src/clickhouse/cluster/cluster-schema';
import { localDatabase } from '../../server/src/clickhouse/cluster/placement';
import { CLUSTER_QUERY_SETTINGS } from '../../server/src/clickhouse/clickhouse.service';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../clickhouse/migrations');

export interface TestDatabase {
  url: string;
  database: string;
  client: ClickHouseClient;
  /** A statement on the tables that hold the rows: the database on one engine, each shard's own on a cluster. */
  commandOnShards(query: string): Promise<void>;
  drop(): Promise<void>;
}

export function clickhouseUrl(): string {
  return inject('clickhouseUrl');
}

/** In the `cluster` tier: the two-shard cluster the tests run on (undefined in the other tiers). */
export function testCluster(): { cluster: string; urls: string[] } | undefined {
  return inject('clickhouseCluster');
}

/** What a Syncline on the test's ClickHouse is configured with: one engine, or the cluster tier's shards. */
export function clickhouseEnv(cluster = testCluster()): Record<string, string> {
  return cluster
    ? { CLICKHOUSE_URL: cluster.urls[0], CLICKHOUSE_CLUSTER: cluster.cluster, CLICKHOUSE_SHARD_URLS: cluster.urls.join(',') }
    : { CLICKHOUSE_URL: clickhouseUrl() };
}

/**
 * A fresh database with the real migrations applied, private to the calling test file. In the cluster
 * tier: each shard's tables in `<db>_local` and Distributed tables in `<db>`, as Syncline lays them out.
 */
export async function createTestDatabase(prefix = 't', cluster = testCluster()): Promise<TestDatabase> {
  const database = `${prefix}_${randomBytes(6).toString('hex')}`;
  if (cluster) return createClusterDatabase(database, cluster);
  const url = clickhouseUrl();
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
    async commandOnShards(query) {
      await client.command({ query });
    },
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

async function createClusterDatabase(database: string, cluster: { cluster: string; urls: string[] }): Promise<TestDatabase> {
  const shards = cluster.urls.map((u) => createClient({ url: u, database: 'default' }));
  try {
    await migrateCluster({
      entry: shards[0],
      shards,
      shardUrls: cluster.urls,
      database,
      cluster: cluster.cluster,
      replicated: false,
      dir: MIGRATIONS_DIR,
    });
  } finally {
    await Promise.all(shards.map((c) => c.close()));
  }
  const client = createClient({
    url: cluster.urls[0],
    database,
    clickhouse_settings: { ...CLUSTER_QUERY_SETTINGS, date_time_input_format: 'best_effort' },
  });
  return {
    url: cluster.urls[0],
    database,
    client,
    async commandOnShards(query) {
      for (const u of cluster.urls) {
        const c = createClient({ url: u, database: localDatabase(database) });
        await c.command({ query }).finally(() => c.close());
      }
    },
    async drop() {
      for (const u of cluster.urls) {
        const c = createClient({ url: u, database: 'default' });
        for (const db of [database, localDatabase(database)])
          await c.command({ query: 'DROP DATABASE IF EXISTS {db:Identifier} SYNC', query_params: { db } });
        await c.close();
      }
      await client.close();
    },
  };
}
