-- A finding's history carries the finding's plant (issue 15). On a cluster, rows are placed by plant,
-- so a finding and its history share a shard and reconciliation's resolve and reopen steps join them
-- on each shard alone. On one server it is one more column; history written before it has ''.
ALTER TABLE finding_events ADD COLUMN IF NOT EXISTS plant LowCardinality(String) DEFAULT '';
