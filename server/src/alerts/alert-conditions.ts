/**
 * What each kind of alert rule covers right now: one row per item, a stable key, a line of text for
 * the notification and the item's plant ('' when it has none; who may see the item depends on it). All set-based in ClickHouse; at most 200 items per rule.
 */

const SINCE_MINUTES = `now64(3) - toIntervalSecond({minutes:UInt32} * 60)`;
const PLANTS = (column: string) => `(empty({plants:Array(String)}) OR ${column} IN {plants:Array(String)})`;
const FLOWS = (column: string) => `(empty({flows:Array(String)}) OR ${column} IN {flows:Array(String)})`;
const CLOSED = `('resolved_auto', 'resolved_manual', 'ignored')`;

const OPEN_FINDINGS = (where: string) => `
SELECT
    f.finding_id AS key,
    concat(f.type, ' ', f.plant, if(f.line != '', concat('/', f.line), ''), if(f.flow != '', concat(' ', f.flow), ''),
           ', ', toString(f.severity), if(f.value_at_risk > 0, concat(', ', toString(round(f.value_at_risk, 2)), ' ', f.currency, ' at risk'), ''),
           if(f.order_id != '', concat(', order ', f.order_id), '')) AS text,
    f.plant AS plant
FROM
(
    SELECT finding_id, type, plant, line, flow, severity, value_at_risk, currency, order_id, first_seen_at, condition_since, active
    FROM findings FINAL
    WHERE ${where} AND ${PLANTS('plant')} AND ${FLOWS('flow')}
) AS f
LEFT JOIN
(
    SELECT finding_id, argMax(status, at) AS status FROM finding_events
    WHERE kind = 'status' AND finding_id IN (SELECT finding_id FROM findings WHERE ${where})
    GROUP BY finding_id
) AS s ON s.finding_id = f.finding_id
WHERE s.status NOT IN ${CLOSED}
ORDER BY f.value_at_risk DESC, f.finding_id
LIMIT 200
SETTINGS join_use_nulls = 0`;

/** New findings (first seen after the rule was made) at or above a severity or value at risk, still open. */
export const FINDING_ITEMS = OPEN_FINDINGS(`active = 1 AND first_seen_at >= fromUnixTimestamp64Milli({createdMs:Int64})
      AND ((toInt8(severity) <= {severityRank:Int8}) OR (value_at_risk >= {minValue:Float64}))`);

/** Lines reconciliation found silent (working time from the plant calendar) for at least N minutes, still open. */
export const SILENT_LINE_ITEMS = OPEN_FINDINGS(`type = 'silent_line' AND active = 1 AND condition_since <= ${SINCE_MINUTES}`);

/** Plants' flows whose p95 lag over the last N minutes (from the rollups) is above the flow's SLA. */
export const LAG_P95_ITEMS = `
SELECT concat(l.plant, ' ', l.flow) AS key,
       concat(l.flow, ' at ', l.plant, ': p95 lag ', toString(round(l.q[2])), ' s over the last ', toString({minutes:UInt32}),
              ' min, above the SLA of ', toString(if(r.sla = 0, 900, r.sla)), ' s') AS text,
       l.plant AS plant
FROM
(
    SELECT plant, flow, quantilesMerge(0.5, 0.95, 0.99)(lag) AS q, sum(posted) AS posted_n
    FROM lag_minute
    WHERE minute >= toStartOfMinute(${SINCE_MINUTES}) AND ${PLANTS('plant')} AND ${FLOWS('flow')}
    GROUP BY plant, flow
) AS l
LEFT JOIN (SELECT flow, argMax(sla_seconds, version) AS sla FROM flow_rules GROUP BY flow) AS r ON r.flow = l.flow
WHERE l.posted_n > 0 AND l.q[2] > if(r.sla = 0, 900, r.sla)
ORDER BY key
LIMIT 200
SETTINGS join_use_nulls = 0`;

/** Plants with at least {threshold} messages refused or dead-lettered in the last N minutes. */
export const REJECTED_ITEMS = `
SELECT concat('rejected ', if(plant = '', '(no plant)', plant)) AS key,
       concat(toString(count()), ' messages refused or dead-lettered in the last ', toString({minutes:UInt32}), ' min',
              if(plant = '', '', concat(' at ', plant)), ' (', arrayStringConcat(groupUniqArray(3)(reason_code), ', '), ')') AS text,
       plant
FROM dead_letters FINAL
WHERE received_at >= ${SINCE_MINUTES} AND ${PLANTS('plant')}
GROUP BY plant
HAVING count() >= {threshold:UInt64}
ORDER BY key
LIMIT 200`;

/** Replays that died (every attempt failed) in the last N minutes. */
export const REPLAY_DEAD_ITEMS = `
SELECT replay_id AS key,
       concat('replay of ', correlation_id, ' (', flow, ' at ', plant, ') died after ', toString(attempts), ' attempts: ',
              substring(outcome, 1, 200)) AS text,
       plant
FROM replays FINAL
WHERE state = 'dead' AND updated_at >= ${SINCE_MINUTES} AND ${PLANTS('plant')} AND ${FLOWS('flow')}
ORDER BY updated_at DESC
LIMIT 200`;
