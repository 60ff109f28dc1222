-- What the plant simulator injected, so reconciliation can be scored against the truth.
-- One row per injected fault; run_id separates simulator runs (seed + start).
CREATE TABLE IF NOT EXISTS sim_ground_truth
(
    run_id           String,
    fault_id         String,
    fault_type       LowCardinality(String),
    plant            LowCardinality(String),
    line             LowCardinality(String),
    flow             LowCardinality(String),
    device_event_id  String,
    document_ids     Array(String),
    correlation_id   String,
    injected_at      DateTime64(3, 'UTC'),
    details          String,
    inserted_at      DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(inserted_at)
PARTITION BY toYYYYMM(injected_at)
ORDER BY (run_id, fault_type, fault_id);
