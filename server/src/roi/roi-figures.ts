import type { RoiSettings } from './roi-settings';

/** What the ROI queries return for one period (already summed over the caller's plants and flows). */
export interface RoiRaw {
  days: number;
  postings: { plant: string; flow: string; postings: number; touched: number }[];
  findings: {
    plant: string;
    flow: string;
    type: string;
    resolvedAuto: number;
    resolvedManual: number;
    resolveSeconds: number;
    openCount: number;
    openValue: number;
    recoveredReplayed: number;
    recoveredCorrected: number;
    incidents: number;
  }[];
  inventory: { material: string; unit: string; deviceQty: number; erpQty: number; unconvertible: number }[];
  maintenance: { alerts: number; responded: number; meanSeconds: number | null; p50Seconds: number | null };
  latency: { p50: number | null; p95: number | null };
}

export interface Breakdown {
  label: string;
  value: number | null;
  unit: string;
}

export interface Figure {
  key: string;
  label: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  /** Whether a higher value is better (for the change's tone). */
  higherIsBetter: boolean;
  howComputed: string;
  /** Keys of the assumptions the figure uses (RoiSettings fields). */
  assumptions: string[];
  breakdown: Breakdown[];
}

export interface PlantFlowRow {
  plant: string;
  flow: string;
  postings: number;
  noTouchShare: number | null;
  resolvedAuto: number;
  resolvedManual: number;
  valueAtRiskOpen: number;
  valueRecovered: number;
  hoursAvoided: number;
}

