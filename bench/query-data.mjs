// The query benchmark's data and requests, shared by `npm run bench -- query` and `-- cluster`: messages
// of six hops generated inside ClickHouse (every value drawn from cityHash64 of the message number, so a
// run is reproducible), their device events and postings, and the GraphQL requests timed on them.
import { fmt } from './support.mjs';

export const DAYS = 30;
export const HOPS_PER_MESSAGE = 6;
/** Hops per INSERT: bounds the engine's memory (with max_insert_threads 2) and each insert's time (the client waits 120 s at most). */
const CHUNK_HOPS = 2_000_000;

export const STAGES = `['device', 'gateway', 'broker', 'middleware', 'erp_api', 'erp_posting']`;
const SYSTEMS = `['plc-s7', 'edge-gw', 'mosquitto', 'boomi', 'sap-api', 'sap-s4']`;
// Per stage (device .. erp_posting): median duration and spread (ln), median gap after the parent.
const DUR_MEDIAN_MS = '[2.0, 8.0, 1.5, 60.0, 220.0, 350.0]';
const DUR_SIGMA = '[0.5, 0.6, 0.5, 0.7, 0.6, 0.8]';
const GAP_MEDIAN_MS = '[0.0, 25.0, 3.0, 15.0, 40.0, 800.0]';
const GAP_SIGMA = '[0.0, 0.8, 0.6, 0.8, 0.7, 1.0]';
// Where a failing message fails (gateway 10 %, broker 10 %, middleware 30 %, erp_api 40 %, erp_posting 10 %)
// and with what.
const ERROR_STAGE = '[1, 2, 3, 3, 3, 4, 4, 4, 4, 5]';
const ERRORS = `[
  [('', '')],
  [('GW_BUFFER_FULL', 'store-and-forward buffer full, message discarded'), ('GW_TLS', 'TLS handshake with broker failed')],
  [('MQTT_DISCONNECTED', 'broker connection lost before PUBACK'), ('MQTT_QUOTA', 'client queue quota exceeded')],
  [('MAPPING_FAILED', 'no mapping for material'), ('SCHEMA_INVALID', 'payload does not match schema'), ('LOOKUP_TIMEOUT', 'master data lookup timed out')],
  [('HTTP_503', 'Service Unavailable'), ('HTTP_401', 'token expired'), ('TIMEOUT', 'no response within 30 s')],
  [('ORDER_LOCKED', 'order is locked by another user'), ('MATERIAL_BLOCKED', 'material blocked for posting'), ('PERIOD_CLOSED', 'posting period closed')]
]`;

/** Uniform in (0, 1) from the message number, a position and a salt: deterministic. */
const u = (k, salt) => `((cityHash64(n, ${k}, ${salt}) % 1000000000) + 0.5) / 1e9`;
/** Standard normal (Box-Muller) from two uniforms. */
const z = (k, salt) => `(sqrt(-2 * log(${u(k, salt)})) * cos(2 * pi() * ${u(k, salt + 1)}))`;

/**
 * One row per message {first} .. {first} + {count} - 1 of {messages}, with its keys, its hops' stages
 * (`st`, 0-based; 7 for a retried message, fewer for a failed one) and their start offsets and
 * durations in ms.
 */
