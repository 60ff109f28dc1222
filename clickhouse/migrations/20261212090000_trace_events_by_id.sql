-- A trace reads its device event from `events_by_id` by primary key, and the lookup tables kept in
-- monthly partitions merge a closed month into one part (issue 11, ADR 0008; docs/benchmarks.md "query").
--
-- 1. `device_events` is sorted by plant, line and time, so a trace found its device event through the
-- bloom filter of each day around the message: 9.2 ms p50 at 100M hops. `events_by_id` (ADR 0012) is
-- sorted by the event id; once each row carries the asset as well, it answers the trace alone: 7.2 ms.
-- No copy of the stored history: rows written before this migration carry `whole` 0, and a trace reads
-- an event whose latest row is one of them from `device_events` as before, until it ages out. An event
-- re-sent after the upgrade is a `whole` row with a later ingest time than any older one.
ALTER TABLE events_by_id
    ADD COLUMN IF NOT EXISTS asset String DEFAULT '',
    ADD COLUMN IF NOT EXISTS whole UInt8 DEFAULT 0;

ALTER TABLE events_by_id_mv MODIFY QUERY
SELECT event_id, plant, line, event_time, order_id, material, event_type, quantity, unit, ingested_at,
       asset, toUInt8(1) AS whole
FROM device_events;

-- 2. A lookup by key pays for every part it opens (~0.5 ms each): at 100M hops a month, `events_by_id`
-- read an event in 10.9 ms p50 from nine parts and in 7.2 ms once the closed month was one part;
-- `trace_index` a message in 11.8 and 10.4 ms. ClickHouse's ordinary merges leave a month in 6-7 parts.
-- Once every part of a month is six hours old (the month is closed and nothing late has arrived for it
-- since), ClickHouse merges it into one part by itself. Six hours, not the quarter hour of the daily
-- tables (migration 20261206100000): a month of `trace_index` at 100M hops is 5 GiB and merges in
-- ~140 s, so late data for a closed month re-merges it at most four times a day.
ALTER TABLE trace_index MODIFY SETTING
    min_age_to_force_merge_seconds = 21600, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;
ALTER TABLE posting_refs MODIFY SETTING
    min_age_to_force_merge_seconds = 21600, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;
ALTER TABLE events_by_id MODIFY SETTING
    min_age_to_force_merge_seconds = 21600, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;
ALTER TABLE postings_by_event MODIFY SETTING
    min_age_to_force_merge_seconds = 21600, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;
