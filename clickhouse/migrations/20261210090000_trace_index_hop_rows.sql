-- A message's waterfall in its `trace_index` row (issue 11, ADR 0008; docs/benchmarks.md "query").
--
-- A trace read its hops from `hops`, which is sorted by flow and stage before the message's hour: six
-- granules of a dozen columns, one per stage, about 21 ms of a trace's ~60 at 100M hops. The index's
-- view already writes a row per hop sorted by correlation id; each row now also carries the hop's
-- waterfall fields (no payload, attributes or business facts), and the AggregatingMergeTree folds them
-- into one array per message as parts merge. A trace then reads its hops with the message, by
-- primary key. A hop sent twice is in the array twice: the read keeps the copy ingested last, as the
-- read from `hops` does. ZSTD: the hop ids are hex text and the times of consecutive messages unrelated,
-- so LZ4 kept 38 % of the bytes and ZSTD(1) 21 % (one month's part of the 100M-hop benchmark: 596 MB
-- against 332 MB); a message's read took 10.3 against 9.2 ms p50.
--
-- No copy of the stored history (a copy of 100M hops took 1,070 s, and the server's start waits for
-- its migrations). Rows written before this migration carry no hops and `inline_hops` 0; the flag is a
-- `min`, so a message with any such row reads its hops from `hops` as before, until the 90 days of
-- history written before the change have aged out.
ALTER TABLE trace_index ADD COLUMN IF NOT EXISTS hop_rows SimpleAggregateFunction(groupArrayArray, Array(Tuple(
    hop_id        String,
    parent_hop_id String,
    stage         String,
    system        String,
    status        String,
    error_code    String,
    error_message String,
    attempt       UInt16,
    start_time    DateTime64(6, 'UTC'),
    end_time      DateTime64(6, 'UTC'),
    ingested_at   DateTime64(3, 'UTC')))) CODEC(ZSTD(1));

ALTER TABLE trace_index ADD COLUMN IF NOT EXISTS inline_hops SimpleAggregateFunction(min, UInt8) DEFAULT 0;

ALTER TABLE trace_index_mv MODIFY QUERY
SELECT
    correlation_id, plant, flow, line, business_key, order_id, batch, asset, material,
    start_time AS first_start,
    end_time AS last_end,
    toUInt8(status IN ('error', 'dropped')) AS has_error,
    toUInt8(stage = 'erp_posting' AND status = 'ok') AS reached_erp,
    [toString(stage)] AS stages,
    if(system = '', CAST([] AS Array(String)), [toString(system)]) AS systems,
    [(hop_id, parent_hop_id, toString(stage), toString(system), toString(status), toString(error_code), error_message, attempt,
      start_time, end_time, ingested_at)] AS hop_rows,
    toUInt8(1) AS inline_hops
FROM hops;
