import { rowsByKind } from '../clickhouse/rows-by-kind';

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

const HOURS = `hour >= ${FROM} AND hour < ${TO}`;

/**
 * ERP postings of the period (reversals aside) per plant and flow, and how many a person had to touch:
 * their device event is in a finding a person acted on (any history event with a role: acknowledged,
 * assigned, commented, resolved, ignored or replayed by hand). From the hourly rollup.
 */
export const ROI_POSTINGS = `
SELECT plant, flow, sum(postings) AS postings, sum(touched) AS touched
FROM roi_postings_hour
WHERE ${HOURS} AND ${SCOPE} AND ${FLOWS('flow')}
GROUP BY plant, flow`;

/**
 * Findings per plant, flow and type: resolved in the period (automatically or by hand, and the time it
 * took from first seen), open now among those that happened in the period (and their value at risk),
 * value recovered in the period (resolved after a replay, or corrected by hand), and incidents: hours
 * in which a plant's flow had failed hops or a line went silent.
 */
export const ROI_FINDINGS = `
SELECT
    f.plant AS plant, f.flow AS flow, f.type AS type,
    countIf(s.last_status = 'resolved_auto' AND s.last_at >= ${FROM} AND s.last_at < ${TO}) AS resolved_auto,
    countIf(s.last_status = 'resolved_manual' AND s.last_at >= ${FROM} AND s.last_at < ${TO}) AS resolved_manual,
    sumIf(greatest(0, dateDiff('second', f.first_seen_at, s.last_at)),
          s.last_status IN ('resolved_auto', 'resolved_manual') AND s.last_at >= ${FROM} AND s.last_at < ${TO}) AS resolve_seconds,
    countIf(s.last_status NOT IN ('resolved_auto', 'resolved_manual', 'ignored') AND f.anchor_at >= ${FROM}) AS open_count,
    sumIf(f.value_at_risk, s.last_status NOT IN ('resolved_auto', 'resolved_manual', 'ignored') AND f.anchor_at >= ${FROM}) AS open_value,
    sumIf(f.value_at_risk, s.last_status = 'resolved_auto' AND s.replayed AND s.last_at >= ${FROM} AND s.last_at < ${TO}) AS recovered_replayed,
    sumIf(f.value_at_risk, s.last_status = 'resolved_manual' AND s.last_at >= ${FROM} AND s.last_at < ${TO}) AS recovered_corrected,
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
    SELECT finding_id, argMax(status, at) AS last_status, max(at) AS last_at, max(status IN ('replay_queued', 'replay_sent')) = 1 AS replayed
    FROM finding_events
    WHERE kind = 'status' AND at >= ${FROM} - ${FINDINGS_LOOKBACK}
    GROUP BY finding_id
) AS s ON s.finding_id = f.finding_id
GROUP BY plant, flow, type`;

/**
 * Inventory accuracy per material, from the hourly rollup: device quantities of the period's events (of
 * the flows asked for) against the ERP quantities posted for them, converted to the event's unit.
 */
export const ROI_INVENTORY = `
SELECT material, unit, sum(device_qty) AS device_qty, sum(erp_qty) AS erp_qty, sum(unconvertible) AS unconvertible
FROM roi_inventory_hour
WHERE ${HOURS} AND ${SCOPE} AND ${FLOWS('flow')}
GROUP BY material, unit`;

/** Maintenance alerts of the period and the time to their first maintenance request posting, from the hourly rollup. */
export const ROI_MAINTENANCE = `
SELECT sum(alerts) AS alerts, sum(responded) AS responded,
       sum(response_seconds) / greatest(1, sum(responded)) AS mean_s, quantilesMerge(0.5)(response)[1] AS p50_s
FROM roi_maintenance_hour
WHERE ${HOURS} AND ${SCOPE}`;

/**
 * The four queries above in one read (rowsByKind): on a cluster each query fans out to every shard.
 * Rows come in no order.
 */
export const ROI_FIGURES = rowsByKind(
  { postings: ROI_POSTINGS, findings: ROI_FINDINGS, inventory: ROI_INVENTORY, maintenance: ROI_MAINTENANCE },
  'join_use_nulls = 0',
);