const MESSAGES_SQL = `
SELECT *,
  arrayMap((s, k) -> exp(log(${DUR_MEDIAN_MS}[s + 1]) + ${DUR_SIGMA}[s + 1] * ${z('k', 20)}), st, range(nh)) AS durs,
  arrayMap((s, k) -> multiIf(
      k = 0, 0.0,
      k = 5 AND backoff > 0, backoff,
      s = 1 AND buffered > 0, buffered,
      exp(log(${GAP_MEDIAN_MS}[s + 1]) + ${GAP_SIGMA}[s + 1] * ${z('k', 40)})), st, range(nh)) AS gaps,
  arrayCumSum(arrayMap((g, d) -> g + d, gaps, arrayPushFront(arrayPopBack(durs), 0.0))) AS offs
FROM (
  SELECT
    number AS n,
    toString(reinterpretAsUUID(concat(reinterpretAsString(cityHash64(n, 1)), reinterpretAsString(cityHash64(n, 2))))) AS correlation_id,
    multiIf(cityHash64(n, 3) % 100 < 45, 'P1', cityHash64(n, 3) % 100 < 80, 'P2', 'P3') AS plant,
    concat('L', toString(cityHash64(n, 4) % 4 + 1)) AS line,
    concat(plant, '-', line, '-A', toString(cityHash64(n, 5) % 5 + 1)) AS asset,
    toInt64({start_ms:Int64} * 1000 + (n + ${u(0, 6)}) * {span_ms:UInt64} * 1000 / {messages:UInt64}) AS t0_us,
    multiIf(cityHash64(n, 7) % 100 < 82, 'production_confirmation', cityHash64(n, 7) % 100 < 90, 'scrap_posting',
            cityHash64(n, 7) % 100 < 96, 'goods_receipt', 'maintenance_request') AS flow,
    concat('ORD-', plant, '-', line, '-', toString(intDiv(t0_us, 14400000000))) AS order_id,
    concat('B', upper(substring(hex(cityHash64(order_id, 'batch')), 1, 10))) AS batch,
    concat('MAT-', toString(1000 + cityHash64(order_id, 'material') % 50)) AS material,
    multiIf(flow = 'production_confirmation', 'cycle_complete', flow = 'scrap_posting', 'scrap',
            flow = 'goods_receipt', 'goods_receipt', 'maintenance_alert') AS event_type,
    multiIf(flow = 'production_confirmation', toNullable(toFloat64(1 + cityHash64(n, 8) % 24)),
            flow = 'scrap_posting', toNullable(toFloat64(1 + cityHash64(n, 8) % 3)),
            flow = 'goods_receipt', toNullable(toFloat64(10 * (1 + cityHash64(n, 8) % 50))), NULL) AS qty,
    concat('EV-', plant, '-', lower(hex(cityHash64(n, 9)))) AS business_key,
    multiIf(cityHash64(n, 10) % 10000 < 100, 'error', cityHash64(n, 10) % 10000 < 200, 'retry', 'ok') AS fate,
    ${ERROR_STAGE}[cityHash64(n, 11) % 10 + 1] AS error_stage,
    multiIf(fate = 'error', range(error_stage + 1), fate = 'retry', [0, 1, 2, 3, 4, 4, 5], [0, 1, 2, 3, 4, 5]) AS st,
    length(st) AS nh,
    if(fate = 'retry', 2000.0 + cityHash64(n, 31) % 28000, 0.0) AS backoff,                          -- before attempt 2
    if(cityHash64(n, 32) % 1000 < 2, 60000.0 * (5 + cityHash64(n, 33) % 115), 0.0) AS buffered      -- store-and-forward, 5-120 min
  FROM numbers({first:UInt64}, {count:UInt64})
)`;

