/**
 * The ROI rollups' SQL (ADR 0010): hours of device events and postings, recomputed when data arrives for
 * them. `hours` are epoch seconds of whole hours, all within [loMs, hiMs).
 */

/** The flow whose postings answer maintenance alerts (the seeded default), for maintenance response time. */
export const MAINTENANCE_FLOW = 'maintenance_request';

const MS = (name: string) => `fromUnixTimestamp64Milli({${name}:Int64})`;
const IN_HOURS = (column: string) =>
  `${column} >= toDateTime(intDiv({loMs:Int64}, 1000), 'UTC') AND ${column} < toDateTime(intDiv({hiMs:Int64}, 1000), 'UTC')
   AND toUInt32(toUnixTimestamp(${column})) IN {hours:Array(UInt32)}`;
/** Postings count toward their event's hour for this long after it. */
const POSTING_WINDOW = 'toIntervalDay(7)';

/** Device events of findings a person acted on (acknowledged, assigned, commented, resolved, ignored, replayed). */
const TOUCHED_EVENTS = (since: string) => `(
    SELECT arrayJoin(event_ids) FROM findings
    WHERE anchor_at >= ${since} AND finding_id IN (SELECT finding_id FROM finding_events WHERE actor_role != '' AND at >= ${since})
)`;

/**
 * Hours that device events or postings ingested in (fromMs, toMs] belong to (event hours and posting
 * hours), and the posting hours of events a person acted on in that time.
 */
export const ROI_DIRTY_HOURS = `
SELECT DISTINCT h FROM
(
    SELECT toUInt32(toUnixTimestamp(toStartOfHour(event_time))) AS h FROM device_events
    WHERE event_time >= ${MS('scanFromMs')} AND ingested_at > ${MS('fromMs')} AND ingested_at <= ${MS('toMs')}
    UNION ALL
    SELECT toUInt32(toUnixTimestamp(toStartOfHour(posted_at))) AS h FROM erp_postings
    WHERE posted_at >= ${MS('scanFromMs')} AND ingested_at > ${MS('fromMs')} AND ingested_at <= ${MS('toMs')}
    UNION ALL
    SELECT toUInt32(toUnixTimestamp(toStartOfHour(posted_at))) AS h FROM erp_postings
    WHERE posted_at >= ${MS('scanFromMs')} - toIntervalDay(90) AND device_event_id IN
    (
        SELECT arrayJoin(event_ids) FROM findings
        WHERE finding_id IN (SELECT finding_id FROM finding_events WHERE actor_role != '' AND at > ${MS('fromMs')} AND at <= ${MS('toMs')})
    )
    UNION ALL
    SELECT toUInt32(toUnixTimestamp(toStartOfHour(event_time))) AS h FROM device_events
    WHERE event_time >= ${MS('scanFromMs')} - ${POSTING_WINDOW}
      AND event_id IN (
          SELECT device_event_id FROM erp_postings
          WHERE posted_at >= ${MS('scanFromMs')} AND ingested_at > ${MS('fromMs')} AND ingested_at <= ${MS('toMs')} AND device_event_id != '')
)
ORDER BY h`;

export const ROI_ALL_HOURS = `
SELECT DISTINCT h FROM
(
    SELECT toUInt32(toUnixTimestamp(toStartOfHour(event_time))) AS h FROM device_events
    UNION ALL
    SELECT toUInt32(toUnixTimestamp(toStartOfHour(posted_at))) AS h FROM erp_postings
)
ORDER BY h`;

export const DELETE_ROI_HOURS = (table: 'roi_postings_hour' | 'roi_inventory_hour' | 'roi_maintenance_hour') =>
  `DELETE FROM ${table} WHERE ${IN_HOURS('hour')}`;

export const ROLLUP_ROI_POSTINGS = `
INSERT INTO roi_postings_hour (hour, plant, flow, postings, touched)
SELECT toStartOfHour(posted_at) AS hour, plant, if(flow = '', toString(posting_type), toString(flow)) AS f, count(),
       countIf(device_event_id IN ${TOUCHED_EVENTS(`${MS('loMs')} - toIntervalDay(90)`)})
FROM erp_postings FINAL
WHERE ${IN_HOURS('toStartOfHour(posted_at)')} AND reverses_document_id = ''
GROUP BY hour, plant, f`;

