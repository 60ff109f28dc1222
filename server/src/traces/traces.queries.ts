import { rowsByKind } from '../clickhouse/rows-by-kind';

/**
 * Trace lookups (docs/traces.md, ADR 0008). A message is found through `trace_index` (one row per
 * correlation id and plant, folded by the AggregatingMergeTree; every read groups again because parts
 * not merged yet hold several rows), then its hops: from the message's own rows of `trace_index`, which
 * carry them since migration 20261210090000, else from `hops` bounded by the message's plant, flow and
 * time, so ClickHouse reads a few granules instead of the table (HopSource). Hops are deduplicated by
 * hop_id, keeping the latest ingest (`LIMIT 1 BY`), never with FINAL, which defeats the skip indexes.
 * Every value is a bound parameter; every query carries the plant scope condition.
 */

const SCOPE = '(plant IN {scope_plants:Array(String)} OR {scope_all:Bool})';

/**
 * The settings of a trace's reads (one message: a few granules of each table). One thread: starting a
 * query's worker threads cost more than they save on reads this small; the branches of each TRACE_FACTS read
 * run one after the other and still finish sooner. No query condition cache: each lookup names its own
 * ids, so a cached condition is never met again. A probe on 10,000,000 hops (400 random messages, the
 * forms alternated) read a message, its hops and its facts in 46.9 / 61.5 ms p50 / p95 against 51.8 / 65.9
 * (docs/benchmarks.md).
 */
export const POINT_LOOKUP_SETTINGS = { max_threads: 1, use_query_condition_cache: 0 } as const;

/**
 * One message per (correlation_id, plant) with the index's facts: the shape every lookup returns.
 * Aggregates are named m_* so that no alias shadows a column (the client prefers column names).
 */
const MESSAGE_COLUMNS = `
  correlation_id, plant,
  toString(anyLast(flow)) AS m_flow, toString(anyLast(line)) AS m_line,
  max(business_key) AS m_business_key, max(order_id) AS m_order_id, max(batch) AS m_batch,
  max(asset) AS m_asset, max(material) AS m_material,
  min(first_start) AS first_at, max(last_end) AS last_at,
  toString(min(first_start)) AS first_text, toString(max(last_end)) AS last_text,
  max(has_error) AS m_error, max(reached_erp) AS m_posted,
  groupUniqArrayArray(stages) AS stage_list, groupUniqArrayArray(systems) AS system_list,
  min(inline_hops) AS m_inline`;

/**
 * The messages with these correlation ids, by primary key, with MESSAGE_COLUMNS and `columns`.
 * Projections off: weighing the index's four projections for a primary-key read cost ~2 ms of its ~10
 * (100M hops).
 */
const messagesById = (columns = '') => `
SELECT ${MESSAGE_COLUMNS}${columns}
FROM trace_index
PREWHERE correlation_id IN {ids:Array(String)}
WHERE ${SCOPE}
GROUP BY correlation_id, plant
SETTINGS optimize_use_projections = 0`;

export const MESSAGES_BY_ID = messagesById();

/**
 * MESSAGES_BY_ID for a trace: with its hops' stored copies (`m_hops`, every row's `hop_rows`) when
 * `m_carried`: every row carries them (`m_inline`) and they number at most `inline_max` (a retry storm
 * pages its hops from the index instead, HopSource). Such a trace reads no hops query: the hops are
 * in the granules the message's read opens anyway (docs/traces.md).
 */
export const MESSAGE_WITH_HOPS = messagesById(`,
  m_inline = 1 AND sum(length(hop_rows)) <= {inline_max:UInt32} AS m_carried,
  if(m_carried, groupArrayArray(hop_rows), []) AS m_hops`);

/**
 * The (correlation id, plant) pairs whose hops carry one of these business keys: the message itself,
 * and any stitched to it (brokers and middleware often start a new trace context). Ids only, from the
 * business key's index projection: reading the pairs' whole rows as well took twice as long, for what
 * is nearly always the message already read.
 */
const IDS_BY_BUSINESS_KEY = `
SELECT DISTINCT correlation_id, toString(plant) AS plant
FROM trace_index
PREWHERE business_key IN {keys:Array(String)}
WHERE ${SCOPE}`;

/**
 * Each (correlation id, plant) whose message carries `q` as a key or attribute: its correlation id,
 * business key, order, batch, asset, material, or an ERP document that references its device event.
 * Each branch reads one index (primary key, index projection, set index) and only the matching rows.
 * `bound_us` is the earliest first hop among the matching rows: the message's own first hop (over all
 * its rows, some of which may not carry the key until parts merge) is never later than this bound.
 * Newest bound first, at most `max_candidates`.
 */
