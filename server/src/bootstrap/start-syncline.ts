import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { EmbeddedCluster } from '@syncline/clickhouse';
import { AppModule } from '../app.module';
import { UsersService } from '../auth/users/users.service';
import { loadOrCreateAdminToken } from '../auth/admin-token';
import { loadConfig, type AppConfig } from '../config/config';
import { createLogger, PinoNestLogger } from '../logging/logger';
import { requestLog } from '../logging/request-log';
import { startEmbeddedCluster } from './embedded-engine';
import { EngineSupervisor } from './engine-supervisor';
import { migrate } from './migrate';
import { assertPortFree, assertRedisReachable } from './preflight';

export interface RunningSyncline {
  url: string;
  config: AppConfig;
  app: INestApplication;
  /** The embedded engine and its supervisor (restarts it when it dies); undefined with CLICKHOUSE_URL. */
  engine: EngineSupervisor | undefined;
  /** SYNCLINE_SHARDS > 1: the local engines started as a cluster (stopped with Syncline). */
  cluster: EmbeddedCluster | undefined;
  /** Stops taking requests, lets in-flight requests and jobs finish, then stops the engine. */
  close(): Promise<void>;
}

/**
 * Start-up in the order that gives an operator the clearest failure: configuration, the HTTP port,
 * Redis, ClickHouse (embedded or external), schema, then the application.
 */
export async function startSyncline(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<RunningSyncline> {
  const config = loadConfig(env);
  const log = logger ?? createLogger(config.logLevel);
  await assertPortFree(config.host, config.port);
  await assertRedisReachable(config.redis.url);

  let engine: EngineSupervisor | undefined;
  let cluster: EmbeddedCluster | undefined;
  if (!config.clickhouse.url && config.clickhouse.embeddedShards > 1) {
    cluster = await startEmbeddedCluster(config.dataDir, config.clickhouse.embeddedShards, log);
    config.clickhouse.url = cluster.urls[0];
    config.clickhouse.shardUrls = cluster.urls;
    config.clickhouse.cluster = cluster.cluster;
  } else if (!config.clickhouse.url) {
    engine = await EngineSupervisor.start(config.dataDir, config.clickhouse.embeddedPort, log);
    config.clickhouse.url = engine.url;
  }
  const stopEngines = async () => {
    await engine?.stop();
    await cluster?.stop();
  };
  try {
    await migrate(config, log);
    const { token, file } = await loadOrCreateAdminToken(config.dataDir, config.adminToken);
    if (file) log.info({ file }, 'admin token is in this file (SYNCLINE_ADMIN_TOKEN overrides it)');

    const app = await NestFactory.create(AppModule.forRoot({ config, adminToken: token }), {
      logger: new PinoNestLogger(log),
      abortOnError: false,
      // Ingest routes read their own (possibly gzip, possibly 64 MB) bodies; only GraphQL is parsed here.
      bodyParser: false,
    });
    app.use(requestLog(log));
    app.use('/graphql', json({ limit: '2mb' }));
    await app.get(UsersService).ensureFirstAdmin((msg, fields) => log.info(fields ?? {}, msg));
    await app.listen(config.port, config.host);
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const url = `http://${shownHost}:${port}`;

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        const server = app.getHttpServer() as Server;
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs).unref());
        await Promise.race([drained, timeout]);
        server.closeAllConnections();
        await app.close();
        await stopEngines();
      })());

    return { url, config, app, engine, cluster, close };
  } catch (err) {
    await stopEngines();
    throw err;
  }
}
