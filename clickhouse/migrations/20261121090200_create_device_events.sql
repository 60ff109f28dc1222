-- The plant's truth: what the machines reported. Unique by event_id (retries collapse).
CREATE TABLE IF NOT EXISTS device_events
(
    event_id     String,
    event_time   DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    plant        LowCardinality(String),
    line         LowCardinality(String) DEFAULT '',
    asset        String DEFAULT '',
    order_id     String DEFAULT '',
    material     String DEFAULT '',
    event_type   LowCardinality(String),
    quantity     Float64 DEFAULT 0,
    unit         LowCardinality(String) DEFAULT '',
    source       LowCardinality(String) DEFAULT '',
    attributes   Map(LowCardinality(String), String) CODEC(ZSTD(3)),
    ingested_at  DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta, ZSTD(1)),
    INDEX idx_order_id order_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_event_id event_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toDate(event_time)
ORDER BY (plant, line, toStartOfHour(event_time), event_id)
TTL toDateTime(event_time) + INTERVAL 730 DAY
SETTINGS ttl_only_drop_parts = 1;
