-- Where each ERP posting is, by the device event it references and by its document id (issue 11,
-- ADR 0008). `erp_postings` is sorted for reconciliation (plant, hour, document) in daily partitions,
-- so "the postings of device event E" checked the bloom filter of every day since the message (at
-- 100M hops, ~50 ms a trace) and "the posting with document D" one projection granule in each of ~80
-- daily parts. Here one narrow row per posting, in monthly partitions (few parts) sorted by device
-- event: a trace reads one small granule per part for the keys, then each posting by the primary key
-- of `erp_postings` (plant, hour, document). An index projection on the document id serves the search.
--
-- Kept by a plain materialized view, one row per inserted posting and no aggregation; duplicates from a
-- retried ingest are harmless (the readers look postings up by key and keep the latest ingest).
CREATE TABLE IF NOT EXISTS posting_refs
(
    device_event_id String,
    plant           LowCardinality(String),
    posted_at       DateTime64(3, 'UTC'),
    document_id     String,
    PROJECTION p_document_id INDEX document_id TYPE basic
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(posted_at)
ORDER BY (device_event_id, plant)
TTL toDateTime(posted_at) + INTERVAL 730 DAY
SETTINGS ttl_only_drop_parts = 1, index_granularity = 1024;

CREATE MATERIALIZED VIEW IF NOT EXISTS posting_refs_mv TO posting_refs AS
SELECT device_event_id, plant, posted_at, document_id
FROM erp_postings;

-- Postings stored before this migration.
INSERT INTO posting_refs
SELECT device_event_id, plant, posted_at, document_id
FROM erp_postings;
