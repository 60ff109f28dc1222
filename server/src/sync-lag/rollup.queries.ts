/**
 * The rollup job's SQL (ADR 0010). A message belongs to the minute of its first hop; `minutes` are
 * epoch seconds of whole minutes, all within [loMs, hiMs) so each statement reads only those days.
 */

const MS = (name: string) => `fromUnixTimestamp64Milli({${name}:Int64})`;

/**
 * Minutes whose messages got a hop ingested in (fromMs, toMs]: the hop's message is looked up in
 * trace_index by correlation id (its primary key) for the message's first hop. Hops are read from
 * `scanFromMs` on (their partitions are days of start_time): a hop that arrives more than
 * ROLLUP_LATE_HOURS after it happened is not rolled up until the next full rebuild.
 */
export const DIRTY_MINUTES = `
SELECT DISTINCT toUInt32(toUnixTimestamp(toStartOfMinute(fs))) AS minute
FROM
(
    SELECT min(first_start) AS fs
    FROM trace_index
    WHERE correlation_id IN
    (
        SELECT correlation_id FROM hops
        WHERE start_time >= ${MS('scanFromMs')}
          AND ingested_at > ${MS('fromMs')} AND ingested_at <= ${MS('toMs')}
    )
    GROUP BY correlation_id, plant
)
ORDER BY minute`;

/** Every minute that has messages (the first run, and a rebuild). */
export const ALL_MINUTES = `
SELECT DISTINCT toUInt32(toUnixTimestamp(toStartOfMinute(first_start))) AS minute
FROM trace_index
ORDER BY minute`;

const IN_MINUTES = (column: string) =>
  `${column} >= toDateTime(intDiv({loMs:Int64}, 1000), 'UTC') AND ${column} < toDateTime(intDiv({hiMs:Int64}, 1000), 'UTC')
   AND toUInt32(toUnixTimestamp(${column})) IN {minutes:Array(UInt32)}`;

export const DELETE_LAG_MINUTES = `DELETE FROM lag_minute WHERE ${IN_MINUTES('minute')}`;
export const DELETE_STAGE_MINUTES = `DELETE FROM stage_lag_minute WHERE ${IN_MINUTES('minute')}`;

/**
 * One row per (minute, plant, line, flow) of the messages whose first hop is in `minutes`. A message is
 * all its trace_index rows (read by correlation id, so hops far from the first one count too). Lag:
 * first hop start to the last hop's end, for messages that reached erp_posting; within SLA by the
 * flow's rules in force (900 s for a flow without rules).
 */
export const ROLLUP_LAG_MINUTES = `
INSERT INTO lag_minute
SELECT
    toStartOfMinute(m.fs) AS minute, m.plant, m.line, m.flow,
    count() AS messages,
    countIf(m.erp) AS posted,
    countIf(m.erp AND m.lag <= if(r.sla = 0, 900, r.sla)) AS within_sla,
    countIf(m.err AND NOT m.erp) AS failed,
    sumIf(m.lag, m.erp) AS lag_sum,
    quantilesStateIf(0.5, 0.95, 0.99)(m.lag, m.erp) AS lag,
    max(m.fs) AS last_start
FROM
(
    SELECT
        correlation_id, plant, anyLast(flow) AS flow, anyLast(line) AS line,
        min(first_start) AS fs, max(last_end) AS le,
        max(reached_erp) = 1 AS erp, max(has_error) = 1 AS err,
        greatest(0, dateDiff('millisecond', fs, le)) / 1000.0 AS lag
    FROM trace_index
    WHERE correlation_id IN
    (
        SELECT correlation_id FROM trace_index
        WHERE first_start >= ${MS('loMs')} AND first_start < ${MS('hiMs')}
    )
    GROUP BY correlation_id, plant
    HAVING ${IN_MINUTES('toStartOfMinute(fs)')}
) AS m
LEFT JOIN
(
    SELECT flow, argMax(sla_seconds, version) AS sla FROM flow_rules GROUP BY flow
) AS r ON r.flow = m.flow
GROUP BY minute, m.plant, m.line, m.flow
SETTINGS join_use_nulls = 0`;