/** Event types map to their flow by the rules in force (latest version per flow). */
const EVENT_FLOW = `(
    SELECT arrayJoin(event_types) AS event_type, flow
    FROM (SELECT flow, argMax(event_types, version) AS event_types FROM flow_rules GROUP BY flow)
)`;

export const ROLLUP_ROI_INVENTORY = `
INSERT INTO roi_inventory_hour
SELECT
    toStartOfHour(e.event_time) AS hour, e.plant, e.flow, e.material, e.unit,
    sum(e.quantity),
    sum(arraySum(arrayMap(x -> x.1 * x.2, arrayFilter(x -> x.2 > 0, e.conv)))),
    countIf(arrayExists(x -> x.2 = 0, e.conv))
FROM
(
    SELECT
        d.event_time AS event_time, d.plant AS plant, ef.flow AS flow, d.material AS material, d.unit AS unit, d.quantity AS quantity,
        arrayMap(q -> (q.1, multiIf(
            upper(q.2) = upper(d.unit), 1.0,
            has({conv_keys:Array(String)}, concat(d.material, '|', upper(q.2), '|', upper(d.unit))),
                {conv_factors:Array(Float64)}[indexOf({conv_keys:Array(String)}, concat(d.material, '|', upper(q.2), '|', upper(d.unit)))],
            has({conv_keys:Array(String)}, concat('|', upper(q.2), '|', upper(d.unit))),
                {conv_factors:Array(Float64)}[indexOf({conv_keys:Array(String)}, concat('|', upper(q.2), '|', upper(d.unit)))],
            0.0)), p.q) AS conv
    FROM
    (
        SELECT event_id, event_time, plant, event_type, material, unit, quantity
        FROM device_events FINAL
        WHERE ${IN_HOURS('toStartOfHour(event_time)')} AND material != '' AND quantity > 0
    ) AS d
    INNER JOIN ${EVENT_FLOW} AS ef ON ef.event_type = d.event_type
    LEFT JOIN
    (
        SELECT device_event_id, groupArray((quantity, toString(unit))) AS q
        FROM erp_postings FINAL
        WHERE posted_at >= ${MS('loMs')} - toIntervalDay(1) AND posted_at < ${MS('hiMs')} + ${POSTING_WINDOW}
          AND device_event_id != '' AND reverses_document_id = ''
          AND document_id NOT IN (
              SELECT reverses_document_id FROM reversals WHERE posted_at >= ${MS('loMs')} - toIntervalDay(1))
        GROUP BY device_event_id
    ) AS p ON p.device_event_id = d.event_id
) AS e
GROUP BY hour, e.plant, e.flow, e.material, e.unit
SETTINGS join_use_nulls = 0`;

export const ROLLUP_ROI_MAINTENANCE = `
INSERT INTO roi_maintenance_hour
SELECT
    toStartOfHour(e.event_time) AS hour, e.plant,
    count(),
    countIf(p.first_posted > toDateTime64(0, 3)),
    sumIf(dateDiff('second', e.event_time, p.first_posted), p.first_posted > toDateTime64(0, 3)),
    quantilesStateIf(0.5)(toFloat64(dateDiff('second', e.event_time, p.first_posted)), p.first_posted > toDateTime64(0, 3))
FROM
(
    SELECT event_id, event_time, plant FROM device_events FINAL
    WHERE ${IN_HOURS('toStartOfHour(event_time)')} AND event_type IN {alert_types:Array(String)}
) AS e
LEFT JOIN
(
    SELECT device_event_id, min(posted_at) AS first_posted FROM erp_postings FINAL
    WHERE posted_at >= ${MS('loMs')} AND posted_at < ${MS('hiMs')} + ${POSTING_WINDOW}
      AND device_event_id != '' AND reverses_document_id = '' AND posting_type IN {request_types:Array(String)}
    GROUP BY device_event_id
) AS p ON p.device_event_id = e.event_id
GROUP BY hour, e.plant
SETTINGS join_use_nulls = 0`;
