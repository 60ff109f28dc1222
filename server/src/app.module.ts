import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from './audit/audit.module';
import { AuthMiddleware } from './auth/auth.middleware';
import { validationError } from './common/errors/validation-error';
import { graphqlOptions } from './graphql/graphql.options';
import { GraphqlErrorFilter } from './graphql/graphql-error.filter';
import { RedisModule } from './redis/redis.module';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { AuthModule } from './auth/auth.module';
import { ClickHouseModule } from './clickhouse/clickhouse.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { SyncLagModule } from './sync-lag/sync-lag.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { FindingsModule } from './findings/findings.module';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { TracesModule } from './traces/traces.module';
import { ReplayModule } from './replay/replay.module';
import { RoiModule } from './roi/roi.module';
import { AlertsModule } from './alerts/alerts.module';
import { PlantsModule } from './plants/plants.module';
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
        RedisModule,
        ClickHouseModule,
        AuditModule,
        AuthModule.forRoot(adminToken),
        MetricsModule,
        QueuesModule,
        HealthModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config) }),
        VersionModule,
        IngestModule,
        SyncLagModule,
        ReconciliationModule,
        FindingsModule,
        TracesModule,
        DeadLettersModule,
        ReplayModule,
        RoiModule,
        AlertsModule,
        PlantsModule,
        ...dashboard,
      ],
      providers: [
        // One validation library for the API: class-validator rules on the GraphQL input types.
        { provide: APP_PIPE, useValue: new ValidationPipe({ exceptionFactory: validationError }) },
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
    consumer.apply(AuthMiddleware).forRoutes(...API_PATHS);
  }
}
