import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ClickHouseSettings } from '@clickhouse/client';
import { randomInt, randomUUID } from 'node:crypto';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { MasterDataRepository } from './master-data/master-data.repository';
import { reconcileParams, silentLineGroups, SILENT_MAX_DAYS, type MasterData } from './reconcile-params';
import {
  eventFindings,
  FAILED_HOP_FINDINGS,
  insertFindings,
  orphanFindings,
  REOPEN_FINDINGS,
  REPLAY_EXPIRED,
  RESOLVE_FINDINGS,
  SILENT_LINE_FINDINGS,
  type ReconcilePlan,
} from './reconcile.queries';
import { windowSeconds } from './rules/flow-rules';
import { FlowRulesRepository } from './rules/flow-rules.repository';

export const FINDING_TYPES = [
  'missing_posting',
  'duplicate_posting',
  'quantity_mismatch',
  'late_posting',
  'orphan_posting',
  'failed_hop',
  'silent_line',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export interface ReconcileRequest {
  kind: 'window' | 'recheck' | 'full' | 'on_demand';
  /** Flows to reconcile; all enabled flows when absent. */
  flows?: readonly string[];
  /** The run sees records up to this time (default: now). */
  nowMs?: number;
  /** Anchor window; default: each flow's 2 x SLA + grace before now. */
  fromMs?: number;
  toMs?: number;
  /** Whether to look for silent lines (they are per plant, not per flow). */
  silentLines?: boolean;
}

export interface ReconcileResult {
  runId: string;
  flows: string[];
  fromMs: number;
  toMs: number;
  durationMs: number;
  detected: number;
  resolved: number;
  reopened: number;
}

/**
 * Runs reconciliation passes: every query runs inside ClickHouse and writes findings there; nothing
 * is pulled into Node. Safe to run on several workers at once (docs/reconciliation.md).
 */
@Injectable()
export class ReconcileService {
  private readonly logger = new Logger('Reconcile');

  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly rules: FlowRulesRepository,
    private readonly masterData: MasterDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ClickHouse settings that keep a pass from starving ingest and dashboards. */
  private settings(): ClickHouseSettings {
    const c = this.config.reconcile;
    return {
      join_use_nulls: 0,
      // FINAL partition by partition: each table read with FINAL has its partition's time in its sorting
      // key, so a record's copies share a partition, and a closed day in one part is read as it is.
      do_not_merge_across_partitions_select_final: 1,
      priority: '10', // lower priority than ingest and dashboard queries (0): ClickHouse runs those first
      max_memory_usage: String(c.maxMemoryBytes),
      max_bytes_before_external_group_by: String(Math.floor(c.maxMemoryBytes / 2)),
      ...(c.maxThreads > 0 ? { max_threads: c.maxThreads } : {}),
    };
  }

  async loadMasterData(nowMs: number): Promise<MasterData> {
    const [rules, conversions, costs, calendars, silences] = await Promise.all([
      this.rules.current(),
      this.masterData.conversions(),
      this.masterData.costs(),
      this.masterData.calendars(),
      this.masterData.silences(nowMs - (SILENT_MAX_DAYS + 31) * 86_400_000, nowMs + 86_400_000),
    ]);
    return {
      rules,
      conversions,
      costs,
      calendars,
      silences,
      currency: this.config.reconcile.currency,
      silentLineMinutes: this.config.reconcile.silentLineMinutes,
    };
  }

  async run(req: ReconcileRequest, data?: MasterData): Promise<ReconcileResult> {
    const started = Date.now();
    const nowMs = req.nowMs ?? started;
    const master = data ?? (await this.loadMasterData(nowMs));
    const enabled = master.rules.filter((r) => r.enabled && (!req.flows || req.flows.includes(r.flow)));
    const flows = enabled.map((r) => r.flow);
    const longest = Math.max(0, ...enabled.map(windowSeconds));
    // Whole quantity buckets only: a window starting inside a bucket would compare part of an order's
    // quantities, and rewrite its finding with part of its events. Buckets count from the epoch, so a
    // start on a multiple of every flow's bucket (their least common multiple) starts a bucket of each.
    const bucketMs = 60_000 * enabled.reduce((m, r) => lcm(m, Math.max(1, r.bucketMinutes)), 1);
    const fromMs = Math.floor((req.fromMs ?? nowMs - longest * 1000) / bucketMs) * bucketMs;
    const toMs = req.toMs ?? nowMs + 1;
    const runMs = nowMs;
    const params = {
      ...reconcileParams(master, flows),
      now_ms: nowMs,
      from_ms: fromMs,
      to_ms: toMs,
      run_ms: runMs,
      run_version: runMs * 1000 + randomInt(1000),
    };
    const silent = req.silentLines ?? !req.flows;
    const types = [...(flows.length ? FINDING_TYPES.filter((t) => t !== 'silent_line') : []), ...(silent ? ['silent_line'] : [])];
    const runId = randomUUID();
    const counts = { detected: 0, resolved: 0, reopened: 0 };
    // A long window pairs events and postings from their copies sorted by device event (ADR 0012).
    const plan: ReconcilePlan = toMs - fromMs >= this.config.reconcile.byEventFromHours * 3_600_000 ? 'by_event' : 'window';
    const exec = (name: string, sql: string, extra: Record<string, unknown> = {}) =>
      this.command(name, sql, { ...params, run_types: types, ...extra });
    try {
      if (flows.length) {
        counts.detected += await exec(`reconcile.events.${plan}`, insertFindings(eventFindings(plan), plan));
        counts.detected += await exec(
          `reconcile.orphans.${plan}`,
          insertFindings(orphanFindings(plan, toMs - fromMs < 86_400_000), plan),
        );
        counts.detected += await exec('reconcile.failed_hops', insertFindings(FAILED_HOP_FINDINGS));
      }
      if (silent) {
        const plants = await this.knownPlants(nowMs);
        for (const group of silentLineGroups(master, plants)) {
          counts.detected += await exec('reconcile.silent_lines', insertFindings(SILENT_LINE_FINDINGS), group);
        }
      }
      counts.resolved = await exec('reconcile.resolve', RESOLVE_FINDINGS);
      counts.reopened = await exec('reconcile.reopen', REOPEN_FINDINGS);
      counts.reopened += await exec('reconcile.replay_expired', REPLAY_EXPIRED);
      await this.log(runId, req.kind, flows, fromMs, toMs, started, counts, '');
    } catch (err) {
      await this.log(runId, req.kind, flows, fromMs, toMs, started, counts, String(err)).catch(() => undefined);
      throw err;
    }
    return { runId, flows, fromMs, toMs, durationMs: Date.now() - started, ...counts };
  }

  /**
   * Plants that sent device events in the days a silence may have started in, up to now's day: the
   * silent-line check looks at their lines (line_days: a few rows per line and day). By day, not by
   * each day's last event: a plant whose events today run past a run's `now` (a run as of a past
   * moment, a device clock ahead) sent events before it too; one that did not is checked for nothing.
   */
  private async knownPlants(nowMs: number): Promise<string[]> {
    const rows = await this.clickhouse.query<{ plant: string }>({
      name: 'reconcile.known_plants',
      sql: `SELECT DISTINCT toString(plant) AS plant FROM line_days
            WHERE day >= toDate(fromUnixTimestamp64Milli({fromMs:Int64})) AND day <= toDate(fromUnixTimestamp64Milli({nowMs:Int64}))`,
      params: { fromMs: nowMs - (SILENT_MAX_DAYS + 1) * 86_400_000, nowMs },
    });
    return rows.map((r) => r.plant);
  }

  /**
   * Runs an INSERT ... SELECT inside ClickHouse; returns the rows it wrote. On a cluster each shard runs
   * it over its own plants at once: a plant's events, postings, hops and findings share a shard.
   */
  private async command(name: string, sql: string, params: Record<string, unknown>): Promise<number> {
    const started = Date.now();
    const { writtenRows } = await this.clickhouse.writeOnShards({ name, sql, params, settings: this.settings() }, { long: true });
    this.logger.debug(`${name}: ${writtenRows} rows in ${Date.now() - started} ms`);
    return writtenRows;
  }

  private async log(
    runId: string,
    kind: string,
    flows: string[],
    fromMs: number,
    toMs: number,
    started: number,
    counts: { detected: number; resolved: number; reopened: number },
    error: string,
  ): Promise<void> {
    await this.clickhouse.insert('reconcile_runs', [
      {
        run_id: runId,
        kind,
        flows,
        window_from: new Date(fromMs).toISOString(),
        window_to: new Date(Math.min(toMs, 4102444800000)).toISOString(),
        started_at: new Date(started).toISOString(),
        finished_at: new Date().toISOString(),
        ...counts,
        error: error.slice(0, 2000),
      },
    ]);
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** Least common multiple of two positive integers. */
export const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
