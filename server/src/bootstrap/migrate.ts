import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { createClickHouseClient } from '../clickhouse/clickhouse.service';
import { migrateCluster } from '../clickhouse/cluster/cluster-schema';
import { runMigrations } from '../clickhouse/migrations/migration-runner';

/**
 * The schema, in the shape the configuration names: one server (today's tables in one database), or a
 * cluster (each node's tables in `<db>_local`, Distributed tables in `<db>`; ADR 0011).
 */
export async function migrate(config: AppConfig, logger: Logger): Promise<void> {
  const ch = config.clickhouse;
  const log = (msg: string, fields?: Record<string, unknown>) => logger.info(fields ?? {}, msg);
  const admin = createClickHouseClient(ch, 'default');
  const shards = ch.shardUrls.map((url) => createClickHouseClient({ ...ch, url }, 'default'));
  try {
    const result =
      ch.cluster && shards.length
        ? await migrateCluster({
            entry: admin,
            shards,
            shardUrls: ch.shardUrls,
            database: ch.database,
            cluster: ch.cluster,
            replicated: ch.replicated,
            dir: config.migrationsDir,
            log,
          })
        : await runMigrations({ adminClient: admin, database: ch.database, dir: config.migrationsDir, log });
    logger.info(
      {
        database: ch.database,
        applied: result.applied.length,
        total: result.total,
        ...(ch.cluster ? { cluster: ch.cluster, shards: shards.length, replicated: ch.replicated } : {}),
      },
      'ClickHouse schema is up to date',
    );
  } finally {
    await Promise.all([admin, ...shards].map((c) => c.close()));
  }
}
