-- Traces search, measured at 100M hops (docs/benchmarks.md "query", ADR 0008):
--
-- Orders and batches: the index projections gave each matching row's offset, but an order's thousands
-- of messages are spread over the whole table (sorted by correlation id), so listing an order read a
-- granule per message (about 300 ms cold for 8,000-10,000 messages). These projections keep, per order
-- and per batch, just the candidates' correlation id, plant and first hop time next to each other, so
-- an order's candidates are a few contiguous granules; the page then reads its ~50 messages by key.
--
-- Asset and material: one set index granule per 4 granules cost ~20 ms per search just to be read,
-- and searched with `asset = q OR material = q` neither index could skip anything (each only knows its
-- own column), so every text search read 12.5M rows. The search now asks each column on its own, and
-- the set indexes cover 32 granules (32,768 rows) holding at most 1,024 values: a value that does not
-- exist skips every granule. Past 1,024 distinct values in 32,768 messages a granule keeps no set and
-- is read (correct, slower): an installation with more assets than that would want index projections.
ALTER TABLE trace_index DROP PROJECTION IF EXISTS p_order_id;
ALTER TABLE trace_index DROP PROJECTION IF EXISTS p_batch;
ALTER TABLE trace_index ADD PROJECTION IF NOT EXISTS p_order_rows
    (SELECT correlation_id, plant, order_id, first_start ORDER BY order_id, first_start);
ALTER TABLE trace_index ADD PROJECTION IF NOT EXISTS p_batch_rows
    (SELECT correlation_id, plant, batch, first_start ORDER BY batch, first_start);
ALTER TABLE trace_index MATERIALIZE PROJECTION p_order_rows;
ALTER TABLE trace_index MATERIALIZE PROJECTION p_batch_rows;

ALTER TABLE trace_index DROP INDEX IF EXISTS idx_asset;
ALTER TABLE trace_index DROP INDEX IF EXISTS idx_material;
ALTER TABLE trace_index ADD INDEX IF NOT EXISTS idx_asset_set asset TYPE set(1024) GRANULARITY 32;
ALTER TABLE trace_index ADD INDEX IF NOT EXISTS idx_material_set material TYPE set(1024) GRANULARITY 32;
ALTER TABLE trace_index MATERIALIZE INDEX idx_asset_set;
ALTER TABLE trace_index MATERIALIZE INDEX idx_material_set;
