-- One part per closed day (issue 11). `hops`, `device_events` and `erp_postings` are partitioned by day,
-- and ClickHouse's ordinary merges leave a day in several parts (4-5 at 100M hops a month). Every
-- lookup by key (a trace's hops, its device event and postings) pays per part: measured at 100M hops,
-- a trace's hops read 14.4 ms (p95 16.0) from a day in one part against 16.7 ms (p95 23.6) in five.
-- Once every part of a partition is 15 minutes old (the day is closed: nothing has arrived for it for a
-- quarter of an hour), ClickHouse merges the partition into one part by itself; data that arrives
-- later for that day (store-and-forward) makes a new part, merged in the same way 15 minutes after.
-- A day of 100M hops a month (400 MiB) merges in ~4 s; merges still respect the pool's size limit.
-- The merge also drops replaced rows (all three are ReplacingMergeTree), so FINAL has less to do.
ALTER TABLE hops MODIFY SETTING
    min_age_to_force_merge_seconds = 900, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;
ALTER TABLE device_events MODIFY SETTING
    min_age_to_force_merge_seconds = 900, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;
ALTER TABLE erp_postings MODIFY SETTING
    min_age_to_force_merge_seconds = 900, min_age_to_force_merge_on_partition_only = 1,
    enable_max_bytes_limit_for_min_age_to_force_merge = 1;
