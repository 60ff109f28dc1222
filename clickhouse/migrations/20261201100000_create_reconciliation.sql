-- Reconciliation: rules (versioned, append-only), master data, findings and their history.

-- Per-flow rules. Every change appends a version; the rules in force are the latest version per flow.
-- event_types: the device event types that must post to this flow; posting_types: the ERP posting types
-- that belong to it (besides postings whose `flow` column names it).
CREATE TABLE IF NOT EXISTS flow_rules
(
    flow                    LowCardinality(String),
    version                 UInt64,
    sla_seconds             UInt32,
    grace_seconds           UInt32,
    tolerance_abs           Float64,
    tolerance_pct           Float64,
    event_types             Array(LowCardinality(String)),
    posting_types           Array(LowCardinality(String)),
    requires_reference      UInt8,
    priority                Enum8('critical' = 1, 'standard' = 2, 'low' = 3),
    high_value              Float64,
    bucket_minutes          UInt32,
    enabled                 UInt8,
    updated_by              String,
    updated_at              DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (flow, version);

INSERT INTO flow_rules (flow, version, sla_seconds, grace_seconds, tolerance_abs, tolerance_pct, event_types, posting_types, requires_reference, priority, high_value, bucket_minutes, enabled, updated_by, updated_at) VALUES
    ('production_confirmation', 1, 900, 900, 0, 1, ['cycle_complete', 'batch_complete'], ['production_confirmation'], 1, 'standard', 1000, 60, 1, 'syncline', now64(3)),
    ('goods_receipt', 1, 1800, 900, 0, 0.5, ['goods_receipt'], ['goods_receipt'], 1, 'critical', 1000, 60, 1, 'syncline', now64(3)),
    ('scrap_posting', 1, 1800, 900, 0, 2, ['scrap'], ['scrap_posting'], 1, 'low', 1000, 60, 1, 'syncline', now64(3)),
    ('maintenance_request', 1, 3600, 900, 0, 0, ['maintenance_alert'], ['maintenance_request'], 1, 'standard', 1000, 60, 1, 'syncline', now64(3));

-- Standard cost per material, for value at risk (cost per one `unit`). Latest version wins.
CREATE TABLE IF NOT EXISTS material_costs
(
    material    String,
    cost        Float64,
    unit        LowCardinality(String),
    version     UInt64,
    updated_by  String,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY material;

-- Conversions that hold for every material (material = ''): same-dimension units.
INSERT INTO unit_conversions (material, from_unit, to_unit, factor) VALUES
    ('', 'KG', 'G', 1000), ('', 'G', 'KG', 0.001),
    ('', 'T', 'KG', 1000), ('', 'KG', 'T', 0.001),
    ('', 'T', 'G', 1000000), ('', 'G', 'T', 0.000001),
    ('', 'LB', 'KG', 0.45359237), ('', 'KG', 'LB', 2.2046226218487757),
    ('', 'L', 'ML', 1000), ('', 'ML', 'L', 0.001),
    ('', 'M3', 'L', 1000), ('', 'L', 'M3', 0.001),
    ('', 'M', 'MM', 1000), ('', 'MM', 'M', 0.001),
    ('', 'H', 'MIN', 60), ('', 'MIN', 'H', 1 / 60),
    ('', 'MIN', 'S', 60), ('', 'S', 'MIN', 1 / 60),
    ('', 'H', 'S', 3600), ('', 'S', 'H', 1 / 3600);

-- When each plant's lines should be running: shifts per weekday in the plant's time zone, planned stops,
-- holidays, and how many minutes of working time without device events make a line silent. A plant
-- without a row runs around the clock. Latest version per plant wins.
CREATE TABLE IF NOT EXISTS plant_calendars
(
    plant           LowCardinality(String),
    version         UInt64,
    timezone        String,
    silent_minutes  UInt32,
    shifts          Array(Tuple(weekday UInt8, start String, end String)),
    stops           Array(Tuple(starts_at DateTime64(3, 'UTC'), ends_at DateTime64(3, 'UTC'), reason String)),
    holidays        Array(Date),
    updated_by      String,
    updated_at      DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (plant, version);

-- A person silences a line for a maintenance window; it expires by itself at `ends_at`.
CREATE TABLE IF NOT EXISTS line_silences
(
    silence_id  String,
    plant       LowCardinality(String),
    line        LowCardinality(String),
    starts_at   DateTime64(3, 'UTC'),
    ends_at     DateTime64(3, 'UTC'),
    reason      String,
    created_by  String,
    created_at  DateTime64(3, 'UTC'),
    cancelled   UInt8 DEFAULT 0,
    version     UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (plant, line, silence_id);

-- What reconciliation found. One row per finding and detection (version = when it was detected);
-- the latest version is the finding's current facts. `active` = the condition holds now (0 for a past
-- condition that already cleared, e.g. a silence that ended). Status lives in finding_events.
CREATE TABLE IF NOT EXISTS findings
(
    finding_id       String,
    type             LowCardinality(String),
    plant            LowCardinality(String),
    line             LowCardinality(String),
    flow             LowCardinality(String),
    order_id         String,
    material         String,
    event_ids        Array(String),
    posting_ids      Array(String),
    correlation_ids  Array(String),
    device_quantity  Nullable(Float64),
    erp_quantity     Nullable(Float64),
    unit             LowCardinality(String),
    value_at_risk    Float64,
    currency         LowCardinality(String),
    severity         Enum8('critical' = 1, 'high' = 2, 'medium' = 3, 'low' = 4),
    priority         Enum8('critical' = 1, 'standard' = 2, 'low' = 3),
    anchor_at        DateTime64(3, 'UTC'),
    condition_since  DateTime64(3, 'UTC'),
    first_seen_at    DateTime64(3, 'UTC'),
    last_seen_at     DateTime64(3, 'UTC'),
    active           UInt8,
    details          String,
    resolution_hint  String,
    rules_version    UInt64,
    version          UInt64,
    INDEX idx_order order_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(anchor_at)
ORDER BY (plant, type, finding_id);

-- The history of each finding: status changes, assignments and comments, by people and by
-- reconciliation. Append-only; an event written by reconciliation has a deterministic id, so two runs
-- writing the same change collapse into one.
CREATE TABLE IF NOT EXISTS finding_events
(
    finding_id  String,
    event_id    String,
    at          DateTime64(3, 'UTC'),
    kind        Enum8('status' = 1, 'assign' = 2, 'comment' = 3),
    status      LowCardinality(String),
    assignee    String,
    comment     String,
    actor       String,
    actor_role  LowCardinality(String)
)
ENGINE = ReplacingMergeTree
ORDER BY (finding_id, event_id);

-- One row per reconciliation run, for the operators (and metrics).
CREATE TABLE IF NOT EXISTS reconcile_runs
(
    run_id       String,
    kind         LowCardinality(String),
    flows        Array(String),
    window_from  DateTime64(3, 'UTC'),
    window_to    DateTime64(3, 'UTC'),
    started_at   DateTime64(3, 'UTC'),
    finished_at  DateTime64(3, 'UTC'),
    detected     UInt64,
    resolved     UInt64,
    reopened     UInt64,
    error        String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY started_at
TTL toDateTime(started_at) + INTERVAL 90 DAY;