/**
 * Seconds from a message reaching one base stage to reaching the next stage it reached, summed per
 * minute of its first hop. A message's hops are read up to ROLLUP_MESSAGE_SPAN_HOURS after the minutes.
 */
export const ROLLUP_STAGE_MINUTES = `
INSERT INTO stage_lag_minute
SELECT minute, plant, line, flow, p.1 AS from_stage, p.2 AS to_stage, sum(p.3) AS seconds, count() AS messages
FROM
(
    SELECT
        toStartOfMinute(min(start_time)) AS minute, plant, anyLast(line) AS line, anyLast(flow) AS flow,
        minMap(map(toString(stage), toUnixTimestamp64Milli(start_time))) AS reached,
        arrayFilter(s -> mapContains(reached, s), {stages:Array(String)}) AS st,
        arrayMap(s -> reached[s], st) AS ts,
        arrayMap(i -> (st[i], st[i + 1], greatest(0, ts[i + 1] - ts[i]) / 1000.0), range(1, length(st))) AS pairs
    FROM hops
    WHERE start_time >= ${MS('loMs')} AND start_time < ${MS('hiMs')} + toIntervalHour({spanHours:UInt32})
      AND stage IN {stages:Array(String)}
    GROUP BY correlation_id, plant
    HAVING ${IN_MINUTES('minute')}
)
ARRAY JOIN pairs AS p
GROUP BY minute, plant, line, flow, from_stage, to_stage`;

const IN_HOURS = (column: string) =>
  `${column} >= toDateTime(intDiv({loMs:Int64}, 1000), 'UTC') AND ${column} < toDateTime(intDiv({hiMs:Int64}, 1000), 'UTC')
   AND toUInt32(toUnixTimestamp(${column})) IN {hours:Array(UInt32)}`;

export const DELETE_LAG_HOURS = `DELETE FROM lag_hour WHERE ${IN_HOURS('hour')}`;
export const DELETE_STAGE_HOURS = `DELETE FROM stage_lag_hour WHERE ${IN_HOURS('hour')}`;

/**
 * A coarser level of the lag rollups from the one below it: `bucket` (the target's time column) is
 * `bucketOf` of each source row. Every argument is a constant of this file, never a value.
 */
const LAG_FROM = (target: string, bucket: string, bucketOf: string, source: string, where: string) => `
INSERT INTO ${target}
SELECT ${bucketOf} AS ${bucket}, plant, line, flow,
    sum(messages), sum(posted), sum(within_sla), sum(failed), sum(lag_sum),
    quantilesMergeState(0.5, 0.95, 0.99)(lag), max(last_start)
FROM ${source}
WHERE ${where}
GROUP BY ${bucket}, plant, line, flow`;

export const ROLLUP_LAG_HOURS = LAG_FROM(
  'lag_hour',
  'hour',
  'toStartOfHour(minute)',
  'lag_minute',
  IN_HOURS('toStartOfHour(minute)'),
);

export const ROLLUP_STAGE_HOURS = `
INSERT INTO stage_lag_hour
SELECT toStartOfHour(minute) AS hour, plant, line, flow, from_stage, to_stage, sum(seconds), sum(messages)
FROM stage_lag_minute
WHERE ${IN_HOURS('toStartOfHour(minute)')}
GROUP BY hour, plant, line, flow, from_stage, to_stage`;

/** The day (`dayS`, epoch seconds of its UTC midnight) again from its hours. */
export const DELETE_LAG_DAY = `DELETE FROM lag_day WHERE day = toDateTime({dayS:UInt32}, 'UTC')`;
export const ROLLUP_LAG_DAY = LAG_FROM(
  'lag_day',
  'day',
  'toStartOfDay(hour)',
  'lag_hour',
  `hour >= toDateTime({dayS:UInt32}, 'UTC') AND hour < toDateTime({dayS:UInt32}, 'UTC') + toIntervalDay(1)`,
);

/**
 * Each run looks this far behind the previous run's watermark (the time that run started): an insert that
 * began before it but was not visible yet is not missed.
 */
export const WATERMARK_OVERLAP_MS = 60_000;

export const READ_WATERMARK = `SELECT toUnixTimestamp64Milli(argMax(watermark, updated_at)) AS ms, count() AS n FROM rollup_progress WHERE name = {name:String}`;
