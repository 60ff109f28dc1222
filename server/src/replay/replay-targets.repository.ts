import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';
import type { CheckMode, ReplayTargetConfig } from './replay-targets';

interface Row {
  flow: string;
  plant: string;
  url: string;
  method: ReplayTargetConfig['method'];
  headers: Record<string, string>;
  timeout_ms: number;
  rate_per_s: number;
  concurrency: number;
  check_mode: CheckMode;
  lookup_url: string;
  enabled: number;
  auto_replay: number;
  auto_classes: string[];
  auto_max: number;
  version: string | number;
  updated_by: string;
  updated_at: string;
}

const toTarget = (r: Row): ReplayTargetConfig => ({
  flow: r.flow,
  plant: r.plant,
  url: r.url,
  method: r.method,
  headers: r.headers,
  timeoutMs: r.timeout_ms,
  ratePerSecond: r.rate_per_s,
  concurrency: r.concurrency,
  checkMode: r.check_mode,
  lookupUrl: r.lookup_url,
  enabled: r.enabled === 1,
  autoReplay: r.auto_replay === 1,
  autoClasses: r.auto_classes,
  autoMax: r.auto_max,
  version: Number(r.version),
  updatedBy: r.updated_by,
  updatedAt: isoFromClickHouse(r.updated_at),
});

/** Replay targets, append-only: each save is a new version; the latest per (flow, plant) is in force. */
@Injectable()
export class ReplayTargetsRepository {
  constructor(private readonly clickhouse: ClickHouseService) {}

  async current(): Promise<ReplayTargetConfig[]> {
    const rows = await this.clickhouse.query<Row>({
      name: 'replay_targets.current',
      sql: `SELECT flow, plant, url, method, headers, timeout_ms, rate_per_s, concurrency, check_mode, lookup_url, enabled,
                   auto_replay, auto_classes, auto_max, version, updated_by, toString(updated_at) AS updated_at
            FROM replay_targets ORDER BY flow, plant, version DESC LIMIT 1 BY flow, plant`,
    });
    return rows.map(toTarget);
  }

  async save(t: Omit<ReplayTargetConfig, 'version' | 'updatedAt'>): Promise<void> {
    const now = new Date();
    await this.clickhouse.insert('replay_targets', [
      {
        flow: t.flow,
        plant: t.plant,
        url: t.url,
        method: t.method,
        headers: t.headers,
        timeout_ms: t.timeoutMs,
        rate_per_s: t.ratePerSecond,
        concurrency: t.concurrency,
        check_mode: t.checkMode,
        lookup_url: t.lookupUrl,
        enabled: t.enabled ? 1 : 0,
        auto_replay: t.autoReplay ? 1 : 0,
        auto_classes: t.autoClasses,
        auto_max: t.autoMax,
        version: now.getTime() * 1000 + Math.floor(Math.random() * 1000),
        updated_by: t.updatedBy,
        updated_at: now.toISOString(),
      },
    ]);
  }
}
