import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ClickHouseService } from '../clickhouse/clickhouse.service';

@Injectable()
export class ClickHouseHealthIndicator {
  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'clickhouse') {
    const indicator = this.health.check(key);
    try {
      await this.clickhouse.ping();
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
