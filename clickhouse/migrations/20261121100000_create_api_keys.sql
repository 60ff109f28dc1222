-- API keys for machine clients. The secret is stored only as its SHA-256 (keys are 192-bit random,
-- so a slow hash adds nothing). A key is revoked by inserting a newer version with revoked = 1;
-- read with FINAL (or argMax by version) so the latest version wins before merges.
CREATE TABLE IF NOT EXISTS api_keys
(
    key_id          String,
    name            String,
    secret_sha256   String,
    plants          Array(String),
    kinds           Array(LowCardinality(String)),
    rate_limit_per_minute UInt32,
    created_by      String,
    created_at      DateTime64(3, 'UTC'),
    revoked         UInt8 DEFAULT 0,
    revoked_at      Nullable(DateTime64(3, 'UTC')),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY key_id;
