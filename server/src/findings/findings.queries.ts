import { ACTIVE_STATUSES } from '../reconciliation/reconcile.queries';

/**
 * The findings as the dashboard reads them: the latest facts of each finding (FINAL), its status and
 * assignee from its history, within the caller's plant scope and the filter. Every filter value is a
 * bound parameter; an empty array or '' means "any".
 */

const STATUS = `if(s.status = '', 'open', s.status)`;

/**
 * The filter's conditions on `findings` (scope included): for the findings themselves, and for the
 * history events read for them (only theirs, not the whole history).
 */
const FILTERED = `WHERE (plant IN {scope_plants:Array(String)} OR {scope_all:Bool})
      AND (length({f_plants:Array(String)}) = 0 OR plant IN {f_plants:Array(String)})
      AND (length({f_types:Array(String)}) = 0 OR type IN {f_types:Array(String)})
      AND (length({f_lines:Array(String)}) = 0 OR line IN {f_lines:Array(String)})
      AND (length({f_flows:Array(String)}) = 0 OR flow IN {f_flows:Array(String)})
      AND (length({f_severities:Array(String)}) = 0 OR toString(severity) IN {f_severities:Array(String)})
      AND ({f_order:String} = '' OR order_id = {f_order:String})
      AND ({f_material:String} = '' OR material = {f_material:String})
      AND ({f_id_filter:Bool} = false OR finding_id IN {f_ids:Array(String)})
      AND ({f_about:Bool} = false OR hasAny(event_ids, {f_event_ids:Array(String)})
           OR hasAny(correlation_ids, {f_correlation_ids:Array(String)}))
      AND anchor_at >= fromUnixTimestamp64Milli({f_from:Int64}) AND anchor_at < fromUnixTimestamp64Milli({f_to:Int64})
      AND first_seen_at <= fromUnixTimestamp64Milli({f_first_seen_until:Int64})`;

/**
 * The current state of every finding in scope that matches the filter (a subquery). `assignee`: with
 * each finding's assignee (and the assignee filter); without, `assignee` is '' and the history of
 * assignments is not read, for callers that neither show nor filter by it (the Sync lag tiles).
 */
function currentFindings(assignee: boolean): string {
  return `
  SELECT f.finding_id AS finding_id, f.type AS type, f.plant AS plant, f.line AS line, f.flow AS flow, f.order_id AS order_id, f.material AS material, f.event_ids AS event_ids, f.posting_ids AS posting_ids, f.correlation_ids AS correlation_ids, f.device_quantity AS device_quantity, f.erp_quantity AS erp_quantity, f.unit AS unit, f.value_at_risk AS value_at_risk, f.currency AS currency, f.severity AS severity, f.priority AS priority, f.anchor_at AS anchor_at, f.condition_since AS condition_since, f.first_seen_at AS first_seen_at, f.last_seen_at AS last_seen_at, f.active AS active, f.details AS details, f.resolution_hint AS resolution_hint, f.rules_version AS rules_version,
         ${STATUS} AS status, s.status_at AS status_at, s.status_by AS status_by, s.reason AS status_reason,
         ${assignee ? 'a.assignee' : "''"} AS assignee,
         dateDiff('second', f.condition_since, now64(3)) AS age_seconds
  FROM
  (
    SELECT * FROM findings FINAL
    ${FILTERED}
  ) AS f
  LEFT JOIN
  (
    SELECT finding_id, argMax(status, tuple(at, event_id)) AS status, max(at) AS status_at,
           argMax(actor, tuple(at, event_id)) AS status_by, argMax(comment, tuple(at, event_id)) AS reason
    FROM finding_events WHERE kind IN ('status', 'assign') AND finding_id IN (SELECT finding_id FROM findings ${FILTERED})
    GROUP BY finding_id
  ) AS s ON s.finding_id = f.finding_id${
    assignee
      ? `
  LEFT JOIN
  (
    SELECT finding_id, argMax(assignee, tuple(at, event_id)) AS assignee
    FROM finding_events WHERE kind = 'assign' AND finding_id IN (SELECT finding_id FROM findings ${FILTERED})
    GROUP BY finding_id
  ) AS a ON a.finding_id = f.finding_id`
      : ''
  }
  WHERE (length({f_statuses:Array(String)}) = 0 OR ${STATUS} IN {f_statuses:Array(String)})${
    assignee
      ? `
    AND ({f_assignee:String} = '' OR a.assignee = {f_assignee:String})`
      : ''
  }`;
}

