import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { isoFromClickHouse } from '../clickhouse/clickhouse-time';
import { InputError } from '../common/errors/input-error';
import type { PlantScope } from '../domain/plant-scope';
import { FindingsService } from '../findings/findings.service';
import { FlowRulesRepository } from '../reconciliation/rules/flow-rules.repository';
import { LAG_GRID, LAG_QUANTILES, LAG_SERIES, LAG_TOTALS, LAG_TREND_AND_WHOLE, STAGE_SHARES } from './kpi.queries';
import type { LagCell, LagSeries, SlaState, StageShare, SyncLagFilterInput, SyncLagPeriod, TimeRangeInput } from './kpi.types';

const MINUTE_S = 60;
const HOUR_S = 3600;
const DAY_S = 86_400;
export const MAX_RANGE_DAYS = 90;
/** Flows without rules are held to this SLA (as reconciliation and the rollups do). */
export const DEFAULT_SLA_SECONDS = 900;
/** Point sizes a lag chart may use: the smallest that gives at most MAX_POINTS points. */
const BUCKETS_S = [60, 300, 900, 1800, HOUR_S, 3 * HOUR_S, 6 * HOUR_S, 12 * HOUR_S, DAY_S];
const MAX_POINTS = 240;
const AT_RISK_SHARE_OF_SLA = 0.75;
const CLOSED = new Set(['resolved_auto', 'resolved_manual', 'ignored']);

export interface Range {
  fromS: number;
  toS: number;
}

/** Whole minutes from `from` (rounded down) to `to` (rounded up); refused past 90 days or in the wrong order. */
export function parseRange(r: TimeRangeInput, nowMs = Date.now()): Range {
  const fromMs = Date.parse(r.from);
  const toMs = Date.parse(r.to);
  if (!(toMs > fromMs)) throw new InputError('range.to must be after range.from', 'range.to');
  if (toMs - fromMs > MAX_RANGE_DAYS * DAY_S * 1000 + MINUTE_S * 1000)
    throw new InputError(`a range spans at most ${MAX_RANGE_DAYS} days`, 'range.from');
  if (toMs > nowMs + DAY_S * 1000) throw new InputError('range.to must not be more than a day in the future', 'range.to');
  return { fromS: Math.floor(fromMs / 60_000) * MINUTE_S, toS: Math.ceil(toMs / 60_000) * MINUTE_S };
}

/** Points of a lag chart: at most 240, and one a day past two weeks (the daily rollup answers those). */
export function bucketSeconds(range: Range): number {
  const span = range.toS - range.fromS;
  if (span > 14 * DAY_S) return DAY_S;
  return BUCKETS_S.find((b) => span / b <= MAX_POINTS) ?? DAY_S;
}

/** The state of a cell: a plant manager reads it by colour and by its word. */
export function slaState(p95: number | null, messages: number, slaSeconds: number): SlaState {
  if (messages === 0) return 'no_data';
  if (p95 === null) return 'at_risk';
  if (p95 > slaSeconds) return 'breached';
  return p95 > AT_RISK_SHARE_OF_SLA * slaSeconds ? 'at_risk' : 'within';
}

/**
 * Days wholly inside the range (read from the daily rollup), the other whole hours (hourly rollups) and
 * the ends (minutes). A chart with points finer than a day reads no days; finer than an hour, minutes only.
 */
export function rangeParams(range: Range, filter: SyncLagFilterInput | undefined, pointSeconds = DAY_S) {
  let hourFromS = Math.ceil(range.fromS / HOUR_S) * HOUR_S;
  let hourToS = Math.floor(range.toS / HOUR_S) * HOUR_S;
  if (hourFromS >= hourToS || pointSeconds < HOUR_S) hourFromS = hourToS = range.fromS;
  let dayFromS = Math.ceil(hourFromS / DAY_S) * DAY_S;
  let dayToS = Math.floor(hourToS / DAY_S) * DAY_S;
  if (dayFromS >= dayToS || pointSeconds < DAY_S) dayFromS = dayToS = hourFromS;
  return {
    fromS: range.fromS,
    toS: range.toS,
    hourFromS,
    hourToS,
    dayFromS,
    dayToS,
    lines: filter?.lines ?? [],
    flows: filter?.flows ?? [],
  };
}

