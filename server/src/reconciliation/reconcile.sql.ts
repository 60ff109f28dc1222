/**
 * SQL building blocks of the reconciliation queries. Each returns an SQL expression over column
 * expressions given by the code in reconcile.queries.ts (never input); every value they compare with
 * is a bound parameter (`{name:Type}`), listed in ReconcileParams.
 */

export const ms = (param: string) => `fromUnixTimestamp64Milli({${param}:Int64})`;

/** A per-flow rule, looked up in the bound rule arrays. */
export function rule(
  flow: string,
  name: 'sla' | 'grace' | 'tabs' | 'tpct' | 'bucket' | 'ref' | 'prio' | 'high' | 'version',
): string {
  const types: Record<typeof name, [string, string]> = {
    sla: ['UInt32', 'toUInt32(0)'],
    grace: ['UInt32', 'toUInt32(0)'],
    tabs: ['Float64', 'toFloat64(0)'],
    tpct: ['Float64', 'toFloat64(0)'],
    bucket: ['UInt32', 'toUInt32(60)'],
    ref: ['UInt8', 'toUInt8(1)'],
    prio: ['String', "'standard'"],
    high: ['Float64', 'toFloat64(0)'],
    version: ['UInt64', 'toUInt64(0)'],
  };
  const [type, fallback] = types[name];
  return `transform(${flow}, {r_flow:Array(String)}, {r_${name}:Array(${type})}, ${fallback})`;
}

/**
 * Factor that turns a quantity in `from` into `to` for `material`: 1 for the same unit (or none), else
 * the material's own conversion, else one that holds for every material, else nan (not convertible).
 */
export function factor(material: string, from: string, to: string): string {
  return `if(${from} = ${to} OR ${from} = '' OR ${to} = '', 1.0,
    transform(concat(${material}, '|', ${from}, '|', ${to}), {cv_key:Array(String)}, {cv_factor:Array(Float64)},
      transform(concat('|', ${from}, '|', ${to}), {cv_key:Array(String)}, {cv_factor:Array(Float64)}, nan)))`;
}

/** Standard cost of `qty` in `unit` of `material`: 0 when the material has no cost or no conversion. */
export function valueOf(material: string, qty: string, unit: string): string {
  const costUnit = `transform(${material}, {cost_material:Array(String)}, {cost_unit:Array(String)}, '')`;
  const cost = `transform(${material}, {cost_material:Array(String)}, {cost_value:Array(Float64)}, toFloat64(0))`;
  return `ifNotFinite(abs(${qty}) * ${factor(material, unit, costUnit)} * ${cost}, 0.0)`;
}

/**
 * A finding id from its type and identifying fields (an Array(String) expression): each field is
 * written as its byte length, ':' and its bytes, so no two different tuples give the same text
 * ("1"+"11" is never "11"+"1"); then SHA-256, of which 128 bits are kept.
 */
export function findingId(type: string, keys: string): string {
  return `concat(substring(${type}, 1, 2), '_', substring(lower(hex(SHA256(concat(${type}, '|',
    arrayStringConcat(arrayMap(k -> concat(toString(length(k)), ':', k), ${keys}), '|'))))), 1, 32))`;
}

/** critical: a critical flow with value at risk at or over its threshold; high: either; else by priority. */
export function severity(prio: string, value: string, high: string): string {
  return `multiIf(${prio} = 'critical' AND ${value} > 0 AND ${value} >= ${high}, 'critical',
    ${prio} = 'critical' OR (${value} > 0 AND ${value} >= ${high}), 'high',
    ${prio} = 'standard', 'medium', 'low')`;
}

/** Quantities equal within tolerance: the difference is at most max(absolute, percent of the device side). */
export function withinTolerance(device: string, erp: string, tabs: string, tpct: string): string {
  return `(abs(${device} - ${erp}) <= greatest(${tabs}, ${tpct} / 100 * abs(${device})) + 1e-9 * greatest(1, abs(${device})))`;
}

/** Minutes as a human reads them, for reasons: "41 min". */
export function minutesText(fromTime: string, toTime: string): string {
  return `concat(toString(round(dateDiff('millisecond', ${fromTime}, ${toTime}) / 60000, 1)), ' min')`;
}
