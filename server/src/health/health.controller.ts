import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../common/access/access.decorators';
import { ClickHouseHealthIndicator } from './clickhouse.health';
import { RedisHealthIndicator } from './redis.health';

@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly clickhouse: ClickHouseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** Liveness: the process is up and serving HTTP. Depends on nothing else. */
  @Get('health')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Readiness: 200 only when ClickHouse and Redis both answer; 503 with details otherwise. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.clickhouse.check(), () => this.redis.check()]);
  }
}
