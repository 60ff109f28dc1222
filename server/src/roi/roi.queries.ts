/**
 * The ROI page's figures, each computed inside ClickHouse over a period [fromMs, toMs), in the caller's
 * plants and the asked-for flows (docs/roi.md says how each is computed, in words).
 */

const FROM = 'fromUnixTimestamp64Milli({fromMs:Int64})';
const TO = 'fromUnixTimestamp64Milli({toMs:Int64})';
const SCOPE = '(plant IN {scope_plants:Array(String)} OR {scope_all:Bool})';
const FLOWS = (column: string) => `(empty({flows:Array(String)}) OR ${column} IN {flows:Array(String)})`;
/** Findings whose status changed in the period may have been found up to this long before it. */
const FINDINGS_LOOKBACK = 'toIntervalDay(90)';

/**
 * ERP postings of the period (reversals aside) per plant and flow, and how many a person had to touch:
 * their device event is in a finding that a person acted on (any history event with a role: acknowledged,
 * assigned, commented, resolved, ignored or replayed by hand).
 */
export const ROI_POSTINGS = `
SELECT p.plant AS plant, p.flow AS flow, count() AS postings, countIf(t.event_id != '') AS touched
FROM
(
    SELECT plant, if(flow = '', toString(posting_type), toString(flow)) AS flow, device_event_id
    FROM erp_postings FINAL
    WHERE posted_at >= ${FROM} AND posted_at < ${TO} AND reverses_document_id = '' AND ${SCOPE}
      AND ${FLOWS("if(flow = '', toString(posting_type), toString(flow))")}
) AS p
LEFT JOIN
(
    SELECT DISTINCT arrayJoin(event_ids) AS event_id
    FROM findings FINAL
    WHERE anchor_at >= ${FROM} - ${FINDINGS_LOOKBACK} AND anchor_at < ${TO} AND ${SCOPE}
      AND finding_id IN (SELECT finding_id FROM finding_events WHERE actor_role != '' AND at >= ${FROM} - ${FINDINGS_LOOKBACK})
) AS t ON t.event_id = p.device_event_id
GROUP BY plant, flow
SETTINGS join_use_nulls = 0`;

/**
 * Findings per plant, flow and type: resolved in the period (automatically or by hand, and the time it
 * took from first seen), open now among those that happened in the period (and their value at risk),
 * value recovered in the period (resolved after a replay, or corrected by hand), and incidents: hours
 * in which a plant's flow had failed hops or a line went silent.
 */
export const ROI_FINDINGS = `
SELECT
    f.plant AS plant, f.flow AS flow, f.type AS type,
    countIf(s.status = 'resolved_auto' AND s.at >= ${FROM} AND s.at < ${TO}) AS resolved_auto,
    countIf(s.status = 'resolved_manual' AND s.at >= ${FROM} AND s.at < ${TO}) AS resolved_manual,
    sumIf(greatest(0, dateDiff('second', f.first_seen_at, s.at)),
          s.status IN ('resolved_auto', 'resolved_manual') AND s.at >= ${FROM} AND s.at < ${TO}) AS resolve_seconds,
    countIf(s.status NOT IN ('resolved_auto', 'resolved_manual', 'ignored') AND f.anchor_at >= ${FROM}) AS open_count,
    sumIf(f.value_at_risk, s.status NOT IN ('resolved_auto', 'resolved_manual', 'ignored') AND f.anchor_at >= ${FROM}) AS open_value,
    sumIf(f.value_at_risk, s.status = 'resolved_auto' AND s.replayed AND s.at >= ${FROM} AND s.at < ${TO}) AS recovered_replayed,
    sumIf(f.value_at_risk, s.status = 'resolved_manual' AND s.at >= ${FROM} AND s.at < ${TO}) AS recovered_corrected,
    uniqExactIf(toStartOfHour(f.anchor_at), f.type IN ('failed_hop', 'silent_line') AND f.anchor_at >= ${FROM}) AS incidents,
    any(f.currency) AS currency
FROM
(
    SELECT finding_id, plant, flow, type, first_seen_at, anchor_at, value_at_risk, currency
    FROM findings FINAL
    WHERE anchor_at >= ${FROM} - ${FINDINGS_LOOKBACK} AND anchor_at < ${TO} AND ${SCOPE} AND ${FLOWS('flow')}
) AS f
LEFT JOIN
(
    SELECT finding_id, argMax(status, at) AS status, max(at) AS at, max(status IN ('replay_queued', 'replay_sent')) = 1 AS replayed
    FROM finding_events
    WHERE kind = 'status' AND at >= ${FROM} - ${FINDINGS_LOOKBACK}
    GROUP BY finding_id
) AS s ON s.finding_id = f.finding_id
GROUP BY plant, flow, type
SETTINGS join_use_nulls = 0`;

