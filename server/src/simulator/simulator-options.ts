import { FAULT_TYPES, SIM_FLOWS, type FaultType, type SimFlow, type SimStage } from './simulator-vocabulary';
import { validateSimulatorOptions } from './validate-options';

/** How long one stage of a message takes (including the transit to it): a lognormal with a rare stall. */
export interface StageLatency {
  medianMs: number;
  /** Sigma of the underlying normal: 1.0 puts p99 at about 10x the median. */
  sigma: number;
  /** Probability of an extra stall on top (ERP lock wait, middleware backlog): the multi-minute tail. */
  tailProbability: number;
  tailMinMs: number;
  tailMaxMs: number;
}

/** A shift starts at this minute of the (UTC) day and runs until the next shift starts. */
export interface ShiftDefinition {
  name: string;
  startMinute: number;
}

/** Planned downtime: no events. Starts on each listed weekday (0 = Sunday, UTC) and may span days. */
export interface PlannedBreak {
  reason: string;
  days: readonly number[];
  startMinute: number;
  durationMinutes: number;
}

export interface PlantCalendar {
  breaks: readonly PlannedBreak[];
}

/** A plant's WAN link goes down; the edge gateway buffers and flushes in a burst when it returns. */
export interface OutageOptions {
  perPlantPerDay: number;
  minMinutes: number;
  maxMinutes: number;
  /** The buffered backlog reaches the gateway hop over this many seconds after the link returns. */
  flushSeconds: number;
}

export interface SilentLineOptions {
  minMinutes: number;
  maxMinutes: number;
}

export const TIMESTAMP_FORMATS = ['iso', 'epoch_ms'] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

export interface SimulatorOptions {
  /** Unsigned 32-bit integer; the same seed reproduces the same history. */
  seed: number;
  plants: number;
  linesPerPlant: number;
  assetsPerLine: number;
  flows: readonly SimFlow[];
  /** Relative share of each flow among an asset's events (only enabled flows count). */
  flowMix: Record<SimFlow, number>;
  /** Mean of a Poisson process per asset, during working time. */
  eventsPerAssetPerHour: number;
  /**
   * Probability per message for every type except silent_line, which is the probability per line and
   * hour that the line falls silent. Message fault rates must sum to at most 1 (they are exclusive).
   */
  faultRates: Record<FaultType, number>;
  slaMinutes: Record<SimFlow, number>;
  /** Quantity tolerance (percent) per flow, as master data for the reconciliation. */
  tolerancePct: Record<SimFlow, number>;
  stageLatency: Record<SimStage, StageLatency>;
  /** Share of messages whose ERP API call fails once and succeeds on retry: normal noise, not a fault. */
  transientRetryRate: number;
  outages: OutageOptions;
  silentLine: SilentLineOptions;
  shifts: readonly ShiftDefinition[];
  /** Plant n (1-based) uses calendars[(n - 1) % calendars.length]. */
  calendars: readonly PlantCalendar[];
  /** Each line changes production order this often. */
  orderHours: number;
  /**
   * How record times are written: ISO 8601 with Z (readable), or epoch milliseconds (several times
   * faster to generate and to ingest: use it for backfills). Ground truth times are always ISO.
   */
  timestampFormat: TimestampFormat;
  /** For the runner, not the generator: how many days of history to backfill. */
  backfillDays: number;
  /** For the runner, not the generator: simulated seconds per real second in live mode. */
  speed: number;
}

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

