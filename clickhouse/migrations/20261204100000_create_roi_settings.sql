-- ROI assumptions and baseline (issue 14): one document per version, the latest in force. Kept as
-- validated JSON (server/src/roi/roi-settings.ts) so a new assumption is a code change, not a migration.
CREATE TABLE IF NOT EXISTS roi_settings
(
    version     UInt64,
    settings    String,
    updated_by  String,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY version;
