-- Each device event's postings counted as they arrive (issue 10, ADR 0012; docs/benchmarks.md "reconcile").
--
-- A long reconciliation pass aggregated every effective posting of its window per device event (count,
-- first and last time, first quantity and unit, total, first and last document) and sorted the ten
-- million aggregates again before pairing them with the events: at 10M postings most of the event
-- query's CPU. Nearly every event has exactly one posting. This table holds, per device event and month,
-- how many posting rows reference it (reversals included), the earliest and latest posting time, and the
-- posting itself (document, quantity, unit, whether it is a reversal), exact when it is the only one. The
-- pass takes an event whose single posting is no reversal, in its window, at or before its `now` and not
-- cancelled by a reversal from here; every other referenced event (two rows or more, one outside the
-- window or after `now`, a reversal, a cancelled document) is aggregated from `postings_by_event` as
-- before (reconcile.queries.ts). Both tables are filled from the same inserts, so one row here is one
-- row there.
--
-- Counting errs only upwards, and too many only sends an event to the exact path: a document re-sent is
-- counted twice, and a restart of this migration counts the backfilled postings twice. A posting is never
-- left out: the view exists before the backfill, so a posting stored in between is counted twice too.
--
-- Monthly partitions by the posting time: every row holds postings of one month (a row is merged only
-- with rows of its partition), so a window's months are the partitions it reads. An event with postings
-- in two months has a row in each; the pass reads them merged across partitions. Same life as the
-- postings (730 days). On a cluster it lives with its plant's postings (filled on each shard by the
-- view from that shard's postings); `plant` is there to move a plant's rows when it is re-sharded.
CREATE TABLE IF NOT EXISTS event_postings
(
    device_event_id String,
    plant           SimpleAggregateFunction(any, LowCardinality(String)),
    n               SimpleAggregateFunction(sum, UInt64),
    posted_min      SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    posted_max      SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    document_id     SimpleAggregateFunction(any, String),
    quantity        SimpleAggregateFunction(any, Float64),
    unit            SimpleAggregateFunction(any, LowCardinality(String)),
    reversal        SimpleAggregateFunction(max, UInt8)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(posted_min)
ORDER BY device_event_id
TTL toDateTime(posted_max) + INTERVAL 730 DAY
SETTINGS ttl_only_drop_parts = 1,
    min_age_to_force_merge_seconds = 21600, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS event_postings_mv TO event_postings AS
SELECT device_event_id, plant, toUInt64(1) AS n, posted_at AS posted_min, posted_at AS posted_max, document_id, quantity, unit,
       toUInt8(reverses_document_id != '') AS reversal
FROM erp_postings
WHERE device_event_id != '';

-- The postings stored before this migration (10.3M in 4-5 s on a 2-core machine).
INSERT INTO event_postings
SELECT device_event_id, plant, toUInt64(1) AS n, posted_at AS posted_min, posted_at AS posted_max, document_id, quantity, unit,
       toUInt8(reverses_document_id != '') AS reversal
FROM erp_postings
WHERE device_event_id != '';