const CANDIDATE_ROWS = `
  SELECT correlation_id, plant, first_start FROM trace_index WHERE correlation_id = {q:String}
  UNION ALL SELECT correlation_id, plant, first_start FROM trace_index WHERE business_key = {q:String}
  UNION ALL SELECT correlation_id, plant, first_start FROM trace_index WHERE order_id = {q:String}
  UNION ALL SELECT correlation_id, plant, first_start FROM trace_index WHERE batch = {q:String}
  UNION ALL SELECT correlation_id, plant, first_start FROM trace_index WHERE asset = {q:String}
  UNION ALL SELECT correlation_id, plant, first_start FROM trace_index WHERE material = {q:String}
  UNION ALL SELECT correlation_id, plant, first_start FROM trace_index WHERE business_key IN (
    SELECT device_event_id FROM posting_refs
    WHERE document_id = {q:String} AND device_event_id != '' AND ${SCOPE})`;

export const SEARCH_CANDIDATES = `
SELECT correlation_id, plant, toUnixTimestamp64Micro(min(first_start)) AS bound_us
FROM (${CANDIDATE_ROWS})
WHERE ${SCOPE} AND (length({f_plants:Array(String)}) = 0 OR plant IN {f_plants:Array(String)})
GROUP BY correlation_id, plant
HAVING bound_us >= {from_ms:Int64} * 1000
ORDER BY bound_us DESC, correlation_id DESC
LIMIT {max_candidates:UInt32}`;

/**
 * How a text search narrows the index before grouping: the listed candidates, or every candidate (a
 * text matching more messages than a search lists as candidates). A browse by time is browsePage.
 */
export type SearchMode = 'candidates' | 'matching';

const MODE_WHERE: Record<SearchMode, string> = {
  // The candidates' rows by primary key; a (correlation id, plant) pair is named by a length-prefixed
  // key so that no two pairs share one.
  candidates: `correlation_id IN {ids:Array(String)}
    AND has({pairs:Array(String)}, concat(toString(length(correlation_id)), ':', correlation_id, plant))`,
  matching: `(correlation_id, plant) IN (SELECT correlation_id, plant FROM (${CANDIDATE_ROWS}))`,
};

/** The key MODE_WHERE.candidates matches a (correlation id, plant) pair by. */
export const pairKey = (correlationId: string, plant: string) =>
  `${Buffer.byteLength(correlationId, 'utf8')}:${correlationId}${plant}`;

/**
 * One page of messages, newest first (first hop time, then correlation id), matching the search mode
 * and the filters. Filters apply to the whole message (every row of it), after grouping.
 */
export function searchPage(mode: SearchMode): string {
  return `
SELECT ${MESSAGE_COLUMNS}, toUnixTimestamp64Micro(first_at) AS first_us
FROM trace_index
WHERE ${MODE_WHERE[mode]} AND ${SCOPE}
  AND (length({f_plants:Array(String)}) = 0 OR plant IN {f_plants:Array(String)})
GROUP BY correlation_id, plant
HAVING first_at >= fromUnixTimestamp64Milli({from_ms:Int64}) AND first_at < fromUnixTimestamp64Milli({to_ms:Int64})
  AND (length({f_lines:Array(String)}) = 0 OR m_line IN {f_lines:Array(String)})
  AND (length({f_flows:Array(String)}) = 0 OR m_flow IN {f_flows:Array(String)})
  AND (length({f_stages:Array(String)}) = 0 OR hasAny(stage_list, {f_stages:Array(String)}))
  AND (length({f_systems:Array(String)}) = 0 OR hasAny(system_list, {f_systems:Array(String)}))
  AND (length({f_statuses:Array(String)}) = 0
       OR (has({f_statuses:Array(String)}, 'error') AND m_error = 1)
       OR (has({f_statuses:Array(String)}, 'not_posted') AND m_posted = 0))
  AND ({has_cursor:Bool} = false OR (first_us, correlation_id) < ({cursor_us:Int64}, {cursor_id:String}))
ORDER BY first_us DESC, correlation_id DESC
LIMIT {limit:UInt32}`;
}

/** Which browse filters are set: only their columns are read. */
export interface BrowseFilters {
  lines: boolean;
  flows: boolean;
  stages: boolean;
  systems: boolean;
  statuses: boolean;
}

