import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { AuthModule } from './auth/auth.module';
import { ClickHouseModule } from './clickhouse/clickhouse.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { SyncLagModule } from './sync-lag/sync-lag.module';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsModule } from './metrics/metrics.module';
import { QueuesModule } from './queues/queues.module';
import { VersionModule } from './version/version.module';

/** Paths the API owns; everything else under / is the dashboard (single-page app). */
export const API_PATHS = ['/graphql', '/health', '/ready', '/metrics', '/api/{*rest}', '/v1/{*rest}'];

export interface AppOptions {
  config: AppConfig;
  adminToken: string;
}

@Module({})
export class AppModule implements NestModule {
  static forRoot({ config, adminToken }: AppOptions): DynamicModule {
    const dashboard = existsSync(config.webDistDir)
      ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: API_PATHS })]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        AuthModule.forRoot(adminToken),
        MetricsModule,
        ClickHouseModule,
        QueuesModule,
        HealthModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        VersionModule,
        IngestModule,
        SyncLagModule,
        ...dashboard,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
