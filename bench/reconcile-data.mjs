// The reconcile benchmark's data, generated inside ClickHouse: device events over DAYS days ending
// now, and their ERP postings with 1 % faults of each kind. Shared by the benchmarks that need it.
export const DAYS = 30;

// Each event's fields from its number, the same expressions in both generators. f = the fault drawn:
// 0 missing posting, 1 duplicate, 2 late, 3 quantity mismatch, 4 duplicate reversed (no finding),
// 5 an orphan posting besides the normal one; 6-99 clean.
const EVENT_FIELDS = `
  number AS n,
  cityHash64(n, 7) % 100 AS f,
  concat('E', toString(n)) AS event_id,
  fromUnixTimestamp64Milli(toInt64(toUnixTimestamp64Milli(start) + intDiv(n * {span:UInt64}, {events:UInt64})), 'UTC') AS t,
  ['P1', 'P2', 'P3'][n % 3 + 1] AS plant,
  concat('L', toString(intDiv(n, 3) % 4 + 1)) AS line,
  concat(plant, '-', line, '-', toString(intDiv(toUnixTimestamp(t), 14400))) AS order_id,
  concat('M-', toString(cityHash64(order_id) % 50)) AS material,
  1 + n % 10 AS qty`;

/** Fills device_events and erp_postings of `db` with `events` events over DAYS days ending now. */
export async function generate(db, events) {
  const span = DAYS * 86_400_000;
  const params = { events, span };
  const startExpr = `(now64(3) - toIntervalMillisecond(${span})) AS start`;
  await db.command({
    query: `INSERT INTO device_events (event_id, event_time, plant, line, asset, order_id, material, event_type, quantity, unit)
            SELECT event_id, t, plant, line, concat(line, '-A', toString(n % 5)), order_id, material, 'cycle_complete', qty, 'EA'
            FROM (SELECT ${startExpr}, ${EVENT_FIELDS} FROM numbers({events:UInt64}))`,
    query_params: params,
    clickhouse_settings: { max_insert_threads: 2, max_threads: 2 },
  });
  // Postings: one per event, none for f=0, two for f=1 and 4 (4 also a reversal), late for f=2,
  // wrong quantity for f=3, an extra manual posting referencing an unknown event for f=5.
  await db.command({
    query: `INSERT INTO erp_postings (document_id, posted_at, plant, flow, order_id, material, posting_type, quantity, unit, device_event_id, reverses_document_id)
            SELECT concat('D', toString(n), p.1), t + toIntervalMillisecond(p.2), plant, 'production_confirmation', order_id, material,
                   'production_confirmation', p.3, 'EA', p.4, p.5
            FROM (SELECT ${startExpr}, ${EVENT_FIELDS} FROM numbers({events:UInt64}))
            ARRAY JOIN multiIf(
              f = 0, CAST([], 'Array(Tuple(String, UInt64, Float64, String, String))'),
              f = 1, [('a', 60000, toFloat64(qty), event_id, ''), ('b', 95000, toFloat64(qty), event_id, '')],
              f = 2, [('a', 2400000, toFloat64(qty), event_id, '')],
              f = 3, [('a', 60000, toFloat64(qty * 2), event_id, '')],
              f = 4, [('a', 60000, toFloat64(qty), event_id, ''), ('b', 95000, toFloat64(qty), event_id, ''),
                      ('r', 3600000, toFloat64(-qty), event_id, concat('D', toString(n), 'b'))],
              f = 5, [('a', 60000, toFloat64(qty), event_id, ''), ('m', 120000, toFloat64(qty), concat('X', toString(n)), '')],
              [('a', 60000, toFloat64(qty), event_id, '')]) AS p
            WHERE t + toIntervalMillisecond(p.2) <= now64(3)`,
    query_params: params,
    clickhouse_settings: { max_insert_threads: 2, max_threads: 2 },
  });
  await db.command({ query: 'OPTIMIZE TABLE device_events FINAL' }).catch(() => undefined);
  await db.command({ query: 'OPTIMIZE TABLE erp_postings FINAL' }).catch(() => undefined);
}
