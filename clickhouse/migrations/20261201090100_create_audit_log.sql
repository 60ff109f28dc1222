-- The append-only audit trail: one row per change anyone made (or tried to make), per sign-in, and
-- per denied attempt. Never updated or deleted by Syncline; kept at least two years.
CREATE TABLE IF NOT EXISTS audit_log
(
    audit_id        UUID,
    at              DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
    actor_kind      LowCardinality(String),
    actor_id        String,
    actor_role      LowCardinality(String),
    operation       LowCardinality(String),
    target_type     LowCardinality(String),
    target_id       String,
    outcome         Enum8('success' = 1, 'failure' = 2, 'denied' = 3),
    before          String CODEC(ZSTD),
    after           String CODEC(ZSTD),
    error           String,
    client_address  String,
    request_id      String,
    plants          Array(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, audit_id)
TTL toDateTime(at) + INTERVAL 25 MONTH
SETTINGS ttl_only_drop_parts = 1;
