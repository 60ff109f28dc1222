-- ROI rollups (issue 14, ADR 0010): per hour, so the ROI page over 30 or 90 days reads thousands of rows,
-- not the raw device events and postings. Kept by the same job as the Sync lag rollups: the hours that
-- device events or postings arrived for are deleted and written again.

-- ERP postings per hour they were posted (reversals aside), per plant and flow.
CREATE TABLE IF NOT EXISTS roi_postings_hour
(
    hour      DateTime('UTC'),
    plant     LowCardinality(String),
    flow      LowCardinality(String),
    postings  SimpleAggregateFunction(sum, UInt64),
    -- Of those, postings a person had to touch (their device event is in a finding a person acted on).
    touched   SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, plant, flow)
TTL hour + INTERVAL 730 DAY;

-- Device quantities per hour of the events, against the ERP quantities posted for those events (within
-- 7 days, converted to the event's unit by the conversions in force at rollup; reversed postings aside).
CREATE TABLE IF NOT EXISTS roi_inventory_hour
(
    hour           DateTime('UTC'),
    plant          LowCardinality(String),
    flow           LowCardinality(String),
    material       String,
    unit           LowCardinality(String),
    device_qty     SimpleAggregateFunction(sum, Float64),
    erp_qty        SimpleAggregateFunction(sum, Float64),
    unconvertible  SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, plant, flow, material, unit)
TTL hour + INTERVAL 730 DAY;

-- Maintenance alerts per hour, and the time to their first maintenance request posting.
CREATE TABLE IF NOT EXISTS roi_maintenance_hour
(
    hour              DateTime('UTC'),
    plant             LowCardinality(String),
    alerts            SimpleAggregateFunction(sum, UInt64),
    responded         SimpleAggregateFunction(sum, UInt64),
    response_seconds  SimpleAggregateFunction(sum, Float64),
    response          AggregateFunction(quantiles(0.5), Float64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, plant)
TTL hour + INTERVAL 730 DAY;
