-- Sync lag per day (ADR 0010): the same states as lag_hour merged per day, so a range of weeks merges
-- one state per day and cell instead of 24 (measured: 30 days in 0.05 s instead of 0.17 s).
CREATE TABLE IF NOT EXISTS lag_day
(
    day         DateTime('UTC'),
    plant       LowCardinality(String),
    line        LowCardinality(String),
    flow        LowCardinality(String),
    messages    SimpleAggregateFunction(sum, UInt64),
    posted      SimpleAggregateFunction(sum, UInt64),
    within_sla  SimpleAggregateFunction(sum, UInt64),
    failed      SimpleAggregateFunction(sum, UInt64),
    lag_sum     SimpleAggregateFunction(sum, Float64),
    lag         AggregateFunction(quantiles(0.5, 0.95, 0.99), Float64),
    last_start  SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (plant, line, flow, day)
TTL day + INTERVAL 90 DAY;
