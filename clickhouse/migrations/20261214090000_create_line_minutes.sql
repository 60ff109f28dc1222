-- Each line's minutes with a device event (issue 10, silent lines; docs/benchmarks.md "reconcile").
--
-- The silent-line query looks for gaps between a line's event minutes, and it grouped every device
-- event of its lookback into minutes to find them: at 10M events over a 31-day pass, 0.75 s of the
-- 1.0 s it took, for 518,000 minutes. This table holds those minutes, one row per plant, line and
-- minute in which the line sent anything, filled by a materialized view (per insert, one row per minute
-- it holds), so the query reads the minutes themselves (0.11 s for the same 518,000). The minute that
-- holds the run's `now` is still read from the events, up to `now`: a run "as of" a past time must
-- not see an event later in that minute.
--
-- A minute stored twice (two inserts in one minute) is one row after merges, and one in the query's
-- GROUP BY before them. Same life as the events (730 days). On a cluster it lives with its plant's
-- events.
CREATE TABLE IF NOT EXISTS line_minutes
(
    plant   LowCardinality(String),
    line    LowCardinality(String),
    minute  DateTime('UTC') CODEC(Delta(4), ZSTD(1))
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (plant, line, minute)
TTL minute + INTERVAL 730 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS line_minutes_mv TO line_minutes AS
SELECT plant, line, toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute
FROM device_events
WHERE line != ''
GROUP BY plant, line, minute;

-- Minutes of the events stored before this migration; grouped in the events' order (plant, line first),
-- so that a large history needs the memory of one line's minutes at a time.
INSERT INTO line_minutes
SELECT plant, line, toStartOfMinute(toDateTime(event_time, 'UTC')) AS minute
FROM device_events
WHERE line != ''
GROUP BY plant, line, minute
SETTINGS optimize_aggregation_in_order = 1;
