-- One small row per message (correlation id) per insert block, keyed by correlation id, so that
-- "open this message's path" knows the time range to read from `hops`, and "which messages never
-- reached erp_posting" is answered without scanning hops. Read with GROUP BY correlation_id and
-- the merge combinators: correct whether or not background merges have run. Hop count uses
-- uniqExact over hop ids so a retried ingest of the same hop is not counted twice.
CREATE TABLE IF NOT EXISTS correlations
(
    correlation_id       String,
    day                  Date,
    flow                 SimpleAggregateFunction(anyLast, LowCardinality(String)),
    plant                SimpleAggregateFunction(anyLast, LowCardinality(String)),
    business_key         SimpleAggregateFunction(max, String),
    first_start          SimpleAggregateFunction(min, DateTime64(6, 'UTC')),
    last_end             SimpleAggregateFunction(max, DateTime64(6, 'UTC')),
    hop_ids              AggregateFunction(uniqExact, String),
    reached_erp_posting  SimpleAggregateFunction(max, UInt8),
    last_error_end       SimpleAggregateFunction(max, DateTime64(6, 'UTC')),
    last_ok_end          SimpleAggregateFunction(max, DateTime64(6, 'UTC'))
)
ENGINE = AggregatingMergeTree
PARTITION BY day
ORDER BY (correlation_id, day)
TTL day + INTERVAL 90 DAY
SETTINGS ttl_only_drop_parts = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS correlations_mv TO correlations AS
SELECT
    correlation_id,
    toDate(min(start_time)) AS day,
    anyLast(flow) AS flow,
    anyLast(plant) AS plant,
    max(business_key) AS business_key,
    min(start_time) AS first_start,
    max(end_time) AS last_end,
    uniqExactState(hop_id) AS hop_ids,
    max(toUInt8(stage = 'erp_posting' AND status = 'ok')) AS reached_erp_posting,
    maxIf(end_time, status IN ('error', 'dropped')) AS last_error_end,
    maxIf(end_time, status = 'ok') AS last_ok_end
FROM hops
GROUP BY correlation_id;