const sum = <T>(rows: readonly T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Hours a person would have spent on what Syncline did without them (the assumptions say how long each took). */
export function hoursAvoided(autoResolved: number, untouchedPostings: number, s: RoiSettings): number {
  return (autoResolved * s.minutesPerManualReconciliation) / 60 + (untouchedPostings * s.secondsPerPostingCheck) / 3600;
}

/** The period's headline numbers, from which each figure (and its baseline) is read. */
export function headline(raw: RoiRaw, s: RoiSettings) {
  const postings = sum(raw.postings, (r) => r.postings);
  const touched = sum(raw.postings, (r) => r.touched);
  const auto = sum(raw.findings, (r) => r.resolvedAuto);
  const manual = sum(raw.findings, (r) => r.resolvedManual);
  const resolveSeconds = sum(raw.findings, (r) => r.resolveSeconds);
  const hours = hoursAvoided(auto, postings - touched, s);
  const inv = raw.inventory.filter((m) => m.deviceQty > 0);
  const agree = sum(inv, (m) => Math.min(m.deviceQty, m.erpQty));
  const most = sum(inv, (m) => Math.max(m.deviceQty, m.erpQty));
  return {
    postings,
    touched,
    noTouchShare: ratio(postings - touched, postings),
    auto,
    manual,
    autoResolvedShare: ratio(auto, auto + manual),
    meanHoursToResolve: auto + manual > 0 ? resolveSeconds / (auto + manual) / 3600 : null,
    openValue: sum(raw.findings, (r) => r.openValue),
    openCount: sum(raw.findings, (r) => r.openCount),
    recoveredReplayed: sum(raw.findings, (r) => r.recoveredReplayed),
    recoveredCorrected: sum(raw.findings, (r) => r.recoveredCorrected),
    hoursAvoided: hours,
    costAvoided: hours * s.hourlyCost,
    inventoryAccuracy: ratio(agree, most),
    maintenanceResponseHours: raw.maintenance.meanSeconds === null ? null : raw.maintenance.meanSeconds / 3600,
    incidents: sum(raw.findings, (r) => r.incidents),
    latencyP95Seconds: raw.latency.p95,
  };
}
type Headline = ReturnType<typeof headline>;

/** Baseline values: the same headline over a past period, or what the plant measured (scaled to this period's length). */
export function baselineOf(
  s: RoiSettings,
  days: number,
  past: Headline | undefined,
): Partial<Record<keyof Headline | 'manualHours', number | null>> {
  if (s.baselineMode === 'period' && past) return past;
  if (s.baselineMode !== 'measured') return {};
  const m = s.measured;
  const per30 = (v: number | null) => (v === null ? null : (v * days) / 30);
  const manualHours = per30(m.manualHoursPer30Days);
  return {
    noTouchShare: m.noTouchShare,
    autoResolvedShare: m.autoResolvedShare,
    meanHoursToResolve: m.meanHoursToResolve,
    inventoryAccuracy: m.inventoryAccuracy,
    maintenanceResponseHours: m.maintenanceResponseHours,
    incidents: per30(m.incidentsPer30Days),
    latencyP95Seconds: m.latencyP95Seconds,
    // Measured manual hours are what the plant spent; Syncline's "avoided" figure has no measured twin.
    ...(manualHours === null ? {} : { manualHours }),
  };
}

export function figures(raw: RoiRaw, s: RoiSettings, currency: string, past: Headline | undefined): Figure[] {
  const h = headline(raw, s);
  const b = baselineOf(s, raw.days, past);
  const base = (k: keyof Headline) => b[k] ?? null;
  const byType = new Map<string, { n: number; seconds: number }>();
  for (const r of raw.findings) {
    const t = byType.get(r.type) ?? { n: 0, seconds: 0 };
    t.n += r.resolvedAuto + r.resolvedManual;
    t.seconds += r.resolveSeconds;
    byType.set(r.type, t);
  }
  const materials = raw.inventory
    .filter((m) => m.deviceQty > 0)
    .map((m) => ({ ...m, accuracy: Math.min(m.deviceQty, m.erpQty) / Math.max(m.deviceQty, m.erpQty) }))
    .sort((x, y) => x.accuracy - y.accuracy);
  return [
    {
      key: 'no_touch_share',
      label: 'Postings with no manual touch',
      value: h.noTouchShare,
      unit: 'share',
      baseline: base('noTouchShare'),
      higherIsBetter: true,
      howComputed:
        'ERP postings of the period (reversals aside) whose device event no person had to act on: no finding about it was acknowledged, assigned, commented on, resolved, ignored or replayed by a person.',
      assumptions: [],
      breakdown: [
        { label: 'Postings', value: h.postings, unit: 'count' },
        { label: 'Touched by a person', value: h.touched, unit: 'count' },
      ],
    },
    {
      key: 'auto_resolved_share',
      label: 'Findings resolved automatically',
      value: h.autoResolvedShare,
      unit: 'share',
      baseline: base('autoResolvedShare'),
      higherIsBetter: true,
      howComputed:
        'Of the findings resolved in the period, the share that reconciliation closed by itself (the data arrived, or a replay was booked) rather than a person.',
      assumptions: [],
      breakdown: [
        { label: 'Automatically', value: h.auto, unit: 'count' },
        { label: 'By hand', value: h.manual, unit: 'count' },
      ],
    },
    {
      key: 'mean_time_to_resolve',
      label: 'Mean time to resolve',
      value: h.meanHoursToResolve,
      unit: 'hours',
      baseline: base('meanHoursToResolve'),
      higherIsBetter: false,
      howComputed: 'For findings resolved in the period: the mean time from first seen to resolved, automatically or by hand.',
      assumptions: [],
      breakdown: [...byType.entries()]
        .filter(([, t]) => t.n > 0)
        .sort(([a], [c]) => a.localeCompare(c))
        .map(([type, t]) => ({ label: type, value: t.seconds / t.n / 3600, unit: 'hours' })),
    },
    {
      key: 'value_at_risk_open',
      label: 'Value at risk, open',
      value: h.openValue,
      unit: currency,
      baseline: null,
      higherIsBetter: false,
      howComputed:
        'Standard cost times unreconciled quantity of the findings that happened in the period and are still open (not resolved or ignored).',
      assumptions: [],
      breakdown: [{ label: 'Open findings', value: h.openCount, unit: 'count' }],
    },
    {
      key: 'value_recovered',
      label: 'Value recovered',
      value: h.recoveredReplayed + h.recoveredCorrected,
      unit: currency,
      baseline: null,
      higherIsBetter: true,
      howComputed:
        'Value at risk of the findings resolved in the period after a replay (the ERP booked it) or corrected by a person.',
      assumptions: [],
      breakdown: [
        { label: 'Replayed', value: h.recoveredReplayed, unit: currency },
        { label: 'Corrected by hand', value: h.recoveredCorrected, unit: currency },
      ],
    },
    {
      key: 'hours_avoided',
      label: 'Manual reconciliation hours avoided',
      value: h.hoursAvoided,
      unit: 'hours',
      baseline: base('hoursAvoided'),
      higherIsBetter: true,
      howComputed:
        'Findings resolved automatically times the minutes a manual reconciliation takes, plus postings nobody touched times the seconds a manual check of one posting takes.',
      assumptions: ['minutesPerManualReconciliation', 'secondsPerPostingCheck'],
      breakdown: [
        { label: 'From findings resolved automatically', value: (h.auto * s.minutesPerManualReconciliation) / 60, unit: 'hours' },
        {
          label: 'From postings nobody touched',
          value: ((h.postings - h.touched) * s.secondsPerPostingCheck) / 3600,
          unit: 'hours',
        },
        ...(b.manualHours !== undefined
          ? [{ label: 'Manual hours measured before Syncline', value: b.manualHours ?? null, unit: 'hours' }]
          : []),
      ],
    },
    {
      key: 'cost_avoided',
      label: 'Cost of manual work avoided',
      value: h.costAvoided,
      unit: currency,
      baseline: base('costAvoided'),
      higherIsBetter: true,
      howComputed: 'Manual reconciliation hours avoided times the hourly cost of that work.',
      assumptions: ['minutesPerManualReconciliation', 'secondsPerPostingCheck', 'hourlyCost'],
      breakdown: [],
    },
    {
      key: 'inventory_accuracy',
      label: 'Inventory accuracy',
      value: h.inventoryAccuracy,
      unit: 'share',
      baseline: base('inventoryAccuracy'),
      higherIsBetter: true,
      howComputed:
        'Per material, the smaller of the device quantity and the ERP quantity over the larger (ERP quantities converted to the device event\u2019s unit, reversals aside), summed over materials.',
      assumptions: [],
      breakdown: materials.slice(0, 10).map((m) => ({ label: `${m.material} (${m.unit})`, value: m.accuracy, unit: 'share' })),
    },
    {
      key: 'maintenance_response',
      label: 'Maintenance response time',
      value: h.maintenanceResponseHours,
      unit: 'hours',
      baseline: base('maintenanceResponseHours'),
      higherIsBetter: false,
      howComputed: 'Mean time from a maintenance alert on a machine to the first maintenance request posted in the ERP for it.',
      assumptions: [],
      breakdown: [
        { label: 'Alerts', value: raw.maintenance.alerts, unit: 'count' },
        { label: 'With a request posted', value: raw.maintenance.responded, unit: 'count' },
        { label: 'Median', value: raw.maintenance.p50Seconds === null ? null : raw.maintenance.p50Seconds / 3600, unit: 'hours' },
      ],
    },
    {
      key: 'incidents',
      label: 'Integration incidents',
      value: h.incidents,
      unit: 'count',
      baseline: base('incidents'),
      higherIsBetter: false,
      howComputed:
        'Hours in which a plant\u2019s flow had failed hops or a line went silent (one incident per plant, flow and hour).',
      assumptions: [],
      breakdown: [],
    },
    {
      key: 'latency_p95',
      label: 'Event-to-ERP latency, p95',
      value: h.latencyP95Seconds,
      unit: 'seconds',
      baseline: base('latencyP95Seconds'),
      higherIsBetter: false,
      howComputed:
        '95th percentile of the time from a message\u2019s first hop to its ERP posting, over the messages of the period.',
      assumptions: [],
      breakdown: [{ label: 'p50', value: raw.latency.p50, unit: 'seconds' }],
    },
  ];
}

/** The same figures per plant and flow, for the table under the headline. */
export function byPlantFlow(raw: RoiRaw, s: RoiSettings): PlantFlowRow[] {
  const rows = new Map<string, PlantFlowRow>();
  const row = (plant: string, flow: string) => {
    const k = `${plant}\u0000${flow}`;
    let r = rows.get(k);
    if (!r)
      rows.set(
        k,
        (r = {
          plant,
          flow,
          postings: 0,
          noTouchShare: null,
          resolvedAuto: 0,
          resolvedManual: 0,
          valueAtRiskOpen: 0,
          valueRecovered: 0,
          hoursAvoided: 0,
        }),
      );
    return r;
  };
  const touched = new Map<string, number>();
  for (const p of raw.postings) {
    const r = row(p.plant, p.flow);
    r.postings += p.postings;
    touched.set(`${p.plant}\u0000${p.flow}`, p.touched);
  }
  for (const f of raw.findings) {
    if (!f.flow) continue; // silent lines belong to no flow
    const r = row(f.plant, f.flow);
    r.resolvedAuto += f.resolvedAuto;
    r.resolvedManual += f.resolvedManual;
    r.valueAtRiskOpen += f.openValue;
    r.valueRecovered += f.recoveredReplayed + f.recoveredCorrected;
  }
  for (const [k, r] of rows) {
    const t = touched.get(k) ?? 0;
    r.noTouchShare = ratio(r.postings - t, r.postings);
    r.hoursAvoided = hoursAvoided(r.resolvedAuto, r.postings - t, s);
  }
  return [...rows.values()].sort((a, b) => a.plant.localeCompare(b.plant) || a.flow.localeCompare(b.flow));
}
