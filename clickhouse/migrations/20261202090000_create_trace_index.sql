-- Traces (issue 11, ADR 0008): one narrow row per message (correlation id and plant), so a message is
-- found by any of its keys without scanning `hops`, which stays ordered for time-range queries.
--
-- Kept by a plain materialized view: one row per inserted hop, no GROUP BY and no uniqExact state (the
-- dropped `correlations` view did both and cost a fifth of the engine's ingest CPU); the
-- AggregatingMergeTree folds a message's rows into one as parts merge, and every read groups by
-- (correlation_id, plant) so rows not merged yet answer the same.
--
-- Lookups: by correlation id through the primary key; by business key (device event id), order and
-- batch through index projections (only the key and the row's offset are stored, ClickHouse 25.5+);
-- by a time range through an index projection on the message's first hop time; asset and material
-- are rare enough per granule for set indexes, so a value that does not exist skips every granule.
-- Small granules (1024 rows): a key lookup reads one small granule per part.
CREATE TABLE IF NOT EXISTS trace_index
(
    correlation_id  String,
    plant           LowCardinality(String),
    flow            SimpleAggregateFunction(anyLast, LowCardinality(String)),
    line            SimpleAggregateFunction(anyLast, LowCardinality(String)),
    business_key    SimpleAggregateFunction(max, String),
    order_id        SimpleAggregateFunction(max, String),
    batch           SimpleAggregateFunction(max, String),
    asset           SimpleAggregateFunction(max, String),
    material        SimpleAggregateFunction(max, String),
    first_start     SimpleAggregateFunction(min, DateTime64(6, 'UTC')),
    last_end        SimpleAggregateFunction(max, DateTime64(6, 'UTC')),
    has_error       SimpleAggregateFunction(max, UInt8),
    reached_erp     SimpleAggregateFunction(max, UInt8),
    stages          SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    systems         SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    INDEX idx_asset asset TYPE set(256) GRANULARITY 4,
    INDEX idx_material material TYPE set(256) GRANULARITY 4,
    PROJECTION p_business_key INDEX business_key TYPE basic,
    PROJECTION p_order_id INDEX order_id TYPE basic,
    PROJECTION p_batch INDEX batch TYPE basic,
    PROJECTION p_first_start INDEX first_start TYPE basic
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(first_start)
ORDER BY (correlation_id, plant)
TTL toDateTime(first_start) + INTERVAL 90 DAY
SETTINGS ttl_only_drop_parts = 1, deduplicate_merge_projection_mode = 'rebuild', index_granularity = 1024;

CREATE MATERIALIZED VIEW IF NOT EXISTS trace_index_mv TO trace_index AS
SELECT
    correlation_id, plant, flow, line, business_key, order_id, batch, asset, material,
    start_time AS first_start,
    end_time AS last_end,
    toUInt8(status IN ('error', 'dropped')) AS has_error,
    toUInt8(stage = 'erp_posting' AND status = 'ok') AS reached_erp,
    [toString(stage)] AS stages,
    if(system = '', CAST([] AS Array(String)), [toString(system)]) AS systems
FROM hops;

-- Hops stored before this migration.
INSERT INTO trace_index
SELECT
    correlation_id, plant, flow, line, business_key, order_id, batch, asset, material,
    start_time, end_time,
    toUInt8(status IN ('error', 'dropped')),
    toUInt8(stage = 'erp_posting' AND status = 'ok'),
    [toString(stage)],
    if(system = '', CAST([] AS Array(String)), [toString(system)])
FROM hops;

-- ERP document ids: a search by document goes document -> its device event -> the message.
ALTER TABLE erp_postings MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';
ALTER TABLE erp_postings ADD PROJECTION IF NOT EXISTS p_document_id INDEX document_id TYPE basic;
ALTER TABLE erp_postings MATERIALIZE PROJECTION p_document_id;

-- A message's findings: those whose device events or correlation ids are the message's.
ALTER TABLE findings ADD INDEX IF NOT EXISTS idx_event_ids event_ids TYPE bloom_filter(0.01) GRANULARITY 1;
ALTER TABLE findings ADD INDEX IF NOT EXISTS idx_correlation_ids correlation_ids TYPE bloom_filter(0.01) GRANULARITY 1;
ALTER TABLE findings MATERIALIZE INDEX idx_event_ids;
ALTER TABLE findings MATERIALIZE INDEX idx_correlation_ids;
