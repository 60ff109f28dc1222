import { factor, findingId, minutesText, ms, rule, severity, valueOf, withinTolerance } from './reconcile.sql';

/**
 * The reconciliation, as set-based SQL that runs inside ClickHouse (docs/reconciliation.md). Each
 * family query selects the findings that hold at `now_ms` for records anchored in [from_ms, to_ms) and
 * is wrapped by `insertFindings`, which adds severity, first-seen time and the rules version. Records
 * later than `now_ms` are invisible, so a run "as of" a past time sees what a live run saw then.
 */

const NOW = ms('now_ms');
const FROM = ms('from_ms');
const TO = ms('to_ms');
/** Postings may carry a time a little before their event's (clock skew): look this far before the window. */
const POSTING_SKEW = 'toIntervalHour(1)';

/**
 * Where reconciliation reads device events and postings (ADR 0012). `window`: `device_events` and
 * `erp_postings`, sorted by plant and time, so a short window reads only its hours and pairs events
 * with postings in a hash join. `by_event`: their copies sorted by device event id (`events_by_id`,
 * `postings_by_event`), read in that order and paired by merging (the `SETTINGS` insertFindings gives
 * a `by_event` query), for long windows, where a hash join over millions of ids was most of the pass.
 * Only the event and orphan queries read these tables; the others always take `window`.
 */
export type ReconcilePlan = 'window' | 'by_event';

const EVENTS = { window: 'device_events', by_event: 'events_by_id' } as const;
const POSTINGS = { window: 'erp_postings', by_event: 'postings_by_event' } as const;

/**
 * The documents cancelled by reversals posted from `from` to `now`. A reversal that was itself reversed
 * cancels nothing: the reversal of a reversal brings the original back. (One level: a reversal of that
 * again is not followed; ERPs do not reverse reversals of reversals.) Read from `reversals`, the
 * reversals alone (migration 20261213090000): a scan of `erp_postings` read every posting's document id.
 */
const cancelledDocuments = (from: string) => `
      SELECT reverses_document_id FROM reversals
      WHERE posted_at >= ${from} AND posted_at <= ${NOW}
        AND document_id NOT IN (SELECT reverses_document_id FROM reversals WHERE posted_at >= ${from} AND posted_at <= ${NOW})`;

/** Postings that count: not reversals, not cancelled by a reversal visible at `now`, one row per document. */
const effectivePostings = (plan: ReconcilePlan) => `
  SELECT device_event_id, document_id, posted_at, quantity, unit
  FROM ${POSTINGS[plan]} FINAL
  WHERE posted_at >= ${FROM} - ${POSTING_SKEW} AND posted_at <= ${NOW}
    AND device_event_id != '' AND reverses_document_id = ''
    AND document_id NOT IN (${cancelledDocuments(`${FROM} - ${POSTING_SKEW}`)})`;

/**
 * Device events of the window's flows, each joined once to what its effective postings add up to
 * (count, first and last time, first quantity, first unit as an index into the window's units, first
 * and last document); grouped per plant, flow, order, material and time bucket. Each group yields its
 * events' missing, late and duplicate postings and, when the bucket's quantities differ beyond
 * tolerance, one quantity mismatch. The first and last document of each event come with the pairing
 * (ADR 0012): a second read of every posting to name the documents of the findings' events cost more.
 */
const CANDIDATE = `(event_id, line, qty, unit, event_time, due, sla_s, first_at, first_qty, first_unit, total_qty, n, second_at, first_doc, last_doc,
  dev_conv)`;

/**
 * An event's first posting as one number, whose minimum over the event's postings is the earliest
 * posting: in the high 64 bits its time in ms (offset to be positive; 47 bits) and the index of its
 * unit in `units` (17 bits: a window's postings use a few dozen units, far from 131,071), in the low
 * 64 its quantity's bits. One `min` over a number instead of `argMin`s, which for ten million events
 * cost as much as the join itself. 128 bits rather than 256 (time, unit and quantity 64 bits each):
 * 4-12 % less engine CPU for the event query (docs/benchmarks.md).
 */
const MS_OFFSET = '70368744177664'; // 2^46 ms, before any DateTime64
const UNIT_BITS = 17;
const firstPosting = (
  time: string,
) => `bitShiftLeft(toUInt128(bitOr(bitShiftLeft(toUInt64(toUnixTimestamp64Milli(${time}) + ${MS_OFFSET}), ${UNIT_BITS}),
  toUInt64(least(indexOf(units, unit), ${2 ** UNIT_BITS - 1})))), 64) + toUInt128(reinterpretAsUInt64(quantity))`;
/** The high 64 bits of an event's first posting (`firstPosting`): its time and unit. */
const FIRST_HIGH = 'toUInt64(bitShiftRight(p.first, 64))';

/**
 * The order of an event's postings for its first and last document: by time (ms), and at the same
 * moment by a hash of the document id (16 bits), so that two postings of one moment are two documents,
 * the same two in every run. One number: cheaper than a tuple, and than a min and a max of the ids
 * besides (4.5 s more for the full pass).
 */
const DOC_ORDER = `bitOr(bitShiftLeft(toUInt64(toUnixTimestamp64Milli(posted_at) + ${MS_OFFSET}), 16), cityHash64(document_id) % 65536)`;

/** Units of the postings the window can see: the big join carries a posting's unit as its index here. */
const UNITS = `(SELECT groupUniqArray(unit) FROM erp_postings WHERE posted_at >= ${FROM} - ${POSTING_SKEW} AND posted_at <= ${NOW})`;

/** A posting's unit as a bit of its index into `units` (63: that index or beyond), and its quantity weighted by that index. */
const UNIT_BIT = 'bitShiftLeft(toUInt64(1), least(indexOf(units, unit), 63))';
const WEIGHTED_QTY = 'quantity * indexOf(units, unit)';

