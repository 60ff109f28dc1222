import { CURRENT_FINDINGS } from '../findings/findings.queries';

/**
 * Replay's reads. Every value is a bound parameter; reads of messages and findings are plant scoped
 * ({scope_plants}, {scope_all}) like every other read.
 */

/** The columns that name a replay and its message, as `replays` stores them. */
export interface ReplayKeyColumns {
  replay_id: string;
  batch_id: string;
  correlation_id: string;
  business_key: string;
  finding_id: string;
  flow: string;
  plant: string;
}

export const SCOPE = '(plant IN {scope_plants:Array(String)} OR {scope_all:Bool})';

/** The findings a replay request names (ids or a filter), in the person's plants. */
export const FINDINGS_TO_REPLAY = `
SELECT finding_id, type, status, plant, flow, event_ids, correlation_ids
FROM (${CURRENT_FINDINGS})
ORDER BY anchor_at, finding_id
LIMIT {limit:UInt32}`;

/**
 * The messages carrying these correlation ids or business keys: plant, flow, business key, and the
 * payload to re-send, the last one sent by a hop that succeeded (else the last one at all).
 */
export const MESSAGES_TO_REPLAY = `
SELECT correlation_id, toString(any(plant)) AS plant, toString(any(flow)) AS flow,
       anyIf(business_key, business_key != '') AS business_key,
       argMaxIf(payload, tuple(status = 'ok', end_time, hop_id), payload != '') AS payload,
       max(end_time) AS last_end
FROM hops
WHERE (correlation_id IN {ids:Array(String)}
       OR correlation_id IN (SELECT correlation_id FROM trace_index WHERE business_key IN {keys:Array(String)} AND business_key != ''))
  AND stage != 'replay' AND ${SCOPE}
GROUP BY correlation_id`;

/** Effective ERP postings referencing these business keys (not reversals, not reversed). */
export const POSTED_KEYS = `
SELECT device_event_id AS business_key, argMin(document_id, posted_at) AS document_id
FROM erp_postings FINAL
WHERE device_event_id IN {keys:Array(String)} AND reverses_document_id = ''
  AND document_id NOT IN (SELECT reverses_document_id FROM erp_postings WHERE reverses_document_id IN (
        SELECT document_id FROM erp_postings WHERE device_event_id IN {keys:Array(String)}))
GROUP BY device_event_id`;

/**
 * The latest replay of each of these messages that did not end skipped: to refuse a second send while
 * the first awaits its posting.
 */
export const LATEST_REPLAYS = `
SELECT correlation_id, argMax(state, version) AS state, argMax(requested_by, version) AS requested_by,
       toString(argMax(updated_at, version)) AS updated_at, argMax(batch_id, version) AS batch_id,
       toUnixTimestamp64Milli(argMax(updated_at, version)) AS updated_ms
FROM
(
  -- Each replay's latest state; one that ended skipped sent nothing, so it neither hides the replay
  -- that did send (two requests that raced: the one that lost is recorded skipped after the other sent)
  -- nor counts as one.
  SELECT replay_id, any(correlation_id) AS correlation_id, argMax(state, version) AS state,
         argMax(requested_by, version) AS requested_by, argMax(updated_at, version) AS updated_at,
         argMax(batch_id, version) AS batch_id, max(version) AS version
  FROM replays
  WHERE correlation_id IN {ids:Array(String)}
  GROUP BY replay_id
)
WHERE state != 'skipped'
GROUP BY correlation_id`;

/**
 * When each of these messages was last sent by a replay (ms), within the last day: a job checks it just
 * before sending, so of two requests that raced (both planned before either had sent) only one sends.
 */
export const SENT_REPLAYS = `
SELECT correlation_id, toString(toUnixTimestamp64Milli(max(updated_at))) AS sent_ms
FROM replays FINAL
WHERE correlation_id IN {ids:Array(String)} AND state = 'sent' AND updated_at >= now64(3) - INTERVAL 1 DAY
GROUP BY correlation_id`;

/** The latest state of each replay of a batch. */
export const REPLAY_STATE = `
SELECT replay_id, batch_id, correlation_id, business_key, finding_id, flow, plant, target_url, state, outcome,
       response_code, document_id, attempts, requested_by, toString(requested_at) AS requested_at,
       toString(updated_at) AS updated_at, edited_payload != '' AS edited
FROM replays FINAL`;

/** Replays that were asked for and never finished: enqueued again at start-up (Redis is not the record). */
export const UNFINISHED_REPLAYS = `
SELECT r.replay_id AS replay_id, r.batch_id AS batch_id, r.correlation_id AS correlation_id, r.business_key AS business_key,
       r.finding_id AS finding_id, r.flow AS flow, r.plant AS plant, r.payload AS payload, r.edited_payload AS edited_payload,
       r.requested_by AS requested_by, r.requested_role AS requested_role, toUnixTimestamp64Milli(r.requested_at) AS requested_ms
FROM (SELECT * FROM replays FINAL WHERE state = 'queued') AS r
LEFT JOIN (SELECT batch_id, argMax(state, version) AS state FROM replay_batches GROUP BY batch_id) AS b ON b.batch_id = r.batch_id
WHERE b.state != 'cancelled'`;

/** A batch's counts by state, and whether its messages are in the caller's plants (`visible`). */
export const BATCH_COUNTS = `
SELECT batch_id, state, ${SCOPE} AS visible, count() AS n
FROM replays FINAL WHERE batch_id IN {batches:Array(String)} GROUP BY batch_id, state, visible`;

/** The latest version of batches, newest first. */
export const BATCHES = `
SELECT batch_id, reason, requested_by, toString(requested_at) AS requested_at, total, state, rate_per_s,
       updated_by, toString(updated_at) AS updated_at
FROM replay_batches FINAL`;

/**
 * Open failed-hop findings of the flows with automatic replay, with how often automatic replay has
 * asked for each and when last (the sweeper decides in code which are due).
 */
export const AUTO_REPLAY_CANDIDATES = `
SELECT f.finding_id AS finding_id, f.flow AS flow, f.plant AS plant, f.details AS details,
       ifNull(a.n, 0) AS n, ifNull(a.last_ms, 0) AS last_ms
FROM (${CURRENT_FINDINGS}) AS f
LEFT JOIN
(
  SELECT finding_id, uniqExact(batch_id) AS n, max(toUnixTimestamp64Milli(requested_at)) AS last_ms
  FROM replays WHERE requested_by = {actor:String} AND finding_id != ''
  GROUP BY finding_id
) AS a ON a.finding_id = f.finding_id
LIMIT 10000`;
