import type { FlowRules } from './rules/flow-rules';
import { holidayInterval, shiftIntervals, type PlantCalendar } from './master-data/calendar';
import type { LineSilence, MaterialCost, UnitConversion } from './master-data/master-data.repository';

/** Days before a window whose event minutes (`line_minutes`) the silent-line query reads one by one. */
export const SILENT_LOOKBACK_DAYS = 3;
/**
 * Days before a window that a silence may have started in and still be found (and closed when the line
 * comes back): before the lookback, each line's last event comes from `line_days`. A line quiet for
 * longer (taken out of service) is left as it stands.
 */
export const SILENT_MAX_DAYS = 30;

export interface MasterData {
  rules: readonly FlowRules[];
  conversions: readonly UnitConversion[];
  costs: readonly MaterialCost[];
  calendars: readonly PlantCalendar[];
  silences: readonly LineSilence[];
  currency: string;
  silentLineMinutes: number;
}

/**
 * Every conversion that follows from `conversions`, as entries for `factor()` (reconcile.sql.ts): the
 * given ones, their inverses, and chains of them ("LB -> KG" and "KG -> G" give "LB -> G"), for the
 * conversions of every material ('') and, for each material with conversions of its own, its own and
 * the global ones together (its own win where both give a direct factor). A direct conversion is never
 * replaced by a chain; of two chains, the shorter is taken.
 */
export function conversionClosure(conversions: readonly UnitConversion[]): UnitConversion[] {
  const global = conversions.filter((c) => c.material === '');
  const materials = [...new Set(conversions.map((c) => c.material).filter((m) => m !== ''))].sort();
  const out: UnitConversion[] = [];
  for (const material of ['', ...materials]) {
    const own = material === '' ? [] : conversions.filter((c) => c.material === material);
    const ownUnits = new Set(own.flatMap((c) => [c.fromUnit, c.toUnit]));
    const edges = new Map<string, Map<string, number>>();
    const add = (from: string, to: string, f: number, replace: boolean) => {
      if (from === to || !(f > 0) || !Number.isFinite(f)) return;
      const m = edges.get(from) ?? edges.set(from, new Map()).get(from)!;
      if (replace || !m.has(to)) m.set(to, f);
    };
    // Own conversions first and over the global ones; inverses only where no direct one is given.
    for (const c of [...own, ...global]) add(c.fromUnit, c.toUnit, c.factor, false);
    for (const c of [...own, ...global]) add(c.toUnit, c.fromUnit, 1 / c.factor, false);
    for (const from of [...edges.keys()].sort()) {
      // Breadth first: the fewest steps, so a direct factor is always the one used.
      const factorTo = new Map<string, number>([[from, 1]]);
      let frontier = [from];
      while (frontier.length) {
        const next: string[] = [];
        for (const u of frontier)
          for (const [v, f] of [...(edges.get(u) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)))
            if (!factorTo.has(v)) {
              factorTo.set(v, factorTo.get(u)! * f);
              next.push(v);
            }
        frontier = next;
      }
      // A material's entries are needed only where its own conversions reach; elsewhere the global ones
      // give the same.
      if (material !== '' && ![...factorTo.keys()].some((u) => ownUnits.has(u))) continue;
      for (const [to, factor] of factorTo) if (to !== from) out.push({ material, fromUnit: from, toUnit: to, factor });
    }
  }
  return out;
}

/** Every bound parameter the reconciliation queries use (reconcile.queries.ts), from the rules and master data. */
export function reconcileParams(data: MasterData, flows: readonly string[]) {
  const rules = data.rules.filter((r) => r.enabled && flows.includes(r.flow));
  const eventTypes = rules.flatMap((r) => r.eventTypes.map((t) => [t, r.flow] as const));
  const conversions = conversionClosure(data.conversions);
  const postingTypes = rules.flatMap((r) => [...new Set([r.flow, ...r.postingTypes])].map((t) => [t, r.flow] as const));
  return {
    r_flow: rules.map((r) => r.flow),
    r_sla: rules.map((r) => r.slaSeconds),
    r_grace: rules.map((r) => r.graceSeconds),
    r_tabs: rules.map((r) => r.toleranceAbs),
    r_tpct: rules.map((r) => r.tolerancePct),
    r_bucket: rules.map((r) => r.bucketMinutes),
    r_ref: rules.map((r) => (r.requiresReference ? 1 : 0)),
    r_prio: rules.map((r) => r.priority),
    r_high: rules.map((r) => r.highValue),
    r_version: rules.map((r) => r.version),
    et_type: eventTypes.map(([t]) => t),
    et_flow: eventTypes.map(([, f]) => f),
    pt_type: postingTypes.map(([t]) => t),
    pt_flow: postingTypes.map(([, f]) => f),
    cv_key: conversions.map((c) => `${c.material}|${c.fromUnit}|${c.toUnit}`),
    cv_factor: conversions.map((c) => c.factor),
    cost_material: data.costs.map((c) => c.material),
    cost_value: data.costs.map((c) => c.cost),
    cost_unit: data.costs.map((c) => c.unit),
    currency: data.currency,
    sl_lookback_days: SILENT_LOOKBACK_DAYS,
    sl_max_days: SILENT_MAX_DAYS,
  };
}

/** The silent-line parameters for the plants of one time zone (ClickHouse needs the zone as a constant). */
export function silentLineGroups(data: MasterData, knownPlants: readonly string[]) {
  const byPlant = new Map(data.calendars.map((c) => [c.plant, c]));
  const zones = new Map<string, string[]>();
  for (const plant of new Set([...knownPlants, ...byPlant.keys()])) {
    const tz = byPlant.get(plant)?.timezone ?? 'UTC';
    zones.set(tz, [...(zones.get(tz) ?? []), plant]);
  }
  return [...zones.entries()].map(([tz, plants]) => {
    const calendars = plants.map((p) => byPlant.get(p)).filter((c): c is PlantCalendar => !!c);
    const shifts = calendars.flatMap((c) => c.shifts.flatMap((s) => shiftIntervals(s).map(([a, b]) => [c.plant, a, b] as const)));
    const stops = calendars.flatMap((c) => [
      ...c.stops.map((s) => [c.plant, Date.parse(s.startsAt), Date.parse(s.endsAt)] as const),
      ...c.holidays.map((d) => [c.plant, ...holidayInterval(d, c.timezone)] as const),
    ]);
    const silences = data.silences.filter((s) => plants.includes(s.plant));
    return {
      tz,
      tz_plants: plants,
      sl_plant: calendars.map((c) => c.plant),
      sl_minutes: calendars.map((c) => c.silentMinutes),
      sl_default: data.silentLineMinutes,
      sh_plant: shifts.map((s) => s[0]),
      sh_start: shifts.map((s) => s[1]),
      sh_end: shifts.map((s) => s[2]),
      st_plant: stops.map((s) => s[0]),
      st_from: stops.map((s) => s[1]),
      st_to: stops.map((s) => s[2]),
      si_plant: silences.map((s) => s.plant),
      si_line: silences.map((s) => s.line),
      si_from: silences.map((s) => Date.parse(s.startsAt)),
      si_to: silences.map((s) => Date.parse(s.endsAt)),
    };
  });
}