/**
 * What an event's effective postings add up to, aggregated from `postings` (the effective postings, or
 * a subquery of them). The second posting's time without per-event arrays: exact for two postings; for
 * more, the last one stands for the rest, and the finding's detail lists every posting of the event.
 * The postings' units as bits of their indexes into `units` (63: that index or beyond), and their
 * quantities weighted by that index: two cheap numbers instead of per-unit sums.
 */
const aggregatedPerEvent = (postings: string) => `
      SELECT device_event_id, count() AS n, min(${firstPosting('posted_at')}) AS first, sum(quantity) AS total_qty, max(posted_at) AS second_at,
             groupBitOr(${UNIT_BIT}) AS unit_set, sum(${WEIGHTED_QTY}) AS weighted_qty,
             argMin(document_id, ${DOC_ORDER}) AS first_doc, argMax(document_id, ${DOC_ORDER}) AS last_doc
      FROM (${postings})
      GROUP BY device_event_id`;

/**
 * `event_postings` (migration 20261215090000): the months from the one holding the window's first
 * possible posting (the skew allowance before it) to `now`, merged across partitions, so that an event
 * with postings in two of those months is one row. Both settings are this read's own: the pass keeps
 * partitions apart under `FINAL` (the event copies' rows never span two), and prunes partitions before
 * `FINAL` merges. The second is what makes this read exact: the months before are left out before
 * merging, so no row read holds a posting of them, and the bound on `posted_min` drops no row read.
 * After merging, a bound that cut a merged row would lose the postings it holds from later months.
 */
const eventPostings = (where: string) => `
      SELECT * FROM event_postings FINAL
      WHERE posted_min >= toDateTime64(toStartOfMonth(${FROM} - ${POSTING_SKEW}, 'UTC'), 3, 'UTC') AND posted_min <= ${NOW} AND (${where})
      SETTINGS do_not_merge_across_partitions_select_final = 0, defer_partition_pruning_after_final = 0`;

/**
 * An event whose one posting is all it has, no reversal, in the window (from the skew allowance before
 * it to `now`) and not cancelled: its row in `event_postings` is the posting itself, nothing to aggregate.
 */
const SINGLE_POSTING = `n = 1 AND reversal = 0 AND posted_min >= ${FROM} - ${POSTING_SKEW} AND posted_max <= ${NOW}
        AND document_id NOT IN (${cancelledDocuments(`${FROM} - ${POSTING_SKEW}`)})`;

/** The device events of the window's flows, with the flow each posts to. */
const windowEvents = (plan: ReconcilePlan) => `
      SELECT event_id, plant, line, order_id, material, event_time, quantity AS qty, unit,
             transform(toString(event_type), {et_type:Array(String)}, {et_flow:Array(String)}, '') AS flow
      FROM ${EVENTS[plan]} FINAL
      WHERE event_time >= ${FROM} AND event_time < ${TO} AND event_time <= ${NOW}
        AND event_type IN {et_type:Array(String)}`;

/** The referenced events of `event_postings` not taken as single: aggregated from every posting. */
const NOT_SINGLE = `SELECT device_event_id FROM (${eventPostings(`NOT (${SINGLE_POSTING}) AND posted_max >= ${FROM} - ${POSTING_SKEW}`)})`;

/**
 * What each device event's effective postings add up to (`aggregatedPerEvent`: count, first posting
 * packed, total, last time, unit set, weighted total, first and last document), per event.
 *
 * `window`: the window's postings aggregated.
 *
 * `by_event`: at 10M postings 98 % of the events have a single posting, and aggregating every posting
 * was most of the event query. An event whose single posting is in the window, at or before `now` and
 * not cancelled comes straight from its row in `event_postings`, with nothing to aggregate. Every other
 * referenced event (several postings, one outside the window or after `now`, a cancelled one) is
 * aggregated from `postings_by_event` as `window` does (2 % of them on the bench data). Counting in
 * `event_postings` errs only upwards, so an event taken as single has exactly that posting. On the
 * bench data: the same findings (a hash over every field of the 303,547), the event query's engine CPU
 * 9.1-10.7 s instead of 12.2-13.4 s (docs/benchmarks.md). Pairing the two parts with the events
 * separately, so that the single rows' order by event id spares the merge its sort, cost more: a hash
 * join probed by every event, or the events read twice (11.0-11.5 s).
 */
const POSTINGS_PER_EVENT: Record<ReconcilePlan, string> = {
  window: aggregatedPerEvent(effectivePostings('window')),
  by_event: `
      SELECT device_event_id, toUInt64(1) AS n, ${firstPosting('posted_min')} AS first, quantity AS total_qty, posted_max AS second_at,
             ${UNIT_BIT} AS unit_set, ${WEIGHTED_QTY} AS weighted_qty, document_id AS first_doc, document_id AS last_doc
      FROM (${eventPostings(SINGLE_POSTING)})
      UNION ALL
      ${aggregatedPerEvent(`${effectivePostings('by_event')}
        AND device_event_id IN (${NOT_SINGLE})`)}`,
};

