import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import type { PlantScope } from '../domain/plant-scope';
import { SYNC_LAG_BY_LINE } from './sync-lag.queries';
import type { LineSyncLag } from './sync-lag.types';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';

interface Row {
  plant: string;
  line: string;
  events: string | number;
  posted: string | number;
  withinSla: string | number;
  lagSeconds: number[];
  lastEventAt: string;
}

@Injectable()
export class SyncLagService {
  constructor(private readonly clickhouse: ClickHouseService) {}

  async byLine(scope: PlantScope, fromMs: number, toMs: number, slaSeconds: number, line = ''): Promise<LineSyncLag[]> {
    const rows = await this.clickhouse.scopedQuery<Row>(
      { name: 'sync_lag.by_line', sql: SYNC_LAG_BY_LINE, params: { fromMs, toMs, slaSeconds, line } },
      scope,
    );
    return rows.map((r) => {
      const events = Number(r.events);
      const posted = Number(r.posted);
      const [p50, p95, p99] = posted > 0 ? r.lagSeconds : [null, null, null];
      return {
        plant: r.plant,
        line: r.line,
        events,
        posted,
        withinSlaShare: events ? Number(r.withinSla) / events : 0,
        lagP50Seconds: p50 ?? null,
        lagP95Seconds: p95 ?? null,
        lagP99Seconds: p99 ?? null,
        lastEventAt: events ? isoFromClickHouse(r.lastEventAt) : null,
      };
    });
  }
}