/**
 * One page of messages with a hop that started in the range (read through the index projection on the
 * first hop time: only the range's rows), newest first, read narrow: the range's
 * rows are spread over the month (the index is sorted by correlation id), so each column costs a
 * granule per message; only the key, the first hop, the business key (for the findings) and the columns
 * of the filters that are set are read. The page's whole facts are read again by id (MESSAGES_BY_ID).
 * The SQL is assembled from fixed fragments; every value is bound.
 */
export function browsePage(f: BrowseFilters): string {
  const columns = [
    'correlation_id',
    'plant',
    'min(first_start) AS first_at',
    'toUnixTimestamp64Micro(first_at) AS first_us',
    'max(business_key) AS m_business_key',
  ];
  const having = [
    'first_at >= fromUnixTimestamp64Milli({from_ms:Int64}) AND first_at < fromUnixTimestamp64Milli({to_ms:Int64})',
    '({has_cursor:Bool} = false OR (first_us, correlation_id) < ({cursor_us:Int64}, {cursor_id:String}))',
  ];
  if (f.lines) {
    columns.push('toString(anyLast(line)) AS m_line');
    having.push('m_line IN {f_lines:Array(String)}');
  }
  if (f.flows) {
    columns.push('toString(anyLast(flow)) AS m_flow');
    having.push('m_flow IN {f_flows:Array(String)}');
  }
  if (f.stages) {
    columns.push('groupUniqArrayArray(stages) AS stage_list');
    having.push('hasAny(stage_list, {f_stages:Array(String)})');
  }
  if (f.systems) {
    columns.push('groupUniqArrayArray(systems) AS system_list');
    having.push('hasAny(system_list, {f_systems:Array(String)})');
  }
  if (f.statuses) {
    columns.push('max(has_error) AS m_error', 'max(reached_erp) AS m_posted');
    having.push(`((has({f_statuses:Array(String)}, 'error') AND m_error = 1)
       OR (has({f_statuses:Array(String)}, 'not_posted') AND m_posted = 0))`);
  }
  return `
SELECT ${columns.join(', ')}
FROM trace_index
WHERE first_start >= fromUnixTimestamp64Milli({from_ms:Int64}) AND first_start < fromUnixTimestamp64Milli({to_ms:Int64})
  AND ${SCOPE}
  AND (length({f_plants:Array(String)}) = 0 OR plant IN {f_plants:Array(String)})
GROUP BY correlation_id, plant
HAVING ${having.join('\n  AND ')}
ORDER BY first_us DESC, correlation_id DESC
LIMIT {limit:UInt32}`;
}

/** What bounds a message's hops: its correlation ids, plant, flow and time. */
const HOPS_OF_MESSAGE = `correlation_id IN {ids:Array(String)} AND ${SCOPE}
    AND plant IN {plants:Array(String)} AND flow IN {flows:Array(String)}
    AND start_time >= fromUnixTimestamp64Micro({from_us:Int64}) AND start_time <= fromUnixTimestamp64Micro({to_us:Int64})`;

/**
 * Where a trace reads its hops' waterfall fields, one row per stored copy of a hop. `index`: the
 * message's rows of `trace_index` by primary key, each carrying its hops (`hop_rows`, migration
 * 20261210090000), for messages whose every row was written with them (`m_inline`). The key is an
 * explicit PREWHERE: ClickHouse moves no condition there in a query with ARRAY JOIN, and each of the
 * index's parts then read its hops for the key's granule, though most parts do not hold the message
 * (18.6 against 23.6 ms p50 at 100M hops; docs/benchmarks.md). `hops`: the table, within the message's
 * time bounds, for messages stored before that migration.
 */
export type HopSource = 'index' | 'hops';

const HOP_ROWS: Record<HopSource, string> = {
  index: `
  SELECT h.hop_id AS hop_id, correlation_id, h.parent_hop_id AS parent_hop_id, h.stage AS stage, h.system AS system,
         h.status AS status, h.error_code AS error_code, h.error_message AS error_message, h.attempt AS attempt,
         h.start_time AS start_time, h.end_time AS end_time, h.ingested_at AS ingested_at
  FROM (
    SELECT correlation_id, hop_rows FROM trace_index
    PREWHERE correlation_id IN {ids:Array(String)}
    WHERE ${SCOPE} AND plant IN {plants:Array(String)}
      AND first_start >= fromUnixTimestamp64Micro({from_us:Int64}) AND first_start <= fromUnixTimestamp64Micro({to_us:Int64})
  ) ARRAY JOIN hop_rows AS h`,
  hops: `
  SELECT hop_id, correlation_id, parent_hop_id, toString(stage) AS stage, toString(system) AS system,
         toString(status) AS status, toString(error_code) AS error_code, error_message, attempt,
         start_time, end_time, ingested_at
  FROM hops
  WHERE ${HOPS_OF_MESSAGE}`,
};