export const eventFindings = (plan: ReconcilePlan) => `
WITH ${UNITS} AS units
SELECT
  finding_id, type, plant, line, flow, order_id, material, event_ids, posting_ids, CAST([] AS Array(String)) AS correlation_ids,
  device_quantity, erp_quantity, unit, value_at_risk, anchor_at, condition_since, toUInt8(1) AS active,
  concat(details_before, multiIf(type = 'late_posting', posting_ids[1], type = 'duplicate_posting', arrayStringConcat(posting_ids, ', '), ''),
         details_after) AS details,
  '' AS resolution_hint
FROM
(
SELECT
  ${findingId('x.1', "if(x.1 = 'quantity_mismatch', [toString(plant), toString(flow), order_id, material, toString(bucket)], [c.1])")} AS finding_id,
  x.1 AS type, plant, toString(if(x.1 = 'quantity_mismatch', line_any, c.2)) AS line, flow, order_id, material,
  if(x.1 = 'quantity_mismatch', diff_events, [c.1]) AS event_ids,
  -- A late posting's first document; a duplicate's first and last (DOC_ORDER: two posted at the same
  -- moment are both named); a mismatch's first of each event.
  multiIf(x.1 = 'quantity_mismatch', diff_docs, x.1 = 'late_posting', [c.14], x.1 = 'duplicate_posting', arrayDistinct([c.14, c.15]),
          CAST([] AS Array(String))) AS posting_ids,
  -- Quantities in the unit of the ERP side (its first posting's), the device's converted into it; a
  -- missing posting's in the device's unit; a mismatch's in the unit its sums are in.
  CAST(multiIf(x.1 = 'quantity_mismatch', if(mixed_units, NULL, dev_sum), x.1 IN ('late_posting', 'duplicate_posting'),
               if(isFinite(c.16), c.16, NULL), c.3) AS Nullable(Float64)) AS device_quantity,
  CAST(multiIf(x.1 = 'quantity_mismatch', if(mixed_units, NULL, erp_sum), x.1 = 'late_posting', c.9, x.1 = 'duplicate_posting', if(isFinite(c.11), c.11, NULL), NULL) AS Nullable(Float64)) AS erp_quantity,
  toString(multiIf(x.1 = 'quantity_mismatch', erp_unit, x.1 IN ('late_posting', 'duplicate_posting'), c.10, c.4)) AS unit,
  multiIf(
    x.1 = 'missing_posting', ${valueOf('material', 'c.3', 'toString(c.4)')},
    x.1 = 'duplicate_posting', ${valueOf('material', 'c.11 - c.9', 'toString(c.10)')},
    x.1 = 'quantity_mismatch' AND NOT mixed_units, ${valueOf('material', 'dev_sum - erp_sum', 'toString(erp_unit)')},
    0.0) AS value_at_risk,
  if(x.1 = 'quantity_mismatch', bucket, c.5) AS anchor_at,
  multiIf(x.1 = 'missing_posting', c.6, x.1 = 'late_posting', c.8, x.1 = 'duplicate_posting', c.13, last_posted) AS condition_since,
  -- The details around the document ids (late: before the first; duplicate: before the list).
  multiIf(
    x.1 = 'missing_posting',
      concat('no ERP posting references device event ', c.1, ' ', ${minutesText('c.6', NOW)}, ' after its SLA of ', toString(c.7 / 60), ' min'),
    x.1 = 'late_posting', 'posting ',
    x.1 = 'duplicate_posting', concat(toString(c.12), ' postings reference device event ', c.1, ': '),
    unconvertible > 0,
      concat('no unit conversion ', unconvertible_units.1, ' to ', unconvertible_units.2, ' for material ', material, ': quantities cannot be compared'),
    mixed_units,
      concat('order ', order_id, ': device events in ', dev_unit_min, ' and ', dev_unit_max, ', postings in ', erp_unit_min, ' and ', erp_unit_max,
             ' in the bucket from ', toString(bucket), ': the events listed differ from their postings'),
    concat('order ', order_id, ': device ', toString(round(dev_sum, 6)), ' ', erp_unit, ', ERP ', toString(round(erp_sum, 6)), ' ', erp_unit,
           ' in the bucket from ', toString(bucket))) AS details_before,
  if(x.1 = 'late_posting', concat(' arrived ', ${minutesText('c.5', 'c.8')}, ' after the event; SLA ', toString(c.7 / 60), ' min'), '') AS details_after
FROM
(
  SELECT
    plant, flow, order_id, material, bucket,
    any(line) AS line_any,
    -- The sums of the posted events, in one unit: the postings' when they share one (each event's device
    -- quantity converted into its first posting's unit), else the device events' when they share one
    -- (each first posting converted into its event's unit); in neither (mixed_units), no sums.
    minIf(first_unit, n > 0) AS erp_unit_min, maxIf(first_unit, n > 0) AS erp_unit_max,
    minIf(unit, n > 0) AS dev_unit_min, maxIf(unit, n > 0) AS dev_unit_max,
    erp_unit_min = erp_unit_max AS one_erp_unit,
    NOT one_erp_unit AND dev_unit_min != dev_unit_max AS mixed_units,
    if(one_erp_unit, sumIf(dev_conv, n > 0 AND isFinite(dev_conv)), sumIf(qty, n > 0 AND isFinite(dev_conv))) AS dev_sum,
    if(one_erp_unit, sumIf(first_qty, n > 0 AND isFinite(dev_conv)), sumIf(erp_conv, n > 0 AND isFinite(dev_conv))) AS erp_sum,
    if(one_erp_unit, erp_unit_min, dev_unit_min) AS erp_unit,
    countIf(n > 0 AND NOT isFinite(dev_conv)) AS unconvertible,
    anyIf((unit, first_unit), n > 0 AND NOT isFinite(dev_conv)) AS unconvertible_units,
    -- Sorted: the same finding lists its events in the same order in every run.
    arraySort(groupArrayIf((event_id, first_doc), differs)) AS diffs,
    arrayMap(d -> d.1, diffs) AS diff_events,
    arrayMap(d -> d.2, diffs) AS diff_docs,
    maxIf(first_at, n > 0) AS last_posted,
    any(tabs) AS tabs_any, any(tpct) AS tpct_any,
    groupArrayIf(${CANDIDATE}, n = 0 AND due <= ${NOW}) AS missing,
    groupArrayIf(${CANDIDATE}, n > 0 AND first_at > due) AS late,
    groupArrayIf(${CANDIDATE}, n > 1) AS duplicate
  FROM
  (
    SELECT
      e.event_id AS event_id, e.plant AS plant, e.line AS line, e.order_id AS order_id, e.material AS material,
      e.event_time AS event_time, e.qty AS qty, e.unit AS unit, e.flow AS flow,
      ${rule('e.flow', 'sla')} AS sla_s,
      ${rule('e.flow', 'tabs')} AS tabs,
      ${rule('e.flow', 'tpct')} AS tpct,
      e.event_time + toIntervalSecond(sla_s) AS due,
      toDateTime64(intDiv(toUnixTimestamp64Milli(e.event_time), ${rule('e.flow', 'bucket')} * 60000) * (${rule('e.flow', 'bucket')} * 60000) / 1000, 3, 'UTC') AS bucket,
      p.n AS n,
      if(n > 0, fromUnixTimestamp64Milli(toInt64(bitShiftRight(${FIRST_HIGH}, ${UNIT_BITS})) - ${MS_OFFSET}, 'UTC'), toDateTime64(0, 3, 'UTC')) AS first_at,
      reinterpretAsFloat64(toUInt64(bitAnd(p.first, toUInt128('18446744073709551615')))) AS first_qty,
      units[first_k] AS first_unit,
      p.second_at AS second_at, p.first_doc AS first_doc, p.last_doc AS last_doc,
      -- What the event's postings add up to, in its first posting's unit (a duplicate's ERP quantity).
      -- In one unit (nearly always), their sum T. In two, of indexes lo < hi, the sum in hi is
      -- (W - lo * T) / (hi - lo), W being the sum weighted by the index, and the other unit's sum is
      -- converted (nan when no conversion is known). In three or more, nan: the pass keeps no lists.
      bitAnd(${FIRST_HIGH}, ${2 ** UNIT_BITS - 1}) AS first_k,
      toUInt64(log2(p.unit_set - bitAnd(p.unit_set, p.unit_set - 1))) AS unit_lo,
      toUInt64(log2(bitAnd(p.unit_set, p.unit_set - 1))) AS unit_hi,
      (p.weighted_qty - unit_lo * p.total_qty) / (unit_hi - unit_lo) AS qty_hi,
      multiIf(bitCount(p.unit_set) <= 1, p.total_qty,
              bitCount(p.unit_set) > 2 OR bitTest(p.unit_set, 63), nan,
              first_k = unit_lo, round(p.total_qty - qty_hi + qty_hi * ${factor('e.material', 'units[unit_hi]', 'first_unit')}, 9),
              round(qty_hi + (p.total_qty - qty_hi) * ${factor('e.material', 'units[unit_lo]', 'first_unit')}, 9)) AS total_qty,
      if(e.unit = first_unit OR p.n = 0, e.qty, e.qty * ${factor('e.material', 'e.unit', 'first_unit')}) AS dev_conv,
      if(e.unit = first_unit OR p.n = 0, first_qty, first_qty * ${factor('e.material', 'first_unit', 'e.unit')}) AS erp_conv,
      p.n > 0 AND (NOT isFinite(dev_conv) OR abs(dev_conv - first_qty) > 1e-9 * greatest(1, abs(dev_conv))) AS differs
    FROM (${windowEvents(plan)}) AS e
    LEFT JOIN (${POSTINGS_PER_EVENT[plan]}) AS p ON p.device_event_id = e.event_id
  )
  GROUP BY plant, flow, order_id, material, bucket
)
ARRAY JOIN arrayConcat(
  arrayMap(c -> ('missing_posting', c), missing),
  arrayMap(c -> ('late_posting', c), late),
  arrayMap(c -> ('duplicate_posting', c), duplicate),
  if(length(diff_events) > 0 AND (unconvertible > 0 OR mixed_units OR NOT ${withinTolerance('dev_sum', 'erp_sum', 'tabs_any', 'tpct_any')}),
     [('quantity_mismatch', ('', line_any, 0.0, erp_unit, bucket, bucket, toUInt32(0), bucket, 0.0, erp_unit, 0.0, toUInt64(0), bucket, '', '', 0.0))],
     [])
) AS x
ARRAY JOIN [x.2] AS c
)`;

