import { InputError } from '../common/errors/input-error';

export const BASELINE_MODES = ['none', 'period', 'measured'] as const;
export type BaselineMode = (typeof BASELINE_MODES)[number];

/** Figures a plant measured before Syncline (any may be left empty). Shares 0-1; times in hours or seconds. */
export interface MeasuredBaseline {
  noTouchShare: number | null;
  autoResolvedShare: number | null;
  meanHoursToResolve: number | null;
  manualHoursPer30Days: number | null;
  inventoryAccuracy: number | null;
  maintenanceResponseHours: number | null;
  incidentsPer30Days: number | null;
  latencyP95Seconds: number | null;
}

/** What the ROI page assumes, editable by an admin; every figure names the ones it uses. */
export interface RoiSettings {
  /** Minutes a person would spend finding and fixing one discrepancy by hand. */
  minutesPerManualReconciliation: number;
  /** Seconds a person would spend checking one posting against the machine count by hand. */
  secondsPerPostingCheck: number;
  /** Cost of an hour of that work, in the configured currency. */
  hourlyCost: number;
  baselineMode: BaselineMode;
  /** For mode "period": a past period of data (ISO 8601). */
  baselineFrom: string | null;
  baselineTo: string | null;
  /** For mode "measured". */
  measured: MeasuredBaseline;
}

export const EMPTY_MEASURED: MeasuredBaseline = {
  noTouchShare: null,
  autoResolvedShare: null,
  meanHoursToResolve: null,
  manualHoursPer30Days: null,
  inventoryAccuracy: null,
  maintenanceResponseHours: null,
  incidentsPer30Days: null,
  latencyP95Seconds: null,
};

export const DEFAULT_ROI_SETTINGS: RoiSettings = {
  minutesPerManualReconciliation: 20,
  secondsPerPostingCheck: 2,
  hourlyCost: 55,
  baselineMode: 'none',
  baselineFrom: null,
  baselineTo: null,
  measured: EMPTY_MEASURED,
};

const SHARES: (keyof MeasuredBaseline)[] = ['noTouchShare', 'autoResolvedShare', 'inventoryAccuracy'];

function number(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw new InputError(`${field} must be a number from ${min} to ${max}; got ${JSON.stringify(value)?.slice(0, 40)}`, field);
  return value;
}

/** Checks a whole settings document; refuses what cannot be right, naming the field and what is allowed. */
export function validateRoiSettings(s: RoiSettings): RoiSettings {
  number(s.minutesPerManualReconciliation, 'minutesPerManualReconciliation', 0, 10_000);
  number(s.secondsPerPostingCheck, 'secondsPerPostingCheck', 0, 3_600);
  number(s.hourlyCost, 'hourlyCost', 0, 100_000);
  if (!(BASELINE_MODES as readonly string[]).includes(s.baselineMode))
    throw new InputError(`baselineMode must be one of ${BASELINE_MODES.join(', ')}`, 'baselineMode');
  if (s.baselineMode === 'period') {
    const from = Date.parse(s.baselineFrom ?? '');
    const to = Date.parse(s.baselineTo ?? '');
    if (Number.isNaN(from)) throw new InputError('baselineFrom must be an ISO 8601 time for a baseline period', 'baselineFrom');
    if (Number.isNaN(to)) throw new InputError('baselineTo must be an ISO 8601 time for a baseline period', 'baselineTo');
    if (to <= from) throw new InputError('baselineTo must be after baselineFrom', 'baselineTo');
    if (to - from > 366 * 86_400_000) throw new InputError('a baseline period spans at most 366 days', 'baselineFrom');
  }
  for (const [k, v] of Object.entries(s.measured) as [keyof MeasuredBaseline, number | null][]) {
    if (v === null || v === undefined) continue;
    if (SHARES.includes(k)) number(v, `measured.${k}`, 0, 1);
    else number(v, `measured.${k}`, 0, 1e9);
  }
  return s;
}