export const CURRENT_FINDINGS = currentFindings(true);

export const FINDING_COLUMNS = `finding_id, type, plant, line, flow, order_id, material, event_ids, posting_ids, correlation_ids,
  device_quantity, erp_quantity, unit, value_at_risk, currency, toString(severity) AS severity_text, toString(priority) AS priority_text,
  toString(anchor_at) AS anchor_text, toString(condition_since) AS since_text, toString(first_seen_at) AS first_seen_text,
  toString(last_seen_at) AS last_seen_text, active, details, rules_version, status, toString(status_at) AS status_at_text,
  status_by, status_reason, assignee, age_seconds`;

/**
 * Sort keys the list may be ordered by (allow-list: the GraphQL enum maps to these). Each is a value
 * that does not change while someone pages: age is ordered by when the condition began (oldest first
 * when descending), not by the age computed at each read, which grows between two pages.
 */
export const ORDER_KEYS = {
  VALUE_AT_RISK: 'value_at_risk',
  AGE: '-toUnixTimestamp64Milli(condition_since)',
  LAST_SEEN: 'toUnixTimestamp64Milli(last_seen_at)',
  // Worst first when descending: critical is 1 in the enum.
  SEVERITY: '-toInt8(severity)',
} as const;
export type OrderKey = keyof typeof ORDER_KEYS;

/**
 * Orders paged by position rather than after a (value, id) cursor: every run moves the last-seen time of
 * every finding still true to the run's time, so a cursor holding a last-seen time would skip them all.
 * They move together and keep their order among themselves (by id), so the position holds.
 */
export const PAGED_BY_POSITION: ReadonlySet<OrderKey> = new Set<OrderKey>(['LAST_SEEN']);

/** One page, ordered by `key` then id, after the cursor (sort value, id; or, PAGED_BY_POSITION, an offset). */
export function findingsPage(key: OrderKey, descending: boolean): string {
  const expr = ORDER_KEYS[key];
  const dir = descending ? 'DESC' : 'ASC';
  const cmp = descending ? '<' : '>';
  const byPosition = PAGED_BY_POSITION.has(key);
  return `
SELECT ${FINDING_COLUMNS}, toFloat64(${expr}) AS sort_value
FROM (${CURRENT_FINDINGS})${
    byPosition
      ? ''
      : `
WHERE {has_cursor:Bool} = false
   OR (toFloat64(${expr}), finding_id) ${cmp} ({cursor_value:Float64}, {cursor_id:String})`
  }
ORDER BY sort_value ${dir}, finding_id ${dir}
LIMIT {limit:UInt32}${byPosition ? ' OFFSET {offset:UInt32}' : ''}`;
}

export const FINDINGS_COUNT = `SELECT count() AS n FROM (${CURRENT_FINDINGS})`;

export const FINDING_COUNTS = `
SELECT type, status, count() AS n, sum(value_at_risk) AS value, any(currency) AS currency_any
FROM (${CURRENT_FINDINGS})
GROUP BY type, status ORDER BY type, status`;

/**
 * FINDING_COUNTS of two periods in one read (the Sync lag tiles and the period before them): period 0
 * holds the findings anchored from {f_split} on, period 1 those before it. No assignee filter.
 */
export const FINDING_COUNTS_BY_PERIOD = `
SELECT toUInt8(anchor_at < fromUnixTimestamp64Milli({f_split:Int64})) AS period, type, status, count() AS n
FROM (${currentFindings(false)})
GROUP BY period, type, status ORDER BY period, type, status`;

