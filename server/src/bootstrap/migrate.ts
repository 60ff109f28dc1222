import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { createClickHouseClient } from '../clickhouse/clickhouse.service';
import { runMigrations } from '../clickhouse/migrations/migration-runner';

export async function migrate(config: AppConfig, logger: Logger): Promise<void> {
  const admin = createClickHouseClient(config.clickhouse, 'default');
  try {
    const result = await runMigrations({
      adminClient: admin,
      database: config.clickhouse.database,
      dir: config.migrationsDir,
      cluster: config.clickhouse.cluster,
      log: (msg, fields) => logger.info(fields ?? {}, msg),
    });
    logger.info(
      { database: config.clickhouse.database, applied: result.applied.length, total: result.total },
      'ClickHouse schema is up to date',
    );
  } finally {
    await admin.close();
  }
}
