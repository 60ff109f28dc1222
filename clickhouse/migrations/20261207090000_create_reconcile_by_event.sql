-- Device events and ERP postings once more, each sorted by the device event id (issue 10, ADR 0012).
-- Reconciliation pairs every device event with the postings that reference it. Over a long window (the
-- recheck of 7 days, a full pass of 31) that pairing as a hash join of `device_events` and
-- `erp_postings`, both sorted by plant and time, built a hash table of ten million ids: 16-19 s at
-- 10M events, most of the pass. Sorted by the id, the two copies are merged in one sequential read
-- each (`join_algorithm = 'full_sorting_merge'`, nothing to sort): 2.2 s for the same pairing.
--
-- Each copy has its source's identity and version (ReplacingMergeTree(ingested_at)): an event is
-- (plant, line, hour, event id) as in `device_events`, so FINAL keeps the same rows. A posting is
-- (plant, hour, document id) as in `erp_postings`, plus the device event it references: a document
-- re-sent with another device event reference is both until it is reversed (ERPs book a correction as a
-- reversal and a new document). Monthly partitions keep the parts few. Kept by plain materialized
-- views; filled from the tables as they are when this migration runs.
CREATE TABLE IF NOT EXISTS events_by_id
(
    event_id    String,
    plant       LowCardinality(String),
    line        LowCardinality(String),
    event_time  DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
    order_id    String,
    material    String,
    event_type  LowCardinality(String),
    quantity    Float64,
    unit        LowCardinality(String),
    ingested_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(event_time)
ORDER BY (event_id, plant, line, toStartOfHour(event_time))
TTL toDateTime(event_time) + INTERVAL 730 DAY
SETTINGS ttl_only_drop_parts = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_id_mv TO events_by_id AS
SELECT event_id, plant, line, event_time, order_id, material, event_type, quantity, unit, ingested_at
FROM device_events;

INSERT INTO events_by_id
SELECT event_id, plant, line, event_time, order_id, material, event_type, quantity, unit, ingested_at
FROM device_events;

CREATE TABLE IF NOT EXISTS postings_by_event
(
    device_event_id      String,
    plant                LowCardinality(String),
    posted_at            DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
    document_id          String,
    quantity             Float64,
    unit                 LowCardinality(String),
    reverses_document_id String,
    ingested_at          DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(posted_at)
ORDER BY (device_event_id, plant, toStartOfHour(posted_at), document_id)
TTL toDateTime(posted_at) + INTERVAL 730 DAY
SETTINGS ttl_only_drop_parts = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS postings_by_event_mv TO postings_by_event AS
SELECT device_event_id, plant, posted_at, document_id, quantity, unit, reverses_document_id, ingested_at
FROM erp_postings;

INSERT INTO postings_by_event
SELECT device_event_id, plant, posted_at, document_id, quantity, unit, reverses_document_id, ingested_at
FROM erp_postings;
