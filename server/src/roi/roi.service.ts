import { Inject, Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse/clickhouse.service';
import { rowsOf, type KindRow } from '../clickhouse/rows-by-kind';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import type { PlantScope } from '../domain/plant-scope';
import { SyncLagKpiService, type Range } from '../sync-lag/kpi.service';
import { byPlantFlow, figures, headline, type Figure, type PlantFlowRow, type RoiRaw } from './roi-figures';
import { MAINTENANCE_FLOW } from './roi-rollup.queries';
import { ROI_FIGURES } from './roi.queries';
import { RoiRepository, type StoredRoiSettings } from './roi.repository';
import type { RoiSettings } from './roi-settings';

const n = (v: unknown) => Number(v ?? 0);
const cmp = (a: string, z: string) => (a < z ? -1 : a > z ? 1 : 0);
const nullable = (v: unknown) => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));

/** The ROI rollups are hourly: a period starts at its first whole hour and ends at the end of its last. */
export function wholeHours(r: Range): Range {
  return { fromS: Math.floor(r.fromS / 3600) * 3600, toS: Math.ceil(r.toS / 3600) * 3600 };
}

export interface RoiReport {
  from: string;
  to: string;
  currency: string;
  settings: StoredRoiSettings;
  baselineFrom: string | null;
  baselineTo: string | null;
  figures: Figure[];
  byPlantFlow: PlantFlowRow[];
  latencyTrend: { t: string; p50: number | null; p95: number | null }[];
}

/** The executive's page: every figure computed in ClickHouse for the caller's plants and flows. */
@Injectable()
export class RoiService {
  constructor(
    private readonly clickhouse: ClickHouseService,
    private readonly repository: RoiRepository,
    private readonly lag: SyncLagKpiService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(scope: PlantScope, asked: Range, flows: string[]): Promise<RoiReport> {
    const range = wholeHours(asked);
    // The settings, the period's figures and its latency with its trend (one read) at once; a baseline
    // period, which the settings name, after them.
    const lag = this.lag.trendAndWhole(scope, range, { flows });
    const [settings, raw, { trend }] = await Promise.all([
      this.repository.current(),
      this.raw(
        scope,
        range,
        flows,
        lag.then((l) => l.whole),
      ),
      lag,
    ]);
    const baselineRange = this.baselineRange(settings);
    const past = baselineRange
      ? await this.raw(scope, baselineRange, flows, this.lag.totals(scope, baselineRange, { flows }))
      : undefined;
    return {
      from: new Date(range.fromS * 1000).toISOString(),
      to: new Date(range.toS * 1000).toISOString(),
      currency: this.config.reconcile.currency,
      settings,
      baselineFrom: baselineRange ? new Date(baselineRange.fromS * 1000).toISOString() : null,
      baselineTo: baselineRange ? new Date(baselineRange.toS * 1000).toISOString() : null,
      figures: figures(raw, settings, this.config.reconcile.currency, past && headline(past, settings)),
      byPlantFlow: byPlantFlow(raw, settings),
      latencyTrend: trend,
    };
  }

  private baselineRange(s: RoiSettings): Range | undefined {
    if (s.baselineMode !== 'period' || !s.baselineFrom || !s.baselineTo) return undefined;
    return wholeHours({ fromS: Math.floor(Date.parse(s.baselineFrom) / 1000), toS: Math.floor(Date.parse(s.baselineTo) / 1000) });
  }

  /** The ROI queries for one period (whole hours: the rollups are hourly) in one read (ROI_FIGURES), with its latency. */
  async raw(
    scope: PlantScope,
    range: Range,
    flows: string[],
    latency: Promise<{ p50: number | null; p95: number | null }>,
  ): Promise<RoiRaw> {
    const params = { fromMs: range.fromS * 1000, toMs: range.toS * 1000, flows };
    const maintenanceAsked = flows.length === 0 || flows.includes(MAINTENANCE_FLOW);
    const [rows, lag] = await Promise.all([
      this.clickhouse.scopedQuery<KindRow>({ name: 'roi.figures', sql: ROI_FIGURES, params }, scope),
      latency,
    ]);
    const of = (kind: string) => rowsOf<Record<string, string>>(rows, kind);
    const counts = of('postings');
    const findings = of('findings');
    // Per material and unit, sorted (the union returns rows in no order).
    const inventory = of('inventory').sort((a, z) => cmp(a.material, z.material) || cmp(a.unit, z.unit));
    const m = maintenanceAsked ? (of('maintenance')[0] as Record<string, string | number | null> | undefined) : undefined;
    const postings = counts.map((r) => ({ plant: r.plant, flow: r.flow, postings: n(r.postings), touched: n(r.touched) }));
    return {
      days: (range.toS - range.fromS) / 86_400,
      postings,
      findings: findings.map((r) => ({
        plant: r.plant,
        flow: r.flow,
        type: r.type,
        resolvedAuto: n(r.resolved_auto),
        resolvedManual: n(r.resolved_manual),
        resolveSeconds: n(r.resolve_seconds),
        openCount: n(r.open_count),
        openValue: n(r.open_value),
        recoveredReplayed: n(r.recovered_replayed),
        recoveredCorrected: n(r.recovered_corrected),
        incidents: n(r.incidents),
      })),
      inventory: inventory.map((r) => ({
        material: r.material,
        unit: r.unit,
        deviceQty: n(r.device_qty),
        erpQty: n(r.erp_qty),
        unconvertible: n(r.unconvertible),
      })),
      maintenance: {
        alerts: n(m?.alerts),
        responded: n(m?.responded),
        meanSeconds: n(m?.responded) > 0 ? nullable(m?.mean_s) : null,
        p50Seconds: n(m?.responded) > 0 ? nullable(m?.p50_s) : null,
      },
      latency: lag,
    };
  }
}
