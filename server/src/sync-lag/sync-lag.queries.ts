/**
 * The Sync lag page's query: device events of a time window, each joined to the first ERP posting
 * that references it (reversals excluded), grouped per plant and line, within the caller's plant scope
 * (optionally one line). FINAL: retried ingests
 * must not count twice. Lag = posted_at - event_time.
 */
export const SYNC_LAG_BY_LINE = `
SELECT
    e.plant AS plant,
    e.line AS line,
    count() AS events,
    countIf(p.document_id != '') AS posted,
    countIf(p.document_id != '' AND dateDiff('second', e.event_time, p.first_posted_at) <= {slaSeconds:UInt32}) AS withinSla,
    quantilesIf(0.5, 0.95, 0.99)(dateDiff('millisecond', e.event_time, p.first_posted_at) / 1000.0, p.document_id != '') AS lagSeconds,
    max(e.event_time) AS lastEventAt,
    max(e.ingested_at) AS lastIngestedAt
FROM
(
    SELECT event_id, plant, line, event_time, ingested_at
    FROM device_events FINAL
    WHERE event_time >= fromUnixTimestamp64Milli({fromMs:Int64}) AND event_time < fromUnixTimestamp64Milli({toMs:Int64})
      AND (plant IN {scope_plants:Array(String)} OR {scope_all:Bool})
      AND ({line:String} = '' OR line = {line:String})
) AS e
LEFT JOIN
(
    SELECT device_event_id, min(posted_at) AS first_posted_at, argMin(document_id, posted_at) AS document_id
    FROM erp_postings FINAL
    WHERE posted_at >= fromUnixTimestamp64Milli({fromMs:Int64}) AND device_event_id != '' AND reverses_document_id = ''
      AND (plant IN {scope_plants:Array(String)} OR {scope_all:Bool})
    GROUP BY device_event_id
) AS p ON p.device_event_id = e.event_id
GROUP BY plant, line
ORDER BY plant, line
SETTINGS join_use_nulls = 0`;