export const DEFAULT_SIMULATOR_OPTIONS: SimulatorOptions = {
  seed: 1,
  plants: 3,
  linesPerPlant: 4,
  assetsPerLine: 5,
  flows: SIM_FLOWS,
  flowMix: { production_confirmation: 0.82, scrap_posting: 0.08, goods_receipt: 0.06, maintenance_request: 0.04 },
  eventsPerAssetPerHour: 20,
  faultRates: {
    dropped_message: 0.01,
    duplicate_posting: 0.01,
    wrong_quantity: 0.015,
    late_posting: 0.02,
    orphan_posting: 0.005,
    failed_hop: 0.01,
    reversal_of_duplicate: 0.005,
    silent_line: 0.005,
  },
  slaMinutes: { production_confirmation: 15, goods_receipt: 30, scrap_posting: 30, maintenance_request: 60 },
  tolerancePct: { production_confirmation: 1, goods_receipt: 0.5, scrap_posting: 2, maintenance_request: 0 },
  stageLatency: {
    device: { medianMs: 15, sigma: 0.5, tailProbability: 0, tailMinMs: 0, tailMaxMs: 0 },
    gateway: { medianMs: 120, sigma: 0.8, tailProbability: 0.002, tailMinMs: 2_000, tailMaxMs: 20_000 },
    broker: { medianMs: 40, sigma: 0.7, tailProbability: 0.002, tailMinMs: 1_000, tailMaxMs: 10_000 },
    middleware: { medianMs: 900, sigma: 0.9, tailProbability: 0.01, tailMinMs: 20_000, tailMaxMs: 90_000 },
    erp_api: { medianMs: 2_500, sigma: 1.0, tailProbability: 0.01, tailMinMs: 60_000, tailMaxMs: 240_000 },
    erp_posting: { medianMs: 4_000, sigma: 1.1, tailProbability: 0.005, tailMinMs: 120_000, tailMaxMs: 480_000 },
  },
  transientRetryRate: 0.01,
  outages: { perPlantPerDay: 0.5, minMinutes: 5, maxMinutes: 45, flushSeconds: 20 },
  silentLine: { minMinutes: 30, maxMinutes: 180 },
  shifts: [
    { name: 'early', startMinute: 6 * 60 },
    { name: 'late', startMinute: 14 * 60 },
    { name: 'night', startMinute: 22 * 60 },
  ],
  calendars: [
    // Runs 24/5: weekend from Saturday 06:00 to Monday 06:00.
    { breaks: [{ reason: 'weekend', days: [6], startMinute: 6 * 60, durationMinutes: 48 * 60 }] },
    // Runs 24/7 apart from a nightly maintenance window: some plant is always live, also on Sundays.
    { breaks: [{ reason: 'nightly maintenance', days: EVERY_DAY, startMinute: 2 * 60, durationMinutes: 60 }] },
    // Short break at the night shift's midpoint, weekend from Saturday 14:00.
    {
      breaks: [
        { reason: 'night shift break', days: EVERY_DAY, startMinute: 2 * 60, durationMinutes: 30 },
        { reason: 'weekend', days: [6], startMinute: 14 * 60, durationMinutes: 40 * 60 },
      ],
    },
  ],
  orderHours: 8,
  timestampFormat: 'iso',
  backfillDays: 30,
  speed: 1,
};

/** A command-line value that is not allowed; the message names the flag and what it accepts. */
export class SimulatorArgsError extends Error {
  override readonly name = 'SimulatorArgsError';
}

const FLAGS = [
  '--plants',
  '--lines',
  '--assets',
  '--rate',
  '--seed',
  '--days',
  '--speed',
  '--flows',
  '--fault-rate',
  '--sla',
  '--tolerance',
  '--outages-per-day',
  '--retry-rate',
  '--order-hours',
  '--timestamps',
] as const;
type Flag = (typeof FLAGS)[number];

function isFlag(s: string): s is Flag {
  return (FLAGS as readonly string[]).includes(s);
}

function num(flag: string, raw: string, min: number, max: number, what: string, integer = false): number {
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new SimulatorArgsError(`${flag}: expected ${what}, got "${raw}"`);
  }
  return v;
}

/** `a=1,b=2` (also given as repeated flags) into pairs, checking names against the allowed ones. */
function pairs<K extends string>(flag: string, raw: string, allowed: readonly K[], extra: readonly string[] = []) {
  const out: [K | string, string][] = [];
  for (const part of raw.split(',')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    if (eq < 0 || !key) throw new SimulatorArgsError(`${flag}: expected name=value, got "${part}"`);
    if (!(allowed as readonly string[]).includes(key) && !extra.includes(key)) {
      throw new SimulatorArgsError(`${flag}: unknown name "${key}"; allowed: ${[...extra, ...allowed].join(', ')}`);
    }
    out.push([key, part.slice(eq + 1)]);
  }
  return out;
}

function isSimFlow(s: string): s is SimFlow {
  return (SIM_FLOWS as readonly string[]).includes(s);
}

