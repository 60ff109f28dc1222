-- `hops` had bloom filter indexes on business_key and order_id from its first migration, for lookups that
-- have gone through `trace_index` since issue 11 (its projections find a business key, order or batch):
-- no query reads `hops` by either. Each cost every insert a bloom filter per column (and every merge
-- rebuilds them). idx_correlation_id stays: a trace reads its message's hops by correlation id.
ALTER TABLE hops DROP INDEX IF EXISTS idx_business_key;
ALTER TABLE hops DROP INDEX IF EXISTS idx_order_id;
