import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { createClickHouseClient } from '../clickhouse/clickhouse.service';
import { migrateCluster } from '../clickhouse/cluster/cluster-schema';
import { runMigrations } from '../clickhouse/migrations/migration-runner';

/**
 * How long one migration statement may run. A migration that fills a new table from a stored one
 * (`trace_index` from `hops`, the copies by device event of ADR 0012) reads the whole history: 22 s for
 * 10M device events and postings on a 2-core machine, and copies of 100M hops took 145-1,070 s there
 * (docs/benchmarks.md, "query"). The clients' usual 60 s would stop the first start of such a version
 * on a large history. Progress headers keep the connection busy meanwhile, so no proxy's idle timeout
 * cuts it. The benchmarks' migrations use the same (bench/support.mjs).
 */
export const MIGRATION_TIMEOUT_MS = 3_600_000;
export const MIGRATION_SETTINGS = { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '10000' } as const;

/**
 * The schema, in the shape the configuration names: one server (today's tables in one database), or a
 * cluster (each node's tables in `<db>_local`, Distributed tables in `<db>`; ADR 0011).
 */
export async function migrate(config: AppConfig, logger: Logger): Promise<void> {
  const ch = config.clickhouse;
  const log = (msg: string, fields?: Record<string, unknown>) => logger.info(fields ?? {}, msg);
  const admin = createClickHouseClient(ch, 'default', MIGRATION_TIMEOUT_MS, MIGRATION_SETTINGS);
  const shards = ch.shardUrls.map((url) =>
    createClickHouseClient({ ...ch, url }, 'default', MIGRATION_TIMEOUT_MS, MIGRATION_SETTINGS),
  );
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