const iso = (s: number) => new Date(s * 1000).toISOString();
const num = (v: unknown) => Number(v ?? 0);
const quantile = (q: number[] | undefined, i: number, posted: number) => (posted > 0 && q ? (q[i] ?? null) : null);
/** p50 and p95 of a row's quantiles (null when nothing was posted). */
const p50p95 = (r: { posted: string; q: number[] } | undefined) => ({
  p50: quantile(r?.q, 0, num(r?.posted)),
  p95: quantile(r?.q, 1, num(r?.posted)),
});

interface TotalsRow {
  period: number;
  messages: string;
  posted: string;
  within_sla: string;
  failed: string;
  q: number[];
  stalest_ms: string;
}

/** The Sync lag page's figures, from the rollups (plant-scoped, filtered). */
@Injectable()
export class SyncLagKpiService {
  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly findings: FindingsService,
    private readonly rules: FlowRulesRepository,
  ) {}

  /**
   * The KPI tiles of the range and of the period of the same length just before it: both periods' lag
   * totals in one query, both periods' open findings in another, at once.
   */
  async periods(
    scope: PlantScope,
    range: Range,
    filter: SyncLagFilterInput | undefined,
    nowMs = Date.now(),
  ): Promise<{ current: SyncLagPeriod; previous: SyncLagPeriod }> {
    const before: Range = { fromS: range.fromS - (range.toS - range.fromS), toS: range.fromS };
    const prefixed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rangeParams(before, filter))) prefixed[`p_${k}`] = v;
    const findingFilter = {
      plants: filter?.plants,
      lines: filter?.lines,
      flows: filter?.flows,
      from: iso(before.fromS),
      to: iso(range.toS),
    };
    const [totals, counts] = await Promise.all([
      this.clickhouse.scopedQuery<TotalsRow>(
        { name: 'sync_lag.totals', sql: LAG_TOTALS, params: { ...rangeParams(range, filter), ...prefixed } },
        scope,
      ),
      this.findings.countsByPeriod(scope, { ...findingFilter, types: ['missing_posting', 'silent_line'] }, range.fromS * 1000),
    ]);
    const period = (p: number, r: Range): SyncLagPeriod => {
      const t = totals.find((row) => Number(row.period) === p);
      const open = (type: string) =>
        counts.filter((c) => c.period === p && c.type === type && !CLOSED.has(c.status)).reduce((n, c) => n + c.count, 0);
      const messages = num(t?.messages);
      const posted = num(t?.posted);
      const stalestMs = t && messages > 0 ? Number(t.stalest_ms) : undefined;
      const endMs = Math.min(r.toS * 1000, nowMs);
      return {
        from: iso(r.fromS),
        to: iso(r.toS),
        messages,
        posted,
        failed: num(t?.failed),
        withinSlaShare: posted > 0 ? num(t?.within_sla) / posted : null,
        lagP50Seconds: quantile(t?.q, 0, posted),
        lagP95Seconds: quantile(t?.q, 1, posted),
        lagP99Seconds: quantile(t?.q, 2, posted),
        stalestLineAt: stalestMs === undefined ? null : new Date(stalestMs).toISOString(),
        stalestLineAgeSeconds: stalestMs === undefined ? null : Math.max(0, (endMs - stalestMs) / 1000),
        openMissingPostings: open('missing_posting'),
        silentLines: open('silent_line'),
      };
    };
    return { current: period(0, range), previous: period(1, before) };
  }

  async series(scope: PlantScope, range: Range, filter: SyncLagFilterInput | undefined): Promise<LagSeries[]> {
    const bucket = bucketSeconds(range);
    const [rows, sla] = await Promise.all([
      this.clickhouse.scopedQuery<{ flow: string; bucket: number; messages: string; posted: string; q: number[] }>(
        { name: 'sync_lag.series', sql: LAG_SERIES, params: { ...rangeParams(range, filter, bucket), bucketS: bucket } },
        scope,
      ),
      this.slaByFlow(),
    ]);
    const byFlow = new Map<string, LagSeries>();
    for (const r of rows) {
      let s = byFlow.get(r.flow);
      if (!s) byFlow.set(r.flow, (s = { flow: r.flow, slaSeconds: sla(r.flow), bucketSeconds: bucket, points: [] }));
      const posted = num(r.posted);
      s.points.push({
        t: iso(Number(r.bucket)),
        messages: num(r.messages),
        posted,
        p50: quantile(r.q, 0, posted),
        p95: quantile(r.q, 1, posted),
        p99: quantile(r.q, 2, posted),
      });
    }
    return [...byFlow.values()];
  }

  async grid(scope: PlantScope, range: Range, filter: SyncLagFilterInput | undefined): Promise<LagCell[]> {
    const [rows, sla] = await Promise.all([
      this.clickhouse.scopedQuery<{
        plant: string;
        line: string;
        flow: string;
        messages: string;
        posted: string;
        within_sla: string;
        failed: string;
        q: number[];
        last_start: string;
      }>({ name: 'sync_lag.grid', sql: LAG_GRID, params: rangeParams(range, filter) }, scope),
      this.slaByFlow(),
    ]);
    return rows.map((r) => {
      const messages = num(r.messages);
      const posted = num(r.posted);
      const p95 = quantile(r.q, 1, posted);
      return {
        plant: r.plant,
        line: r.line,
        flow: r.flow,
        messages,
        posted,
        failed: num(r.failed),
        withinSlaShare: posted > 0 ? num(r.within_sla) / posted : null,
        lagP95Seconds: p95,
        slaSeconds: sla(r.flow),
        state: slaState(p95, messages, sla(r.flow)),
        lastMessageAt: messages > 0 ? isoFromClickHouse(r.last_start) : null,
      };
    });
  }

  async stages(scope: PlantScope, range: Range, filter: SyncLagFilterInput | undefined): Promise<StageShare[]> {
    const rows = await this.clickhouse.scopedQuery<{ from_stage: string; to_stage: string; seconds: number; messages: string }>(
      { name: 'sync_lag.stages', sql: STAGE_SHARES, params: rangeParams(range, filter) },
      scope,
    );
    const total = rows.reduce((n, r) => n + r.seconds, 0);
    return rows
      .map((r) => ({
        fromStage: r.from_stage,
        toStage: r.to_stage,
        seconds: r.seconds,
        messages: num(r.messages),
        meanSeconds: num(r.messages) > 0 ? r.seconds / num(r.messages) : 0,
        share: total > 0 ? r.seconds / total : 0,
      }))
      .sort((a, b) => b.share - a.share);
  }

  /** p50 and p95 lag over the range (every flow asked for together). */
  async totals(
    scope: PlantScope,
    range: Range,
    filter: SyncLagFilterInput | undefined,
  ): Promise<{ p50: number | null; p95: number | null }> {
    const [t] = await this.clickhouse.scopedQuery<{ posted: string; q: number[] }>(
      { name: 'sync_lag.quantiles', sql: LAG_QUANTILES, params: rangeParams(range, filter) },
      scope,
    );
    return p50p95(t);
  }

  /**
   * p50 and p95 of every flow together, one point per bucket (a day for ranges over two days, else an
   * hour), and of the whole range (`whole`), in one read.
   */
  async trendAndWhole(scope: PlantScope, range: Range, filter: SyncLagFilterInput | undefined) {
    const bucket = range.toS - range.fromS > 2 * DAY_S ? DAY_S : HOUR_S;
    const rows = await this.clickhouse.scopedQuery<{ whole: number; bucket: number; posted: string; q: number[] }>(
      { name: 'sync_lag.trend', sql: LAG_TREND_AND_WHOLE, params: { ...rangeParams(range, filter, bucket), bucketS: bucket } },
      scope,
    );
    return {
      trend: rows.filter((r) => Number(r.whole) === 0).map((r) => ({ t: iso(Number(r.bucket)), ...p50p95(r) })),
      whole: p50p95(rows.find((r) => Number(r.whole) === 1)),
    };
  }

  private async slaByFlow(): Promise<(flow: string) => number> {
    const rules = new Map((await this.rules.current()).map((r) => [r.flow, r.slaSeconds]));
    return (flow) => rules.get(flow) ?? DEFAULT_SLA_SECONDS;
  }
}