/** What one cause produced: same type, plant, line, flow and hour, folded into one row. */
export const FINDING_GROUPS = `
SELECT type, plant, line, flow, toString(toStartOfHour(anchor_at)) AS hour_text, count() AS n, sum(value_at_risk) AS value,
       min(toInt8(severity)) AS worst_severity, countIf(status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})) AS active_n,
       any(currency) AS currency_any, groupUniqArray(status) AS statuses
FROM (${CURRENT_FINDINGS})
GROUP BY type, plant, line, flow, toStartOfHour(anchor_at)
ORDER BY value DESC, n DESC, hour_text DESC
LIMIT {limit:UInt32}`;

/**
 * A change of status (or an assignment, or a comment) for every finding in scope that matches the
 * filter and may take it: written inside ClickHouse, one history event per finding.
 */
export const APPLY_ACTION = `
INSERT INTO finding_events (finding_id, event_id, at, kind, status, assignee, comment, actor, actor_role, plant)
SELECT finding_id, toString(generateUUIDv4(finding_id)), {at:DateTime64(3)}, {kind:String}, {new_status:String}, {new_assignee:String},
       {comment:String}, {actor:String}, {actor_role:String}, plant
FROM (${CURRENT_FINDINGS})
WHERE (length({from_statuses:Array(String)}) = 0 OR status IN {from_statuses:Array(String)})
  -- assigning to whom it is already assigned to changes nothing
  AND NOT ({kind:String} = 'assign' AND status = 'assigned' AND assignee = {new_assignee:String})`;

/** The history of one finding, oldest first. */
export const FINDING_HISTORY = `
SELECT event_id, toString(at) AS at_text, toString(kind) AS kind_text, status, assignee, comment, actor, actor_role
FROM finding_events FINAL WHERE finding_id = {id:String}
ORDER BY at, event_id`;

/** The device events and ERP postings a finding is about, side by side. */
export const FINDING_EVENTS = `
SELECT event_id, toString(any(event_time)) AS time_text, any(plant) AS plant, any(line) AS line, any(asset) AS asset,
       any(order_id) AS order_id, any(material) AS material, toString(any(event_type)) AS event_type, any(quantity) AS quantity,
       toString(any(unit)) AS unit
FROM device_events
WHERE event_id IN {ids:Array(String)} AND (plant IN {scope_plants:Array(String)} OR {scope_all:Bool})
GROUP BY event_id ORDER BY time_text`;

export const FINDING_POSTINGS = `
SELECT document_id, toString(any(posted_at)) AS time_text, any(plant) AS plant, any(order_id) AS order_id, any(material) AS material,
       toString(any(posting_type)) AS posting_type, any(quantity) AS quantity, toString(any(unit)) AS unit,
       any(device_event_id) AS device_event_id, any(reverses_document_id) AS reverses_document_id
FROM erp_postings
WHERE (document_id IN {docs:Array(String)} OR (device_event_id != '' AND device_event_id IN {ids:Array(String)})
       OR reverses_document_id IN {docs:Array(String)})
  AND (plant IN {scope_plants:Array(String)} OR {scope_all:Bool})
GROUP BY document_id ORDER BY time_text`;

/** The export: every matching finding, newest first, streamed. */
export const FINDINGS_EXPORT = `
SELECT finding_id AS id, type, status, toString(severity) AS severity, plant, line, flow, order_id, material,
       arrayStringConcat(event_ids, ' ') AS event_ids, arrayStringConcat(posting_ids, ' ') AS posting_ids,
       arrayStringConcat(correlation_ids, ' ') AS correlation_ids, device_quantity, erp_quantity, unit,
       value_at_risk, currency, toString(anchor_at) AS happened_at, toString(first_seen_at) AS first_seen_at,
       toString(last_seen_at) AS last_seen_at, assignee, status_reason AS resolution, details, rules_version
FROM (${CURRENT_FINDINGS})
ORDER BY anchor_at DESC, finding_id`;
