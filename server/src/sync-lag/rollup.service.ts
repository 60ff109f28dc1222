import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { chTime } from '../clickhouse/clickhouse-time';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { BASE_STAGES } from '../domain/vocabulary';
import { QueueName } from '../queues/queue-names';
import { scheduleEvery } from '../queues/schedule';
import { MasterDataRepository } from '../reconciliation/master-data/master-data.repository';
import { FlowRulesRepository } from '../reconciliation/rules/flow-rules.repository';
import {
  DELETE_ROI_HOURS,
  MAINTENANCE_FLOW,
  ROI_ALL_HOURS,
  ROI_DIRTY_HOURS,
  ROLLUP_ROI_INVENTORY,
  ROLLUP_ROI_MAINTENANCE,
  ROLLUP_ROI_POSTINGS,
} from '../roi/roi-rollup.queries';
import {
  ALL_MINUTES,
  DELETE_LAG_DAY,
  DELETE_LAG_HOURS,
  DELETE_LAG_MINUTES,
  DELETE_STAGE_HOURS,
  DELETE_STAGE_MINUTES,
  DIRTY_MINUTES,
  READ_WATERMARK,
  ROLLUP_LAG_DAY,
  ROLLUP_LAG_HOURS,
  ROLLUP_LAG_MINUTES,
  ROLLUP_STAGE_HOURS,
  ROLLUP_STAGE_MINUTES,
  WATERMARK_OVERLAP_MS,
} from './rollup.queries';

const PROGRESS = 'sync_lag';
const ROI_PROGRESS = 'roi';
const DAY_S = 86_400;

export interface RollupRun {
  /** Minutes recomputed (each with its messages' counts, lag states and stage times). */
  minutes: number;
  hours: number;
  /** Hops ingested up to here are in the rollups. */
  watermark: string;
  /** Hours of device events and postings recomputed for ROI. */
  roiHours: number;
}

/** Whole minutes or hours (epoch seconds) grouped by UTC day, so each statement reads one day's partitions. */
export function byDay(minutes: readonly number[]): number[][] {
  const days = new Map<number, number[]>();
  for (const m of minutes) {
    const d = Math.floor(m / DAY_S);
    let list = days.get(d);
    if (!list) days.set(d, (list = []));
    list.push(m);
  }
  return [...days.keys()].sort((a, b) => a - b).map((d) => days.get(d)!);
}

/**
 * Keeps the Sync lag rollups (ADR 0010): every ROLLUP_INTERVAL_SECONDS, the minutes that hops arrived
 * for since the last run are recomputed from trace_index and hops, then their hours from the minutes.
 * One run at a time across every instance (the queue's global concurrency is 1), and in this process.
 */