/**
 * Postings no device event accounts for: one that references an event Syncline never saw (once the
 * flow's grace period for late device data has passed), or none where the flow requires one.
 * Reversals and reversed postings are not orphans. `by_event`: the window's referenced ids and the
 * known event ids, both read sorted, are merged once; only the postings of ids with no event are read
 * in full. `window`: for short windows (`lookup`) the referenced events are looked up by id (bloom
 * filter); for long ones every event id is read once.
 */
export function orphanFindings(plan: ReconcilePlan, lookup: boolean): string {
  const unknownIds = `
    AND (device_event_id = '' OR device_event_id IN (
      SELECT r.device_event_id
      FROM (SELECT device_event_id FROM postings_by_event WHERE posted_at >= ${FROM} AND posted_at < ${TO} AND device_event_id != '') AS r
      LEFT JOIN (SELECT event_id FROM events_by_id WHERE event_time <= ${NOW}) AS e ON e.event_id = r.device_event_id
      WHERE e.event_id = ''))`;
  const knownEvents = lookup
    ? `SELECT event_id FROM device_events WHERE event_time <= ${NOW} AND event_id IN (
         SELECT device_event_id FROM erp_postings WHERE posted_at >= ${FROM} AND posted_at < ${TO} AND device_event_id != '')`
    : `SELECT event_id FROM device_events WHERE event_time <= ${NOW}`;
  // by_event narrows the postings it reads to the unknown ids; window anti-joins them with the known events.
  const [narrow, antiJoin] =
    plan === 'by_event' ? [unknownIds, ''] : ['', `\nLEFT ANTI JOIN (${knownEvents}) AS e ON e.event_id = p.device_event_id`];
  return `
SELECT
  ${findingId("'orphan_posting'", '[document_id]')} AS finding_id, 'orphan_posting' AS type, plant, o.line AS line, pflow AS flow,
  p.order_id AS order_id, material,
  if(device_event_id = '', CAST([] AS Array(String)), [device_event_id]) AS event_ids, [document_id] AS posting_ids,
  CAST([] AS Array(String)) AS correlation_ids, CAST(NULL AS Nullable(Float64)) AS device_quantity,
  CAST(quantity AS Nullable(Float64)) AS erp_quantity, toString(unit) AS unit, ${valueOf('material', 'quantity', 'unit')} AS value_at_risk,
  posted_at AS anchor_at, if(device_event_id = '', posted_at, posted_at + toIntervalSecond(${rule('pflow', 'grace')})) AS condition_since,
  toUInt8(1) AS active,
  if(device_event_id = '',
     concat('posting ', document_id, ' references no device event; flow ', pflow, ' requires one'),
     concat('posting ', document_id, ' references device event ', device_event_id, ', which Syncline never received')) AS details,
  '' AS resolution_hint
FROM
(
  SELECT document_id, toString(plant) AS plant, order_id, material, quantity, unit, posted_at, device_event_id,
         if(flow != '', toString(flow), transform(toString(posting_type), {pt_type:Array(String)}, {pt_flow:Array(String)}, '')) AS pflow
  FROM erp_postings FINAL
  WHERE posted_at >= ${FROM} AND posted_at < ${TO} AND posted_at <= ${NOW} AND reverses_document_id = ''
    AND document_id NOT IN (${cancelledDocuments(FROM)})${narrow}
) AS p${antiJoin}
-- The line, from the order's device events (a posting has no line of its own).
LEFT JOIN
(
  SELECT order_id, toString(any(line)) AS line FROM device_events
  WHERE event_time >= ${FROM} - toIntervalHour(1) AND event_time <= ${NOW} AND order_id != ''
  GROUP BY order_id
) AS o ON o.order_id = p.order_id
WHERE pflow IN {r_flow:Array(String)}
  AND ((device_event_id = '' AND ${rule('pflow', 'ref')} = 1)
    OR (device_event_id != '' AND posted_at + toIntervalSecond(${rule('pflow', 'grace')}) <= ${NOW}))`;
}

