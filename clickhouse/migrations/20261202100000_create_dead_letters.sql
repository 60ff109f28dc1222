-- Dead letters: messages Syncline could neither store nor refuse to a waiting sender (today: invalid MQTT
-- messages), kept with their raw payload, where they came from and why, until IT support redelivers
-- (after fixing) or discards them. A status change writes a new version of the letter's row (every
-- column copied, status_* and version new); reads take the latest version (FINAL: the table is small).
-- client_id is the subscribing connection's client id: an MQTT 3.1.1 PUBLISH carries no sender id.
-- plant comes from the topic when the topic template names it, else '' (visible only to callers with
-- every plant). Kept as long as hops (90 days from receipt).
CREATE TABLE IF NOT EXISTS dead_letters
(
    letter_id       String,
    received_at     DateTime64(3, 'UTC'),
    source          LowCardinality(String),
    topic           String,
    client_id       String,
    api_key_id      String,
    plant           LowCardinality(String),
    kind            LowCardinality(String),
    reason_code     LowCardinality(String),
    reason          String,
    payload         String CODEC(ZSTD(3)),
    status          LowCardinality(String),
    status_at       DateTime64(3, 'UTC'),
    status_by       String,
    status_reason   String,
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(received_at)
ORDER BY letter_id
TTL toDateTime(received_at) + INTERVAL 90 DAY;
