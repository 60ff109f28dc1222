-- The ERP's reversals on their own (issue 10, ADR 0012; docs/benchmarks.md "reconcile").
--
-- Every reconciliation query leaves out the postings a reversal cancelled, and every one of them found
-- those reversals by scanning `erp_postings` twice (the reversals, and the reversals of reversals that
-- bring a document back): a reversal is about 1 % of the postings, but it sits in every granule, so each
-- scan read the document ids of every posting. At 10M postings that was 0.5-0.9 s per query, four
-- queries per pass (events, orphans, failed hops, resolve). This table holds the reversals alone,
-- filled by a plain materialized view, so the same question reads a hundredth of the rows.
--
-- Same identity as `erp_postings` (plant, hour, document id) and the same life (730 days). Read
-- without FINAL, as the scans of `erp_postings` were: a document stored twice is one entry of a set.
-- ERP documents do not change once booked, so a reversal stays a reversal; a cancelled reversal is a
-- reversal of the reversal, which the queries follow.
CREATE TABLE IF NOT EXISTS reversals
(
    document_id          String,
    reverses_document_id String,
    plant                LowCardinality(String),
    posted_at            DateTime64(3, 'UTC') CODEC(Delta(8), ZSTD(1)),
    ingested_at          DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(posted_at)
ORDER BY (plant, toStartOfHour(posted_at), document_id)
TTL toDateTime(posted_at) + INTERVAL 730 DAY
SETTINGS ttl_only_drop_parts = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS reversals_mv TO reversals AS
SELECT document_id, reverses_document_id, plant, posted_at, ingested_at
FROM erp_postings
WHERE reverses_document_id != '';

-- Reversals stored before this migration.
INSERT INTO reversals
SELECT document_id, reverses_document_id, plant, posted_at, ingested_at
FROM erp_postings
WHERE reverses_document_id != '';
