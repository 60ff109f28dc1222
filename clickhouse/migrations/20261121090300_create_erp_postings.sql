-- The books' truth: what the ERP posted. Unique by document_id (retries collapse).
-- device_event_id is the business key the posting references ('' when none);
-- reverses_document_id is set when the posting cancels another.
CREATE TABLE IF NOT EXISTS erp_postings
(
    document_id           String,
    posted_at             DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
    plant                 LowCardinality(String),
    flow                  LowCardinality(String) DEFAULT '',
    order_id              String DEFAULT '',
    material              String DEFAULT '',
    posting_type          LowCardinality(String),
    quantity              Float64 DEFAULT 0,
    unit                  LowCardinality(String) DEFAULT '',
    device_event_id       String DEFAULT '',
    reverses_document_id  String DEFAULT '',
    source                LowCardinality(String) DEFAULT '',
    attributes            Map(LowCardinality(String), String) CODEC(ZSTD(3)),
    ingested_at           DateTime64(3, 'UTC') DEFAULT now64(3) CODEC(Delta, ZSTD(1)),
    INDEX idx_device_event_id device_event_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_order_id order_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toDate(posted_at)
ORDER BY (plant, toStartOfHour(posted_at), document_id)
TTL toDateTime(posted_at) + INTERVAL 730 DAY
SETTINGS ttl_only_drop_parts = 1;