/** The settings of a hops read by source: from the index by primary key, projections off (as MESSAGES_BY_ID). */
export const HOP_READ_SETTINGS: Record<HopSource, Record<string, number> | undefined> = {
  index: { optimize_use_projections: 0 },
  hops: undefined,
};

/** Each hop of the message once, as ingested last (never FINAL, which defeats the skip indexes). */
const latestHops = (source: HopSource, where = '') => `
  SELECT * FROM (${HOP_ROWS[source]})${where}
  ORDER BY hop_id, ingested_at DESC
  LIMIT 1 BY hop_id`;

/**
 * The hops of a message's correlation ids, one row per hop id (latest ingest), with what the waterfall
 * needs and no payload or attributes, and the total. Paged by (start, hop id). Read once: the parents'
 * times come from the page itself, and only the parents that are not on it are looked up
 * (traceHopEnds); a self-join here read the hops twice.
 */
export const traceHops = (source: HopSource) => `
SELECT hop_id, correlation_id, parent_hop_id, stage, system, status, error_code, error_message, attempt,
       toString(start_time) AS start_text, toString(end_time) AS end_text,
       toUnixTimestamp64Micro(start_time) AS start_us, toUnixTimestamp64Micro(end_time) AS end_us,
       count() OVER () AS total
FROM (${latestHops(source)})
ORDER BY start_us, hop_id
LIMIT {limit:UInt32} OFFSET {offset:UInt32}`;

/** When these hops of the message ended (latest ingest): the parents of a page's hops that are not on it. */
export const traceHopEnds = (source: HopSource) => `
SELECT hop_id, toUnixTimestamp64Micro(end_time) AS end_us
FROM (${latestHops(source, ' WHERE hop_id IN {hop_ids:Array(String)}')})`;

/** One hop with everything it carries, the payload cut at `max_payload` characters. */
export const TRACE_HOP = `
SELECT hop_id, correlation_id, parent_hop_id, toString(flow) AS flow, toString(stage) AS stage, toString(system) AS system,
       toString(plant) AS plant, toString(line) AS line, asset, order_id, material, batch, toString(event_type) AS event_type,
       quantity, toString(unit) AS unit, toString(start_time) AS start_text, toString(end_time) AS end_text,
       toString(status) AS status, toString(error_code) AS error_code, error_message, attempt, business_key,
       length(payload) AS payload_bytes, substringUTF8(payload, 1, {max_payload:UInt32}) AS payload,
       lengthUTF8(payload) > {max_payload:UInt32} AS truncated,
       toJSONString(attributes) AS attributes_json, toString(ingested_at) AS ingested_text
FROM hops
WHERE ${HOPS_OF_MESSAGE} AND hop_id = {hop_id:String}
ORDER BY ingested_at DESC
LIMIT 1`;

/** What the trace shows of a device event: in `events_by_id` since migration 20261212090000, and in `device_events`. */
const EVENT_COLUMNS = `event_id, toString(event_time) AS event_text, toString(plant) AS plant, toString(line) AS line, asset, order_id, material,
       toString(event_type) AS event_type, quantity, toString(unit) AS unit`;

/** Near the message's time: a day either side of its hops (device clocks drift; gateways buffer). */
const NEAR_MESSAGE = `event_time >= fromUnixTimestamp64Micro({from_us:Int64}) - toIntervalDay(1)
  AND event_time <= fromUnixTimestamp64Micro({to_us:Int64}) + toIntervalDay(1)`;

/**
 * The device events a message is about (its business keys), near its time, each as ingested last: from
 * `events_by_id`, sorted by event id (7.2 ms p50 at 100M hops, against 9.2 through the bloom filter of
 * `device_events`, sorted by plant and time). `whole` 0: the event's latest row was written before
 * migration 20261212090000 and carries no asset; its caller reads those events with STORED_EVENTS.
 */
