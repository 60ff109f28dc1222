-- Each line's last device event per day (issue 10, silent lines). A silent line is a gap between two of
-- a line's device events (or its last one and now); the silent-line query reads event minutes since a
-- few days before its window. A line quiet for longer than that (a week's overhaul, a long closure)
-- had no event in that range: its silence was never found, and one found before was never closed when
-- the line came back. With its last event of every earlier day here (a few rows per line and day), the
-- query starts the line's gap at its real last event, however long ago. Kept by a materialized view
-- (per insert, one row per plant, line and day it holds); filled from the events as they are when this
-- migration runs. On a cluster it lives with its plant's events.
CREATE TABLE IF NOT EXISTS line_days
(
    plant       LowCardinality(String),
    line        LowCardinality(String),
    day         Date,
    last_event  SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (plant, line, day)
TTL day + INTERVAL 730 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS line_days_mv TO line_days AS
SELECT plant, line, toDate(event_time) AS day, max(event_time) AS last_event
FROM device_events
WHERE line != ''
GROUP BY plant, line, day;

INSERT INTO line_days
SELECT plant, line, toDate(event_time) AS day, max(event_time) AS last_event
FROM device_events
WHERE line != ''
GROUP BY plant, line, day;
