-- People who sign in to the dashboard and the GraphQL API. One row per username (the id, immutable);
-- every change inserts a newer version, read with FINAL so the latest version wins before merges.
-- password_hash is argon2id (PHC string); password_version changes with every password change, so
-- sessions issued before it stop working on every instance.
CREATE TABLE IF NOT EXISTS users
(
    username          String,
    display_name      String,
    role              LowCardinality(String),
    plants            Array(String),
    password_hash     String,
    password_version  UInt64,
    disabled          UInt8 DEFAULT 0,
    created_by        String,
    created_at        DateTime64(3, 'UTC'),
    updated_by        String,
    updated_at        DateTime64(3, 'UTC'),
    version           UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY username;