/**
 * Command-line flags over DEFAULT_SIMULATOR_OPTIONS, e.g.
 * `--plants 3 --lines 4 --rate 30 --seed 7 --days 30 --speed 60 --fault-rate dropped_message=0.02`.
 * Accepts `--flag value` and `--flag=value`; throws SimulatorArgsError naming the flag and what is allowed.
 */
export function parseSimulatorArgs(argv: readonly string[]): SimulatorOptions {
  const o: SimulatorOptions = {
    ...DEFAULT_SIMULATOR_OPTIONS,
    faultRates: { ...DEFAULT_SIMULATOR_OPTIONS.faultRates },
    slaMinutes: { ...DEFAULT_SIMULATOR_OPTIONS.slaMinutes },
    tolerancePct: { ...DEFAULT_SIMULATOR_OPTIONS.tolerancePct },
    outages: { ...DEFAULT_SIMULATOR_OPTIONS.outages },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!isFlag(name)) throw new SimulatorArgsError(`unknown argument "${arg}"; allowed flags: ${FLAGS.join(', ')}`);
    let value: string;
    if (name !== arg) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || isFlag(next.split('=')[0])) throw new SimulatorArgsError(`${name}: missing value`);
      value = next;
      i++;
    }
    switch (name) {
      case '--plants':
        o.plants = num(name, value, 1, 99, 'an integer from 1 to 99', true);
        break;
      case '--lines':
        o.linesPerPlant = num(name, value, 1, 99, 'an integer from 1 to 99', true);
        break;
      case '--assets':
        o.assetsPerLine = num(name, value, 1, 99, 'an integer from 1 to 99', true);
        break;
      case '--rate':
        o.eventsPerAssetPerHour = num(name, value, 0, 3600, 'events per asset per hour, a number from 0 to 3600');
        break;
      case '--seed':
        o.seed = num(name, value, 0, 0xffffffff, 'an integer from 0 to 4294967295', true);
        break;
      case '--days':
        o.backfillDays = num(name, value, 0, 90, 'days of history from 0 to 90 (the retention of hops)');
        break;
      case '--speed':
        o.speed = num(name, value, 0.001, 100_000, 'simulated seconds per real second, from 0.001 to 100000');
        break;
      case '--flows': {
        const flows = value.split(',').map((f) => f.trim());
        for (const f of flows) {
          if (!isSimFlow(f)) throw new SimulatorArgsError(`${name}: unknown flow "${f}"; allowed: ${SIM_FLOWS.join(', ')}`);
        }
        o.flows = SIM_FLOWS.filter((f) => flows.includes(f));
        break;
      }
      case '--fault-rate':
        for (const [k, v] of pairs(name, value, FAULT_TYPES, ['all'])) {
          const rate = num(name, v, 0, 1, `a probability from 0 to 1 for ${k}`);
          for (const t of FAULT_TYPES) if (k === 'all' || k === t) o.faultRates[t] = rate;
        }
        break;
      case '--sla':
        for (const [k, v] of pairs(name, value, SIM_FLOWS)) {
          if (isSimFlow(k)) o.slaMinutes[k] = num(name, v, 1, 10_080, `minutes from 1 to 10080 for ${k}`);
        }
        break;
      case '--tolerance':
        for (const [k, v] of pairs(name, value, SIM_FLOWS)) {
          if (isSimFlow(k)) o.tolerancePct[k] = num(name, v, 0, 100, `a percentage from 0 to 100 for ${k}`);
        }
        break;
      case '--outages-per-day':
        o.outages.perPlantPerDay = num(name, value, 0, 24, 'outages per plant per day, from 0 to 24');
        break;
      case '--retry-rate':
        o.transientRetryRate = num(name, value, 0, 1, 'a probability from 0 to 1');
        break;
      case '--timestamps':
        if (value !== 'iso' && value !== 'epoch_ms') {
          throw new SimulatorArgsError(`${name}: expected one of ${TIMESTAMP_FORMATS.join(', ')}, got "${value}"`);
        }
        o.timestampFormat = value;
        break;
      case '--order-hours':
        o.orderHours = num(name, value, 1, 720, 'whole hours from 1 to 720', true);
        break;
    }
  }
  const problem = validateSimulatorOptions(o);
  if (problem) throw new SimulatorArgsError(problem);
  return o;
}
