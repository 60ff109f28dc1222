/**
 * Dead letters as the dashboard reads them: the latest version of each letter (FINAL) within the
 * caller's plant scope and the filter. A letter with no plant ('') matches no plant list, so only
 * callers with every plant see it. Every filter value is a bound parameter; an empty array means "any".
 */

/** The current state of every letter in scope that matches the filter (a subquery). */
export const CURRENT_LETTERS = `
  SELECT * FROM
  (
    SELECT letter_id, received_at, source, topic, client_id, api_key_id, plant, kind, reason_code, reason, payload,
           status, status_at, status_by, status_reason
    FROM dead_letters FINAL
    WHERE (plant IN {scope_plants:Array(String)} OR {scope_all:Bool})
      AND (length({f_plants:Array(String)}) = 0 OR plant IN {f_plants:Array(String)})
      AND (length({f_sources:Array(String)}) = 0 OR source IN {f_sources:Array(String)})
      AND (length({f_reasons:Array(String)}) = 0 OR reason_code IN {f_reasons:Array(String)})
      AND ({f_id_filter:Bool} = false OR letter_id IN {f_ids:Array(String)})
      AND received_at >= fromUnixTimestamp64Milli({f_from:Int64}) AND received_at < fromUnixTimestamp64Milli({f_to:Int64})
  )
  WHERE (length({f_statuses:Array(String)}) = 0 OR status IN {f_statuses:Array(String)})`;

/** Payloads longer than this are cut in lists (the full one is redelivered, and shown on request). */
export const PAYLOAD_SHOWN_MAX = 65_536;

/** One page, newest first, after the cursor (received time in ms, id). */
export const LETTERS_PAGE = `
SELECT letter_id, toString(received_at) AS received_text, toUnixTimestamp64Milli(received_at) AS received_ms, source, topic,
       client_id, api_key_id, plant, kind, reason_code, reason, substringUTF8(payload, 1, {payload_max:UInt32}) AS payload_head,
       length(payload) AS payload_bytes, lengthUTF8(payload) > {payload_max:UInt32} AS payload_cut,
       status, toString(status_at) AS status_at_text, status_by, status_reason
FROM (${CURRENT_LETTERS})
WHERE {has_cursor:Bool} = false OR (toUnixTimestamp64Milli(received_at), letter_id) < ({cursor_ms:Int64}, {cursor_id:String})
ORDER BY received_at DESC, letter_id DESC
LIMIT {limit:UInt32}`;

export const LETTERS_COUNT = `SELECT count() AS n FROM (${CURRENT_LETTERS})`;

export const LETTER_COUNTS = `
SELECT source, reason_code, status, count() AS n
FROM (${CURRENT_LETTERS})
GROUP BY source, reason_code, status ORDER BY source, reason_code, status`;

/** The open letters an action by ids or filter applies to, oldest first, with their whole payload. */
export const OPEN_LETTERS = `
SELECT letter_id, source, topic, kind, payload
FROM (${CURRENT_LETTERS})
WHERE status = 'open'
ORDER BY received_at, letter_id
LIMIT {limit:UInt32}`;

/**
 * A new status for every open letter in scope that matches the filter: a new version of its row,
 * written inside ClickHouse.
 */
export const SET_STATUS = `
INSERT INTO dead_letters (letter_id, received_at, source, topic, client_id, api_key_id, plant, kind, reason_code, reason, payload,
                          status, status_at, status_by, status_reason, version)
SELECT letter_id, received_at, source, topic, client_id, api_key_id, plant, kind, reason_code, reason, payload,
       {new_status:String}, {at:DateTime64(3)}, {actor:String}, {status_reason:String}, toUInt64(toUnixTimestamp64Micro(now64(6)))
FROM (${CURRENT_LETTERS})
WHERE status = 'open'`;
