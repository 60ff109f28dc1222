import { ConfigError } from './config/config';
import { StartupError } from './bootstrap/preflight';
import { MigrationError } from './clickhouse/migrations/migration-runner';
import { createLogger } from './logging/logger';
import { startSyncline } from './bootstrap/start-syncline';
import { startDemo } from './demo/demo';
import { SimulatorArgsError } from './simulator';

const logger = createLogger(process.env.LOG_LEVEL ?? 'info');

async function main() {
  const started = Date.now();
  // `npm start -- --shards 2` (`npm run cluster`): the embedded engines as a local cluster of that many shards.
  const shardsAt = process.argv.indexOf('--shards');
  if (shardsAt >= 0) process.env.SYNCLINE_SHARDS = process.argv[shardsAt + 1] ?? '';
  const syncline = await startSyncline(process.env, logger);
  logger.info({ url: syncline.url, startupMs: Date.now() - started }, `Syncline is ready. Dashboard: ${syncline.url}`);
  const demoAt = process.argv.indexOf('--demo');
  const stopDemo = demoAt >= 0 ? await startDemo(syncline, process.argv.slice(demoAt + 1), logger) : undefined;

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    (stopDemo ? stopDemo() : Promise.resolve())
      .then(() => syncline.close())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (
    err instanceof ConfigError ||
    err instanceof StartupError ||
    err instanceof MigrationError ||
    err instanceof SimulatorArgsError
  ) {
    logger.fatal(err.message);
    process.stderr.write(`\nSyncline could not start: ${err.message}\n`);
  } else {
    logger.fatal({ err }, 'Syncline could not start');
  }
  process.exit(1);
});