const HOPS_SQL = `
INSERT INTO hops (hop_id, correlation_id, parent_hop_id, flow, stage, system, plant, line, asset, order_id, material,
                  batch, event_type, quantity, unit, start_time, end_time, status, error_code, error_message, attempt,
                  business_key, payload, attributes, ingested_at)
SELECT hop_id, correlation_id, parent_hop_id, flow, stage, system, plant, line, asset, order_id, material, batch,
       event_type, qty, if(qty IS NULL, '', 'EA'), start_time, end_time, status, error_code, error_message, attempt,
       business_key, payload, attributes, ingested_at
FROM (
  SELECT *,
    st[pos] AS s,
    ${STAGES}[s + 1] AS stage,
    ${SYSTEMS}[s + 1] AS system,
    lower(hex(cityHash64(n, pos, 12))) AS hop_id,
    if(pos = 1, '', lower(hex(cityHash64(n, pos - 1, 12)))) AS parent_hop_id,
    t0_us + toInt64(offs[pos] * 1000) AS start_us,
    start_us + toInt64(durs[pos] * 1000) AS end_us,
    fromUnixTimestamp64Micro(start_us, 'UTC') AS start_time,
    fromUnixTimestamp64Micro(end_us, 'UTC') AS end_time,
    multiIf(fate = 'error' AND pos = nh, 'error', fate = 'retry' AND pos = 5, 'retry', 'ok') AS status,
    ${ERRORS}[s + 1] AS errs,
    errs[cityHash64(n, 13) % length(errs) + 1] AS err,
    multiIf(status = 'error', err.1, status = 'retry', 'HTTP_503', '') AS error_code,
    multiIf(status = 'error', err.2, status = 'retry', 'Service Unavailable', '') AS error_message,
    if(fate = 'retry' AND pos = 6, 2, 1) AS attempt,
    concat('{"eventId":"', business_key, '","orderId":"', order_id, '","material":"', material, '","quantity":',
           toString(ifNull(qty, 0)), ',"stage":"', stage, '"}') AS payload,
    CAST(if(s = 1 AND gaps[pos] >= 60000, map('store_and_forward', 'true', 'buffered_ms', toString(toUInt64(gaps[pos]))), map()),
         'Map(LowCardinality(String), String)') AS attributes,
    fromUnixTimestamp64Milli(intDiv(end_us, 1000) + 50 + toInt64(cityHash64(n, pos, 14) % 500), 'UTC') AS ingested_at
  FROM (${MESSAGES_SQL})
  ARRAY JOIN arrayEnumerate(st) AS pos
)
WHERE start_us <= {end_ms:Int64} * 1000`;

const DEVICE_EVENTS_SQL = `
INSERT INTO device_events (event_id, event_time, plant, line, asset, order_id, material, event_type, quantity, unit, source, ingested_at)
SELECT business_key, fromUnixTimestamp64Milli(intDiv(t0_us, 1000), 'UTC'), plant, line, asset, order_id, material, event_type,
       ifNull(qty, 0), if(qty IS NULL, '', 'EA'), 'bench', fromUnixTimestamp64Milli(intDiv(t0_us, 1000) + 100, 'UTC')
FROM (${MESSAGES_SQL})`;

/** One posting per message whose erp_posting hop succeeded by the end (its last hop, position nh). */
const POSTINGS_SQL = `
INSERT INTO erp_postings (document_id, posted_at, plant, flow, order_id, material, posting_type, quantity, unit,
                          device_event_id, source, ingested_at)
SELECT toString(4900000000 + n), fromUnixTimestamp64Milli(intDiv(end_us, 1000), 'UTC'), plant, flow, order_id, material, flow,
       ifNull(qty, 0), if(qty IS NULL, '', 'EA'), business_key, 'bench', fromUnixTimestamp64Milli(intDiv(end_us, 1000) + 200, 'UTC')
FROM (SELECT *, t0_us + toInt64((offs[nh] + durs[nh]) * 1000) AS end_us FROM (${MESSAGES_SQL}))
WHERE fate != 'error' AND end_us <= {end_ms:Int64} * 1000`;

export const INSERT_SETTINGS = { max_insert_threads: 2, max_threads: 2 };