const TRACE_DEVICE_EVENTS = `
SELECT ${EVENT_COLUMNS}, whole
FROM events_by_id
PREWHERE event_id IN {keys:Array(String)}
WHERE ${SCOPE} AND ${NEAR_MESSAGE}
ORDER BY event_id, ingested_at DESC
LIMIT 1 BY event_id`;

/** These device events of the message from `device_events` (bloom filter): for rows stored before `events_by_id` carried them whole. */
export const STORED_EVENTS = `
SELECT ${EVENT_COLUMNS}
FROM device_events
PREWHERE event_id IN {events:Array(String)}
WHERE ${SCOPE} AND ${NEAR_MESSAGE}
ORDER BY event_id, ingested_at DESC
LIMIT 1 BY event_id`;

/** What the trace shows of a posting: in `posting_refs` since migration 20261211090000, and in `erp_postings`. */
const POSTING_COLUMNS = `document_id, toString(posted_at) AS posted_text, toString(plant) AS plant, toString(posting_type) AS posting_type,
       order_id, material, quantity, toString(unit) AS unit, device_event_id, reverses_document_id`;

/**
 * The ERP postings that reference the message's device events, and their reversals, each as ingested
 * last: from `posting_refs` alone, sorted by device event. `whole` 0: the document's latest row was
 * written before that migration and carries only where the posting is; its caller reads those
 * postings with STORED_POSTINGS. In no order: TRACE_FACTS' caller puts them in posting order.
 */
const TRACE_POSTINGS = `
SELECT ${POSTING_COLUMNS}, whole
FROM posting_refs
PREWHERE device_event_id IN {keys:Array(String)}
WHERE ${SCOPE}
ORDER BY document_id, ingested_at DESC
LIMIT 1 BY document_id`;

/**
 * These documents among the postings of the message's device events, from `erp_postings`: where they
 * are from `posting_refs`, then each by its primary key. For rows stored before `posting_refs` carried
 * whole postings (TRACE_POSTINGS).
 */
export const STORED_POSTINGS = `
SELECT ${POSTING_COLUMNS}
FROM erp_postings
PREWHERE (plant, toStartOfHour(posted_at), document_id) IN (
    SELECT plant, toStartOfHour(posted_at), document_id FROM posting_refs
    PREWHERE device_event_id IN {keys:Array(String)}
    WHERE ${SCOPE} AND document_id IN {documents:Array(String)})
WHERE device_event_id IN {keys:Array(String)} AND ${SCOPE}
ORDER BY document_id, ingested_at DESC
LIMIT 1 BY document_id`;

/**
 * The findings about these messages or their device events, as ids with what they are about, through
 * the bloom indexes (most messages have none); their status is read only when there are any. One
 * branch per index: with both conditions in one `OR`, ClickHouse 26.7 skips the same granules but
 * reads slower (50 messages against 166,305 findings: 45.0 / 53.0 ms p50 / p95 on one thread against
 * 34.1 / 42.8, and 25.3 / 35.2 on the default threads; docs/benchmarks.md).
 */
export const FINDING_REFS = `
SELECT finding_id, any(event_ids) AS event_ids, any(correlation_ids) AS correlation_ids
FROM
(
  SELECT finding_id, event_ids, correlation_ids FROM findings PREWHERE hasAny(event_ids, {keys:Array(String)}) WHERE ${SCOPE}
  UNION ALL
  SELECT finding_id, event_ids, correlation_ids FROM findings PREWHERE hasAny(correlation_ids, {ids:Array(String)}) WHERE ${SCOPE}
)
GROUP BY finding_id
LIMIT 1000`;

/**
 * Everything of a message but its hops, in two reads run at once once the message is read: the
 * (correlation id, plant) pairs that carry its business keys (IDS_BY_BUSINESS_KEY) with the findings
 * about it, and its device events with its ERP postings. Each read runs on one thread, its branches one
 * after the other; two halves of about the same cost let the two cores share them. At 100M hops the
 * two took 18.4 / 25.3 ms p50 / p95 at once, and 19.1 / 27.7 paired the other way (docs/benchmarks.md).
 * Row order is the caller's.
 */
const FACTS_SETTINGS = 'min_table_rows_to_use_projection_index = 0';
export const TRACE_FACTS = [
  rowsByKind({ keyed: IDS_BY_BUSINESS_KEY, finding: FINDING_REFS }, FACTS_SETTINGS),
  rowsByKind({ event: TRACE_DEVICE_EVENTS, posting: TRACE_POSTINGS }, FACTS_SETTINGS),
] as const;