/**
 * Inventory accuracy per material: device quantities of the period's events (of the event types that
 * carry quantities) against the ERP quantities posted for them, converted to the event's unit
 * (reversals and reversed postings aside). Quantities that cannot be converted are counted apart.
 */
export const ROI_INVENTORY = `
SELECT
    e.material AS material, e.unit AS unit,
    sum(e.quantity) AS device_qty,
    sum(arraySum(arrayMap(x -> x.1 * x.2, arrayFilter(x -> x.2 > 0, e.conv)))) AS erp_qty,
    countIf(arrayExists(x -> x.2 = 0, e.conv)) AS unconvertible
FROM
(
    SELECT
        d.material AS material, d.unit AS unit, d.quantity AS quantity,
        arrayMap(q -> (q.1, multiIf(
            upper(q.2) = upper(d.unit), 1.0,
            has({conv_keys:Array(String)}, concat(d.material, '|', upper(q.2), '|', upper(d.unit))),
                {conv_factors:Array(Float64)}[indexOf({conv_keys:Array(String)}, concat(d.material, '|', upper(q.2), '|', upper(d.unit)))],
            has({conv_keys:Array(String)}, concat('|', upper(q.2), '|', upper(d.unit))),
                {conv_factors:Array(Float64)}[indexOf({conv_keys:Array(String)}, concat('|', upper(q.2), '|', upper(d.unit)))],
            0.0)), p.q) AS conv
    FROM
    (
        SELECT event_id, material, unit, quantity
        FROM device_events FINAL
        WHERE event_time >= ${FROM} AND event_time < ${TO} AND ${SCOPE} AND material != '' AND quantity > 0
          AND event_type IN {quantity_types:Array(String)}
    ) AS d
    LEFT JOIN
    (
        SELECT device_event_id, groupArray((quantity, toString(unit))) AS q
        FROM erp_postings FINAL
        WHERE posted_at >= ${FROM} - toIntervalDay(1) AND device_event_id != '' AND reverses_document_id = '' AND ${SCOPE}
          AND document_id NOT IN (
              SELECT reverses_document_id FROM erp_postings
              WHERE posted_at >= ${FROM} - toIntervalDay(1) AND reverses_document_id != '' AND ${SCOPE})
        GROUP BY device_event_id
    ) AS p ON p.device_event_id = d.event_id
) AS e
GROUP BY material, unit
ORDER BY material, unit
SETTINGS join_use_nulls = 0`;

/** Maintenance alerts of the period and the first maintenance request posted for each. */
export const ROI_MAINTENANCE = `
SELECT
    count() AS alerts,
    countIf(p.first_posted > toDateTime64(0, 3)) AS responded,
    avgIf(dateDiff('second', e.event_time, p.first_posted), p.first_posted > toDateTime64(0, 3)) AS mean_s,
    quantileIf(0.5)(dateDiff('second', e.event_time, p.first_posted), p.first_posted > toDateTime64(0, 3)) AS p50_s
FROM
(
    SELECT event_id, event_time FROM device_events FINAL
    WHERE event_time >= ${FROM} AND event_time < ${TO} AND ${SCOPE} AND event_type IN {alert_types:Array(String)}
) AS e
LEFT JOIN
(
    SELECT device_event_id, min(posted_at) AS first_posted FROM erp_postings FINAL
    WHERE posted_at >= ${FROM} AND device_event_id != '' AND reverses_document_id = '' AND ${SCOPE}
      AND posting_type IN {request_types:Array(String)}
    GROUP BY device_event_id
) AS p ON p.device_event_id = e.event_id
SETTINGS join_use_nulls = 0`;
