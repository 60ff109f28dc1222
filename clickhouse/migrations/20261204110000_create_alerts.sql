-- Alerts (issue 14, docs/alerts.md): channels, rules, their state, silences and the history of
-- notifications. Channels and rules are validated JSON documents (server/src/alerts/alert-model.ts),
-- one row per version, the latest in force; a deleted one keeps its history.
CREATE TABLE IF NOT EXISTS alert_channels
(
    channel_id  String,
    version     UInt64,
    doc         String,
    deleted     UInt8 DEFAULT 0,
    updated_by  String,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY channel_id;

CREATE TABLE IF NOT EXISTS alert_rules
(
    rule_id     String,
    version     UInt64,
    doc         String,
    deleted     UInt8 DEFAULT 0,
    updated_by  String,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(version)
ORDER BY rule_id;

-- Where each rule stands: firing or not, what it covered when it last notified, when, acknowledged,
-- escalated. Written by the evaluator after each change (the latest version wins).
CREATE TABLE IF NOT EXISTS alert_state
(
    rule_id     String,
    version     UInt64,
    doc         String
)
ENGINE = ReplacingMergeTree(version)
ORDER BY rule_id;

-- Silences and maintenance windows: no notification for the rule (or every rule: rule_id '') while
-- now is between starts_at and ends_at; they end by themselves and every change is audited.
CREATE TABLE IF NOT EXISTS alert_silences
(
    silence_id  String,
    version     UInt64,
    rule_id     String,
    starts_at   DateTime64(3, 'UTC'),
    ends_at     DateTime64(3, 'UTC'),
    reason      String,
    created_by  String,
    created_at  DateTime64(3, 'UTC'),
    cancelled   UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(version)
ORDER BY silence_id;

-- Every notification to every channel: queued, sent (after how many attempts) or failed with the
-- last error; silenced ones are kept too (status 'silenced'), so the history says why nobody heard.
CREATE TABLE IF NOT EXISTS alert_notifications
(
    notification_id  String,
    channel_id       String,
    version          UInt64,
    rule_id          String,
    rule_name        String,
    kind             LowCardinality(String),
    created_at       DateTime64(3, 'UTC'),
    status           LowCardinality(String),
    attempts         UInt16,
    last_error       String,
    sent_at          Nullable(DateTime64(3, 'UTC')),
    summary          String,
    items            Array(String)
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(created_at)
ORDER BY (notification_id, channel_id)
TTL toDateTime(created_at) + INTERVAL 400 DAY;