/**
 * Messages whose last hop (the one that started last) is an error or a drop, with no later success. A
 * replay's own hops (stage `replay`) do not count: a replay that was sent is no success until the ERP
 * books it, so a message whose device event has an ERP posting by `now` (not cancelled by a reversal)
 * is no failed hop either (issue 13). The failed
 * messages are the join's hash table and the window's postings stream past it (RIGHT ANTI JOIN):
 * a `NOT IN` over the postings built a set of every posted event first (7-11 s at 10M postings).
 */
export const FAILED_HOP_FINDINGS = `
SELECT
  ${findingId("'failed_hop'", '[correlation_id]')} AS finding_id, 'failed_hop' AS type, plant, line, flow, order_id, material,
  if(business_key = '', CAST([] AS Array(String)), [business_key]) AS event_ids, CAST([] AS Array(String)) AS posting_ids,
  [correlation_id] AS correlation_ids, quantity AS device_quantity, CAST(NULL AS Nullable(Float64)) AS erp_quantity,
  toString(unit) AS unit, ${valueOf('material', 'ifNull(quantity, 0)', 'unit')} AS value_at_risk,
  last_at AS anchor_at, last_at AS condition_since, toUInt8(1) AS active,
  concat('last hop ', last_stage, ' ', last_status, if(last_code != '', concat(' (', last_code, if(last_message != '', concat(': ', last_message), ''), ')'), ''),
         ' after ', toString(attempts), ' attempt(s); no later hop succeeded') AS details,
  '' AS resolution_hint
FROM
(
  SELECT device_event_id FROM erp_postings
  WHERE device_event_id != '' AND reverses_document_id = '' AND posted_at >= ${FROM} - ${POSTING_SKEW} AND posted_at <= ${NOW}
    AND document_id NOT IN (${cancelledDocuments(`${FROM} - ${POSTING_SKEW}`)})
) AS p
RIGHT ANTI JOIN
(
  SELECT
    correlation_id,
    -- The last hop is the one that started last (a parent span that ends after its failed child, or a
    -- timed-out call that ends after the posting, is not the last); of the same start, the higher
    -- attempt; of the same hop ingested twice, the copy ingested last.
    toString(argMax(status, tuple(start_time, attempt, end_time, ingested_at))) AS last_status,
    toString(argMax(stage, tuple(start_time, attempt, end_time, ingested_at))) AS last_stage,
    toString(argMax(error_code, tuple(start_time, attempt, end_time, ingested_at))) AS last_code,
    argMax(error_message, tuple(start_time, attempt, end_time, ingested_at)) AS last_message,
    max(attempt) AS attempts,
    max(end_time) AS last_at_us,
    toDateTime64(last_at_us, 3, 'UTC') AS last_at,
    toString(anyIf(plant, plant != '')) AS plant, toString(anyIf(line, line != '')) AS line, toString(any(flow)) AS flow,
    anyIf(order_id, order_id != '') AS order_id, anyIf(material, material != '') AS material,
    anyIf(business_key, business_key != '') AS business_key,
    maxIf(quantity, stage = 'device') AS device_qty, max(quantity) AS any_qty, if(isNull(device_qty), any_qty, device_qty) AS quantity,
    anyIf(unit, unit != '') AS unit
  FROM hops
  WHERE start_time >= ${FROM} AND start_time < ${TO} AND start_time <= ${NOW} AND flow IN {r_flow:Array(String)}
    AND stage != 'replay'
  GROUP BY correlation_id
  HAVING last_status IN ('error', 'dropped')
) AS f ON p.device_event_id = f.business_key`;

