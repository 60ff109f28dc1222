-- The per-message lookup table built by a materialized view on every insert into hops cost about
-- a fifth of ClickHouse's CPU per ingested hop (ADR 0005), for queries no screen runs yet. Looking a
-- message up by correlation id reads `hops` through its bloom-filter index, and per-message summaries
-- are a GROUP BY over the time range on screen. Re-add a projection or view when a query needs it.
DROP VIEW IF EXISTS correlations_mv;
-- max_table_size_to_drop = 0: a large install's table is over the server's default 50 GB drop guard.
DROP TABLE IF EXISTS correlations SETTINGS max_table_size_to_drop = 0;
