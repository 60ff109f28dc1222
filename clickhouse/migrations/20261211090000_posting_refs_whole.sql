-- A trace reads its postings from `posting_refs` alone (issue 11, ADR 0008; docs/benchmarks.md "query").
--
-- A trace found where its postings are in `posting_refs` (sorted by device event), then read each by
-- the primary key of `erp_postings`: two lookups, 16.3 ms p50 of the trace's facts at 100M hops. Each
-- row now carries what the trace shows of the posting (its type, order, material, quantity, unit,
-- reversal and ingest time), so one lookup answers: 8.4 ms on a copy. No flow, source or attributes:
-- at 100M hops the table grew from 576 to 847 MiB (`erp_postings` 717 MiB).
--
-- No copy of the stored history: rows written before this migration carry `whole` 0, and a trace
-- reads the postings those rows point at from `erp_postings` as before, until they age out. A posting
-- re-sent after the upgrade is a `whole` row with a later ingest time than any older one, so the latest
-- copy of a document is whole whenever one is.
ALTER TABLE posting_refs
    ADD COLUMN IF NOT EXISTS posting_type LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS order_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS material String DEFAULT '',
    ADD COLUMN IF NOT EXISTS quantity Float64 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS unit LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS reverses_document_id String DEFAULT '',
    ADD COLUMN IF NOT EXISTS ingested_at DateTime64(3, 'UTC') DEFAULT 0,
    ADD COLUMN IF NOT EXISTS whole UInt8 DEFAULT 0;

ALTER TABLE posting_refs_mv MODIFY QUERY
SELECT device_event_id, plant, posted_at, document_id, posting_type, order_id, material, quantity, unit,
       reverses_document_id, ingested_at, toUInt8(1) AS whole
FROM erp_postings;