/** Whether the minute starting at unix second `x` is working time of `plant`'s `line` (bound calendars). */
function working(x: string): string {
  const local = `toDateTime(${x}, {tz:String})`;
  const mow = `((toDayOfWeek(${local}) - 1) * 1440 + toHour(${local}) * 60 + toMinute(${local}))`;
  return `((NOT has({sh_plant:Array(String)}, plant)
      OR arrayExists((p, s, e) -> p = plant AND ${mow} >= s AND ${mow} < e, {sh_plant:Array(String)}, {sh_start:Array(UInt32)}, {sh_end:Array(UInt32)}))
    AND NOT arrayExists((p, a, b) -> p = plant AND ${x} * 1000 >= a AND ${x} * 1000 < b, {st_plant:Array(String)}, {st_from:Array(Int64)}, {st_to:Array(Int64)})
    AND NOT arrayExists((p, l, a, b) -> p = plant AND l = line AND ${x} * 1000 >= a AND ${x} * 1000 < b,
      {si_plant:Array(String)}, {si_line:Array(String)}, {si_from:Array(Int64)}, {si_to:Array(Int64)}))`;
}

const SILENT_MINUTES = `transform(plant, {sl_plant:Array(String)}, {sl_minutes:Array(UInt32)}, {sl_default:UInt32})`;

/** The minute that holds the run's `now`: its events are read up to `now`, not from `line_minutes`. */
const NOW_MINUTE = `toStartOfMinute(toDateTime(${NOW}, 'UTC'))`;

/** Where the silent-line query starts reading event minutes: midnight (UTC) of its lookback's first day. */
const SILENT_FROM_DAY = `toDateTime64(toStartOfDay(${FROM} - toIntervalDay({sl_lookback_days:UInt32})), 3, 'UTC')`;

/**
 * Lines of the plants in one time zone that sent no device event for their plant's silent minutes of
 * working time. One finding per silence, anchored at the last event before it (however long ago, up to
 * `sl_max_days`: a line quiet for longer is left as it stands); a silence that already ended is
 * recorded as it was (active = 0) and resolved with when events resumed.
 */

export const SILENT_LINE_FINDINGS = `
SELECT
  ${findingId("'silent_line'", '[plant, line, toString(gap_start)]')} AS finding_id, 'silent_line' AS type, plant, line,
  '' AS flow, '' AS order_id, '' AS material, CAST([] AS Array(String)) AS event_ids, CAST([] AS Array(String)) AS posting_ids,
  CAST([] AS Array(String)) AS correlation_ids, CAST(NULL AS Nullable(Float64)) AS device_quantity,
  CAST(NULL AS Nullable(Float64)) AS erp_quantity, '' AS unit, 0.0 AS value_at_risk,
  toDateTime64(gap_start, 3, 'UTC') AS anchor_at,
  toDateTime64(working_minutes[silent_minutes] + 60, 3, 'UTC') AS condition_since,
  toUInt8(next_m = 0) AS active,
  concat('no device events from line ', line, ' since ', toString(toDateTime(gap_start + 60, 'UTC')), ' UTC: ',
         toString(length(working_minutes)), ' min of working time') AS details,
  if(next_m = 0, '', concat('events resumed at ', toString(toDateTime(next_m, 'UTC')), ' UTC after ',
         toString(length(working_minutes)), ' min of working time')) AS resolution_hint
FROM
(
  SELECT plant, line, toUInt32(m) AS gap_start, toUInt32(next) AS next_m, ${SILENT_MINUTES} AS silent_minutes,
         arrayFilter(x -> ${working('x')}, range(toUInt32(m) + 60, toUInt32(if(next_m > 0, next_m, toUInt32(${NOW}))), 60)) AS working_minutes
  FROM
  (
    SELECT plant, line, m,
           leadInFrame(m, 1, toDateTime(0, 'UTC')) OVER (PARTITION BY plant, line ORDER BY m ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next
    FROM
    (
      -- Event minutes from the day the lookback starts in: the whole minutes before now's from
      -- line_minutes, now's own from the events up to now. Before that day, each line's last event
      -- (line_days), so that a gap longer than the lookback starts where the line really fell silent.
      SELECT plant, line, m FROM
      (
        SELECT toString(plant) AS plant, toString(line) AS line, minute AS m
        FROM line_minutes
        WHERE minute >= ${SILENT_FROM_DAY} AND minute < ${NOW_MINUTE}
          AND plant IN {tz_plants:Array(String)}
        UNION ALL
        SELECT toString(plant) AS plant, toString(line) AS line, toStartOfMinute(toDateTime(event_time, 'UTC')) AS m
        FROM device_events
        WHERE event_time >= greatest(${SILENT_FROM_DAY}, ${NOW_MINUTE}) AND event_time <= ${NOW}
          AND plant IN {tz_plants:Array(String)} AND line != ''
        UNION ALL
        SELECT toString(plant) AS plant, toString(line) AS line, toStartOfMinute(toDateTime(max(last_event), 'UTC')) AS m
        FROM line_days
        WHERE day < toDate(${SILENT_FROM_DAY}) AND day >= toDate(${FROM} - toIntervalDay({sl_max_days:UInt32}))
          AND plant IN {tz_plants:Array(String)}
        GROUP BY plant, line
      )
      GROUP BY plant, line, m
    )
  )
  WHERE dateDiff('minute', m, if(next > toDateTime(0, 'UTC'), next, toDateTime(${NOW}, 'UTC'))) > ${SILENT_MINUTES}
    AND if(next > toDateTime(0, 'UTC'), next, toDateTime(${NOW}, 'UTC')) >= ${FROM}
)
WHERE length(working_minutes) >= silent_minutes`;