@Processor(QueueName.Rollup)
@Injectable()
export class RollupService extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('Rollup');
  private running: Promise<RollupRun> | undefined;

  constructor(
    @InjectQueue(QueueName.Rollup) private readonly queue: Queue,
    private readonly clickhouse: ClickHouseService,
    private readonly rules: FlowRulesRepository,
    private readonly masterData: MasterDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await scheduleEvery(this.queue, 'sync-lag-rollup', this.config.rollup.intervalSeconds, 'rollup', this.logger, {
      single: true,
    });
  }

  async process(): Promise<RollupRun> {
    return this.run();
  }

  /** One run now (the schedule's, or an operator's); a second caller in this process shares the first's run. */
  run(options: { rebuild?: boolean } = {}): Promise<RollupRun> {
    this.running ??= this.runOnce(options.rebuild ?? false).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(rebuild: boolean): Promise<RollupRun> {
    const nowMs = Date.now();
    const fromMs = rebuild ? undefined : await this.watermark(PROGRESS);
    const rows =
      fromMs === undefined
        ? await this.clickhouse.query<{ minute: number }>({ name: 'rollup.all_minutes', sql: ALL_MINUTES })
        : await this.clickhouse.query<{ minute: number }>({
            name: 'rollup.dirty_minutes',
            sql: DIRTY_MINUTES,
            params: { fromMs, toMs: nowMs, scanFromMs: fromMs - this.config.rollup.lateHours * 3_600_000 },
          });
    const minutes = rows.map((r) => Number(r.minute));
    let hours = 0;
    for (const day of byDay(minutes)) hours += await this.rollupDay(day);
    await this.saveWatermark(PROGRESS, nowMs);
    const roiHours = await this.rollupRoi(nowMs, rebuild);
    if (minutes.length > 0) this.logger.debug?.(`rolled up ${minutes.length} minutes, ${hours} hours, ${roiHours} ROI hours`);
    return { minutes: minutes.length, hours, watermark: new Date(nowMs).toISOString(), roiHours };
  }

  /** Where the previous run of `name` got to (60 s before it: an insert that began before it and was not visible yet is not missed). */
  private async watermark(name: string): Promise<number | undefined> {
    const [w] = await this.clickhouse.query<{ ms: string | number; n: string | number }>({
      name: 'rollup.watermark',
      sql: READ_WATERMARK,
      params: { name },
    });
    return Number(w?.n ?? 0) > 0 ? Number(w.ms) - WATERMARK_OVERLAP_MS : undefined;
  }

  private async saveWatermark(name: string, atMs: number): Promise<void> {
    await this.clickhouse.insert('rollup_progress', [{ name, watermark: chTime(atMs), updated_at: chTime(Date.now()) }]);
  }

  /** The ROI rollups: the hours device events or postings arrived for, recomputed a UTC day at a time. */
  private async rollupRoi(nowMs: number, rebuild: boolean): Promise<number> {
    const fromMs = rebuild ? undefined : await this.watermark(ROI_PROGRESS);
    const rows =
      fromMs === undefined
        ? await this.clickhouse.query<{ h: number }>({ name: 'rollup.roi_all_hours', sql: ROI_ALL_HOURS })
        : await this.clickhouse.query<{ h: number }>({
            name: 'rollup.roi_dirty_hours',
            sql: ROI_DIRTY_HOURS,
            params: { fromMs, toMs: nowMs, scanFromMs: fromMs - this.config.rollup.lateHours * 3_600_000 },
          });
    const hours = rows.map((r) => Number(r.h));
    if (hours.length > 0) {
      const [rules, conversions] = await Promise.all([this.rules.current(), this.masterData.conversions()]);
      const maintenance = rules.find((r) => r.flow === MAINTENANCE_FLOW);
      const fixed = {
        conv_keys: conversions.map((c) => `${c.material}|${c.fromUnit.toUpperCase()}|${c.toUnit.toUpperCase()}`),
        conv_factors: conversions.map((c) => c.factor),
        alert_types: maintenance?.eventTypes ?? ['maintenance_alert'],
        request_types: [...new Set([MAINTENANCE_FLOW, ...(maintenance?.postingTypes ?? [])])],
      };
      for (const day of byDay(hours)) {
        const params = { loMs: day[0] * 1000, hiMs: (day[day.length - 1] + 3600) * 1000, hours: day, ...fixed };
        for (const [table, sql] of [
          ['roi_postings_hour', ROLLUP_ROI_POSTINGS],
          ['roi_inventory_hour', ROLLUP_ROI_INVENTORY],
          ['roi_maintenance_hour', ROLLUP_ROI_MAINTENANCE],
        ] as const) {
          await this.rewrite(table, DELETE_ROI_HOURS(table), sql, params);
        }
      }
    }
    await this.saveWatermark(ROI_PROGRESS, nowMs);
    return hours.length;
  }

  /** Recomputes `minutes` (all in one UTC day), then their hours; returns the number of hours. */
  private async rollupDay(minutes: number[]): Promise<number> {
    const loMs = minutes[0] * 1000;
    const hiMs = (minutes[minutes.length - 1] + 60) * 1000;
    const params = { loMs, hiMs, minutes };
    const stages = [...BASE_STAGES];
    await this.rewrite('lag_minutes', DELETE_LAG_MINUTES, ROLLUP_LAG_MINUTES, params);
    await this.rewrite('stage_minutes', DELETE_STAGE_MINUTES, ROLLUP_STAGE_MINUTES, {
      ...params,
      stages,
      spanHours: this.config.rollup.messageSpanHours,
    });
    const hours = [...new Set(minutes.map((m) => m - (m % 3600)))];
    const hourParams = { loMs: hours[0] * 1000, hiMs: (hours[hours.length - 1] + 3600) * 1000, hours };
    await this.rewrite('lag_hours', DELETE_LAG_HOURS, ROLLUP_LAG_HOURS, hourParams);
    await this.rewrite('stage_hours', DELETE_STAGE_HOURS, ROLLUP_STAGE_HOURS, hourParams);
    await this.rewrite('lag_day', DELETE_LAG_DAY, ROLLUP_LAG_DAY, { dayS: minutes[0] - (minutes[0] % DAY_S) });
    return hours.length;
  }

  /**
   * Deletes rows of a rollup and writes them again from the level below, on every shard over its own
   * plants. `params` binds both statements (they take the same time bounds).
   */
  private async rewrite(what: string, deleteSql: string, insertSql: string, params: Record<string, unknown>): Promise<void> {
    await this.clickhouse.writeOnShards({ name: `rollup.delete_${what}`, sql: deleteSql, params });
    await this.clickhouse.writeOnShards({ name: `rollup.${what}`, sql: insertSql, params }, { long: true });
  }
}
