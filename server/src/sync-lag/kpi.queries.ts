/**
 * Sync lag page queries over the rollups (ADR 0010). A range reads whole hours from the hourly tables
 * and its ragged ends from the per-minute tables, so its cost follows the range, not the hops.
 * Every source carries the plant scope and the page's filters.
 */

const FILTERS = `(plant IN {scope_plants:Array(String)} OR {scope_all:Bool})
      AND (empty({lines:Array(String)}) OR line IN {lines:Array(String)})
      AND (empty({flows:Array(String)}) OR flow IN {flows:Array(String)})`;

/**
 * Rows of `kind` ('lag' or 'stage_lag') between {fromS} and {toS}; `t` is the row's day, hour or minute:
 * whole days from lag_day (lag only), the other whole hours from the hourly table, the ends from minutes.
 * `prefix` names another range's parameters ({p_fromS}, ...: the period before, for LAG_TOTALS).
 */
function source(kind: 'lag' | 'stage_lag', columns: string, prefix = ''): string {
  const T = (name: string) => `toDateTime({${prefix}${name}:UInt32}, 'UTC')`;
  const days =
    kind === 'lag'
      ? `SELECT day AS t, ${columns} FROM lag_day
    WHERE day >= ${T('dayFromS')} AND day < ${T('dayToS')} AND ${FILTERS}
    UNION ALL
    `
      : '';
  const notDays = kind === 'lag' ? `AND NOT (hour >= ${T('dayFromS')} AND hour < ${T('dayToS')})` : '';
  return `(
    ${days}SELECT hour AS t, ${columns} FROM ${kind}_hour
    WHERE hour >= ${T('hourFromS')} AND hour < ${T('hourToS')} ${notDays} AND ${FILTERS}
    UNION ALL
    SELECT minute AS t, ${columns} FROM ${kind}_minute
    WHERE ((minute >= ${T('fromS')} AND minute < ${T('hourFromS')}) OR (minute >= ${T('hourToS')} AND minute < ${T('toS')}))
      AND ${FILTERS}
)`;
}

const LAG_COLUMNS = 'plant, line, flow, messages, posted, within_sla, failed, lag_sum, lag, last_start';

/**
 * Totals over the range (period 0) and over the period before it (period 1, parameters `p_*`), in one
 * read: counts, percentiles, and the stalest line's newest message (the oldest of the lines' newest
 * first hops, from each line's newest, keyed by length-prefixed plant and line). One query, not one per
 * period with a scalar subquery for the stalest line: on a cluster each of those fanned out to every
 * shard, one after the other.
 */
export const LAG_TOTALS = `
SELECT
    period, sum(messages) AS messages, sum(posted) AS posted, sum(within_sla) AS within_sla, sum(failed) AS failed,
    quantilesMerge(0.5, 0.95, 0.99)(lag) AS q,
    arrayMin(maxMap([concat(toString(length(plant)), ':', plant, line)], [toUnixTimestamp64Milli(last_start)]).2) AS stalest_ms
FROM (
    SELECT toUInt8(0) AS period, ${LAG_COLUMNS} FROM ${source('lag', LAG_COLUMNS)}
    UNION ALL
    SELECT toUInt8(1) AS period, ${LAG_COLUMNS} FROM ${source('lag', LAG_COLUMNS, 'p_')}
)
GROUP BY period`;

/** p50/p95/p99 and the number posted over the range (the ROI page's latency), without the freshness part. */
export const LAG_QUANTILES = `
SELECT sum(posted) AS posted, quantilesMerge(0.5, 0.95, 0.99)(lag) AS q
FROM ${source('lag', 'plant, line, flow, posted, lag')}`;

/** Percentiles per flow and time bucket of {bucketS} seconds. */
export const LAG_SERIES = `
SELECT
    flow, toUInt32(intDiv(toUInt32(t), {bucketS:UInt32}) * {bucketS:UInt32}) AS bucket,
    sum(messages) AS messages, sum(posted) AS posted, sum(within_sla) AS within_sla,
    quantilesMerge(0.5, 0.95, 0.99)(lag) AS q
FROM ${source('lag', LAG_COLUMNS)}
GROUP BY flow, bucket
ORDER BY flow, bucket`;

/** One cell per plant, line and flow. */
export const LAG_GRID = `
SELECT
    plant, line, flow,
    sum(messages) AS messages, sum(posted) AS posted, sum(within_sla) AS within_sla, sum(failed) AS failed,
    quantilesMerge(0.5, 0.95, 0.99)(lag) AS q,
    max(last_start) AS last_start
FROM ${source('lag', LAG_COLUMNS)}
GROUP BY plant, line, flow
ORDER BY plant, line, flow`;

/** Seconds spent between each pair of stages, over the range. */
export const STAGE_SHARES = `
SELECT from_stage, to_stage, sum(seconds) AS seconds, sum(messages) AS messages
FROM ${source('stage_lag', 'plant, line, flow, from_stage, to_stage, seconds, messages')}
GROUP BY from_stage, to_stage`;

/**
 * Percentiles of every flow together per time bucket of {bucketS} seconds (the ROI page's latency
 * trend) and, in the same read, of the whole range: the row with `whole` = 1 (the page's latency).
 */
export const LAG_TREND_AND_WHOLE = `
SELECT grouping(bucket) AS whole, bucket, sum(posted) AS posted, quantilesMerge(0.5, 0.95, 0.99)(lag) AS q
FROM (
    SELECT toUInt32(intDiv(toUInt32(t), {bucketS:UInt32}) * {bucketS:UInt32}) AS bucket, posted, lag
    FROM ${source('lag', LAG_COLUMNS)}
)
GROUP BY GROUPING SETS ((bucket), ())
ORDER BY whole, bucket`;
