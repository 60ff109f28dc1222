-- One row per hop of one message through the chain (device -> ... -> erp_posting).
-- Sorted for time-range dashboards per flow and stage; lookups by correlation id go through
-- `correlations` (next migration). Retried ingests of the same hop collapse on hop_id
-- (ReplacingMergeTree); queries that count read with FINAL so they are right before merges run.
CREATE TABLE IF NOT EXISTS hops
(
    hop_id          String,
    correlation_id  String,
    parent_hop_id   String DEFAULT '',
    flow            LowCardinality(String),
    stage           LowCardinality(String),
    system          LowCardinality(String) DEFAULT '',
    plant           LowCardinality(String) DEFAULT '',
    line            LowCardinality(String) DEFAULT '',
    asset           String DEFAULT '',
    order_id        String DEFAULT '',
    material        String DEFAULT '',
    batch           String DEFAULT '',
    event_type      LowCardinality(String) DEFAULT '',
    quantity        Nullable(Float64),
    unit            LowCardinality(String) DEFAULT '',
    start_time      DateTime64(6, 'UTC') CODEC(Delta, ZSTD(1)),
    end_time        DateTime64(6, 'UTC') CODEC(Delta, ZSTD(1)),
    status          Enum8('ok' = 1, 'error' = 2, 'retry' = 3, 'dropped' = 4),
    error_code      LowCardinality(String) DEFAULT '',
    error_message   String DEFAULT '' CODEC(ZSTD(3)),
    attempt         UInt16 DEFAULT 1,
    business_key    String DEFAULT '',
    payload         String DEFAULT '' CODEC(ZSTD(3)),
    attributes      Map(LowCardinality(String), String) CODEC(ZSTD(3)),
    ingested_at     DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta, ZSTD(1)),
    INDEX idx_correlation_id correlation_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_business_key business_key TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_order_id order_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toDate(start_time)
ORDER BY (flow, stage, plant, toStartOfHour(start_time), hop_id)
TTL toDateTime(start_time) + INTERVAL 90 DAY
SETTINGS ttl_only_drop_parts = 1;