const FAMILY_COLUMNS = [
  'type',
  'plant',
  'line',
  'flow',
  'order_id',
  'material',
  'event_ids',
  'posting_ids',
  'correlation_ids',
  'device_quantity',
  'erp_quantity',
  'unit',
  'value_at_risk',
  'anchor_at',
  'condition_since',
  'active',
  'details',
  'resolution_hint',
] as const;

/**
 * Each finding of `family` with when it was first seen: its earliest `first_seen_at` in `findings`
 * ('1970' when never). `window`: a window's findings are few, so they are the join's hash table and
 * the stored findings stream past it, filtered by their ids as ClickHouse reads them (a runtime filter
 * of the join); 0.03-0.04 s against 0.08-0.22 s for grouping every stored finding of the month first.
 * `by_event`: a long window's findings are many; the stored ones are grouped first and joined to them.
 */
function withFirstSeen(family: string, plan: ReconcilePlan): string {
  const stored = `FROM findings WHERE anchor_at >= ${FROM} - toIntervalDay(8) AND type IN {run_types:Array(String)}`;
  if (plan === 'by_event') {
    return `
  SELECT c.finding_id AS finding_id, ${FAMILY_COLUMNS.map((k) => `c.${k} AS ${k}`).join(', ')}, x.first_seen AS first_seen
  FROM (${family}) AS c
  LEFT JOIN (SELECT finding_id, min(first_seen_at) AS first_seen ${stored} GROUP BY finding_id) AS x ON x.finding_id = c.finding_id`;
  }
  return `
  SELECT c.finding_id AS finding_id, ${FAMILY_COLUMNS.map((k) => `any(c.${k}) AS ${k}`).join(', ')}, min(x.first_seen_at) AS first_seen
  FROM (SELECT finding_id, first_seen_at ${stored}) AS x
  RIGHT JOIN (${family}) AS c ON x.finding_id = c.finding_id
  GROUP BY c.finding_id`;
}

/**
 * The wrapper every family's rows go through: severity, priority, first seen, rules version. A
 * `by_event` family's joins merge its two sorted reads instead of hashing them.
 */
export function insertFindings(family: string, plan: ReconcilePlan = 'window'): string {
  const RUN = ms('run_ms');
  return `
INSERT INTO findings (finding_id, type, plant, line, flow, order_id, material, event_ids, posting_ids, correlation_ids,
  device_quantity, erp_quantity, unit, value_at_risk, currency, severity, priority, anchor_at, condition_since,
  first_seen_at, last_seen_at, active, details, resolution_hint, rules_version, version)
SELECT
  c.finding_id, c.type, c.plant, c.line, c.flow, c.order_id, c.material, c.event_ids, c.posting_ids, c.correlation_ids,
  c.device_quantity, c.erp_quantity, c.unit, round(c.value_at_risk, 2), {currency:String},
  ${severity(rule('c.flow', 'prio'), 'c.value_at_risk', rule('c.flow', 'high'))},
  ${rule('c.flow', 'prio')},
  c.anchor_at, c.condition_since,
  if(c.first_seen > toDateTime64(0, 3, 'UTC'), least(c.first_seen, ${RUN}), ${RUN}),
  ${RUN}, c.active, c.details, c.resolution_hint, ${rule('c.flow', 'version')}, {run_version:UInt64}
FROM (${withFirstSeen(family, plan)}) AS c${plan === 'by_event' ? "\nSETTINGS join_algorithm = 'full_sorting_merge', optimize_aggregation_in_order = 1" : ''}`;
}

/** Statuses reconciliation may close by itself (a person's resolved or ignored stays as they left it). */
export const ACTIVE_STATUSES = ['open', 'acknowledged', 'assigned', 'replay_queued', 'replay_sent'] as const;

/** A finding this run did not see true, or saw only as a past condition (HAVING over its stored rows). */
const NOT_TRUE_NOW = `argMax(last_seen_at, version) < ${ms('run_ms')} OR argMax(active, version) = 0`;

/** Stored findings in a run's scope: its types, its window (silent lines further back) and its flows. */
const FINDINGS_IN_SCOPE = `type IN {run_types:Array(String)}
      AND anchor_at >= ${FROM} - toIntervalDay(if(type = 'silent_line', {sl_max_days:UInt32}, 0)) AND anchor_at < ${TO}
      AND (type = 'silent_line' OR flow IN {r_flow:Array(String)})`;

/**
 * The latest version of each finding in a run's scope, with its current status ('' = never changed =
 * open). `candidates`, a HAVING condition on a finding's rows: only the findings that meet it are read
 * whole, their ids picked first from the columns the condition names. After a long pass nearly every
 * finding was seen again and needs none of its details, event ids or hints (resolving after the reconcile
 * benchmark's 400,000 findings: 0.8 s reading them all, 0.3 s so; docs/benchmarks.md).
 */