async function timedMs(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Writes `messages` messages (their hops, device events and postings) from `startMs` over `spanMs`; none after `endMs`. */
export async function generateQueryData(db, { messages, startMs, spanMs, endMs }) {
  const perChunk = Math.max(1, Math.floor(CHUNK_HOPS / HOPS_PER_MESSAGE));
  for (let first = 0; first < messages; first += perChunk) {
    const params = {
      first,
      count: Math.min(perChunk, messages - first),
      messages,
      start_ms: startMs,
      span_ms: spanMs,
      end_ms: endMs,
    };
    const parts = [];
    for (const sql of [HOPS_SQL, DEVICE_EVENTS_SQL, POSTINGS_SQL]) {
      parts.push(
        (await timedMs(() => db.command({ query: sql, query_params: params, clickhouse_settings: INSERT_SETTINGS }))) / 1000,
      );
    }
    const s = parts.reduce((x, y) => x + y, 0);
    console.log(
      `  messages ${fmt(first)}..${fmt(first + params.count)}: ${s.toFixed(1)} s (${fmt((params.count * HOPS_PER_MESSAGE) / s)} hops/s;` +
        ` hops ${parts[0].toFixed(1)} s, device events ${parts[1].toFixed(1)} s, postings ${parts[2].toFixed(1)} s)`,
    );
  }
}

export const TRACE = `query($id: String!) { trace(correlationId: $id) { message { correlationId outcome }
  hops { hopId stage startAt durationMs gapMs } hopCount deviceEvents { eventId } postings { documentId } findings { id } } }`;
export const SEARCH = `query($q: String) { traceSearch(query: $q, first: 50) { nodes { correlationId firstHopAt outcome findingCount } } }`;
export const NOT_POSTED = `query($from: String) { traceSearch(query: null, filter: { statuses: ["not_posted"], from: $from }, first: 50) {
  nodes { correlationId firstHopAt outcome findingCount } } }`;

export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

// Dashboard queries of the Sync lag and ROI pages (issue 14): each as the page asks it, over 7 and 30 days
// ending at a random second of the data's last three days, with a random filter (none, a plant, a flow,
// a plant and a line, two lines).
export const DASH_FILTERS = [
  {},
  { plants: ['P1'] },
  { flows: ['goods_receipt'] },
  { plants: ['P2'], lines: ['L3'] },
  { lines: ['L1', 'L2'] },
];
export const dashRange = (i, days, salt, endMs) => {
  const r = Number(BigInt.asUintN(32, BigInt(i * 7919 + salt * 104729) * 2654435761n)) / 2 ** 32;
  const to = endMs - Math.floor(r * 3 * 86_400_000);
  return { from: new Date(to - days * 86_400_000).toISOString(), to: new Date(to).toISOString() };
};
export const dashFilter = (i, salt) => DASH_FILTERS[(i + salt) % DASH_FILTERS.length];
export const DASHBOARD = {
  kpis: [
    'query($range: TimeRangeInput!, $filter: SyncLagFilterInput) { syncLagKpis(range: $range, filter: $filter) { current { messages lagP95Seconds withinSlaShare stalestLineAt openMissingPostings silentLines } previous { messages lagP95Seconds } } }',
    (d) => d.syncLagKpis.current.messages > 0,
  ],
  series: [
    'query($range: TimeRangeInput!, $filter: SyncLagFilterInput) { syncLagSeries(range: $range, filter: $filter) { flow slaSeconds points { t p50 p95 p99 } } }',
    (d) => d.syncLagSeries.length > 0,
  ],
  grid: [
    'query($range: TimeRangeInput!, $filter: SyncLagFilterInput) { syncLagGrid(range: $range, filter: $filter) { plant line flow lagP95Seconds state } }',
    (d) => d.syncLagGrid.length > 0,
  ],
  stages: [
    'query($range: TimeRangeInput!, $filter: SyncLagFilterInput) { syncLagStages(range: $range, filter: $filter) { fromStage toStage share } }',
    (d) => d.syncLagStages.length > 0,
  ],
  roi: [
    'query($range: TimeRangeInput!, $filter: RoiFilterInput) { roi(range: $range, filter: $filter) { figures { key value } byPlantFlow { plant flow postings } latencyTrend { t p95 } } }',
    (d) => d.roi.figures.find((f) => f.key === 'no_touch_share').value !== null,
  ],
};
