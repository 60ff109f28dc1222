-- Replay (issue 13, docs/replay.md). ClickHouse is the system of record for replays; Redis (BullMQ)
-- only carries the work. After a Redis flush, replays requested but not finished are enqueued again
-- from `replays` at start-up, and the ERP re-check plus the idempotency key keep anything from being
-- sent twice.

-- Where a flow's messages are re-sent, per flow and optionally per plant ('' = every plant). Header
-- values are references to secrets (`env:NAME` or `file:NAME`), never the secret itself.
CREATE TABLE IF NOT EXISTS replay_targets
(
    flow          LowCardinality(String),
    plant         LowCardinality(String),
    url           String,
    method        LowCardinality(String),
    headers       Map(String, String),
    timeout_ms    UInt32,
    rate_per_s    Float64,
    concurrency   UInt16,
    check_mode    LowCardinality(String),
    lookup_url    String,
    enabled       UInt8,
    -- Automatic replay (off by default): failed hops of these error classes are replayed by the
    -- sweeper, with growing delays, at most auto_max times per message; then a person decides.
    auto_replay   UInt8 DEFAULT 0,
    auto_classes  Array(String),
    auto_max      UInt8 DEFAULT 3,
    version       UInt64,
    updated_by    String,
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (flow, plant);

-- One row per change of a replay's state (queued, sent, skipped, failed, dead, cancelled): the latest
-- version is the replay's state. replay_id is derived from the message (its correlation id), so one
-- message is one replay however often it is asked for while it is in flight.
CREATE TABLE IF NOT EXISTS replays
(
    replay_id       String,
    version         UInt64,
    batch_id        String,
    correlation_id  String,
    business_key    String,
    finding_id      String,
    flow            LowCardinality(String),
    plant           LowCardinality(String),
    target_url      String,
    payload         String CODEC(ZSTD(3)),
    edited_payload  String CODEC(ZSTD(3)),
    requested_by    String,
    requested_role  LowCardinality(String),
    requested_at    DateTime64(3, 'UTC'),
    state           LowCardinality(String),
    outcome         String,
    response_code   UInt16,
    document_id     String,
    attempts        UInt16,
    updated_at      DateTime64(3, 'UTC'),
    -- A message's replays: the pre-send check and the plan look them up by correlation id.
    INDEX idx_correlation_id correlation_id TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(requested_at)
ORDER BY replay_id;

-- A bulk replay: the frozen set of messages it was confirmed with is its replays (batch_id).
CREATE TABLE IF NOT EXISTS replay_batches
(
    batch_id      String,
    version       UInt64,
    reason        String,
    requested_by  String,
    requested_at  DateTime64(3, 'UTC'),
    total         UInt32,
    state         LowCardinality(String),
    rate_per_s    Float64,
    updated_by    String,
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY batch_id;