const scopedFindings = (candidates?: string) => `
  SELECT f.finding_id AS finding_id, f.plant AS plant, f.type AS type, f.last_seen AS last_seen, f.active AS active, f.event_ids AS event_ids,
         f.hint AS hint, f.version AS version, f.flow AS flow, f.due AS due, f.details AS details,
         s.status AS status, s.last_event AS last_event, s.status_by AS status_by, s.status_at AS status_at
  FROM
  (
    SELECT finding_id, any(plant) AS plant, argMax(type, version) AS type, argMax(last_seen_at, version) AS last_seen, argMax(active, version) AS active,
           argMax(event_ids, version) AS event_ids, argMax(resolution_hint, version) AS hint, argMax(flow, version) AS flow,
           argMax(condition_since, version) AS due, argMax(details, version) AS details, max(version) AS version
    FROM findings
    WHERE ${FINDINGS_IN_SCOPE}${
      candidates
        ? `
      AND finding_id IN (SELECT finding_id FROM findings WHERE ${FINDINGS_IN_SCOPE} GROUP BY finding_id
        HAVING ${candidates})`
        : ''
    }
    GROUP BY finding_id
  ) AS f
  LEFT JOIN
  (
    SELECT finding_id, argMax(status, tuple(at, event_id)) AS status, argMax(event_id, tuple(at, event_id)) AS last_event,
           argMax(actor, tuple(at, event_id)) AS status_by, max(at) AS status_at
    FROM finding_events
    WHERE kind IN ('status', 'assign') AND at >= ${FROM} - toIntervalDay(400)
    GROUP BY finding_id
  ) AS s ON s.finding_id = f.finding_id`;

/**
 * Findings in scope that this run did not see true (or saw only as a past condition) and that nobody
 * closed: resolved automatically, with the reason. A missing posting names the posting that arrived.
 */
export const RESOLVE_FINDINGS = `
INSERT INTO finding_events (finding_id, event_id, at, kind, status, assignee, comment, actor, actor_role, plant)
SELECT
  g.finding_id,
  concat('auto-', substring(lower(hex(SHA256(concat(g.finding_id, '|resolved_auto|', toString(g.version))))), 1, 24)),
  ${ms('run_ms')}, 'status', 'resolved_auto', '',
  multiIf(
    g.active = 0 AND g.hint != '', g.hint,
    g.status IN ('replay_queued', 'replay_sent') AND p.document_id != '',
      concat('replayed by ', g.status_by, ' at ', toString(g.status_at), ' UTC; posting ', p.document_id, ' arrived'),
    g.type = 'missing_posting' AND p.document_id != '',
      if(p.posted_at > g.due,
         concat('posting ', p.document_id, ' arrived ', ${minutesText('g.due', 'p.posted_at')}, ' late'),
         concat('posting ', p.document_id, ' was posted within the SLA; it reached Syncline late')),
    g.type = 'missing_posting', 'no longer missing under the rules in force',
    g.type = 'failed_hop' AND p.document_id != '', concat('posting ', p.document_id, ' booked its device event ', g.first_event),
    g.type = 'late_posting', 'no longer late under the rules in force',
    g.type = 'duplicate_posting', 'the extra postings were reversed',
    g.type = 'quantity_mismatch', 'the quantities agree now',
    g.type = 'orphan_posting', 'the referenced device event arrived, or the posting was reversed',
    g.type = 'failed_hop', 'a later hop of the message succeeded',
    g.type = 'silent_line', 'device events arrived for that time',
    'no longer found'),
  'reconciliation', '', g.plant
FROM
(
  SELECT finding_id, plant, type, active, hint, version, due, if(length(event_ids) > 0, event_ids[1], '') AS first_event, status, status_by, status_at
  FROM (${scopedFindings(NOT_TRUE_NOW)})
  WHERE status IN ('', ${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})
) AS g
LEFT JOIN
(
  SELECT device_event_id, argMin(document_id, posted_at) AS document_id, min(posted_at) AS posted_at
  FROM erp_postings
  WHERE posted_at >= ${FROM} - ${POSTING_SKEW} AND posted_at <= ${NOW} AND reverses_document_id = ''
    AND document_id NOT IN (${cancelledDocuments(`${FROM} - ${POSTING_SKEW}`)})
    AND device_event_id IN (
      SELECT arrayJoin(event_ids) FROM findings
      WHERE type IN ('missing_posting', 'failed_hop') AND anchor_at >= ${FROM} AND anchor_at < ${TO} AND last_seen_at < ${ms('run_ms')})
  GROUP BY device_event_id
) AS p ON p.device_event_id = g.first_event`;

/** Findings a person had left to reconciliation that it closed, and that are true again: reopened. */
export const REOPEN_FINDINGS = `
INSERT INTO finding_events (finding_id, event_id, at, kind, status, assignee, comment, actor, actor_role, plant)
SELECT
  finding_id,
  concat('auto-', substring(lower(hex(SHA256(concat(finding_id, '|reopen|', last_event)))), 1, 24)),
  ${ms('run_ms')}, 'status', 'open', '', concat('true again: ', details), 'reconciliation', '', plant
FROM (${scopedFindings()})
WHERE last_seen >= ${ms('run_ms')} AND active = 1 AND status = 'resolved_auto'`;

/**
 * Findings a replay was sent for, still true once the flow's SLA has passed since the send: the ERP
 * never booked it. Open again, with the reason, for a person to look at (issue 13).
 */
export const REPLAY_EXPIRED = `
INSERT INTO finding_events (finding_id, event_id, at, kind, status, assignee, comment, actor, actor_role, plant)
SELECT
  finding_id,
  concat('auto-', substring(lower(hex(SHA256(concat(finding_id, '|replay-expired|', last_event)))), 1, 24)),
  ${ms('run_ms')}, 'status', 'open', '',
  concat('replayed by ', status_by, ' at ', toString(status_at), ' UTC; no posting arrived within the SLA of ',
         toString(${rule('flow', 'sla')} / 60), ' min'),
  'reconciliation', '', plant
FROM (${scopedFindings()})
WHERE last_seen >= ${ms('run_ms')} AND active = 1 AND status = 'replay_sent'
  AND status_at + toIntervalSecond(${rule('flow', 'sla')}) <= ${NOW}`;
