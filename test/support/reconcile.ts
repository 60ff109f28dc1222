import { expect } from 'vitest';
import { graphql, TEST_ADMIN_TOKEN } from './app';
import { postRecords } from './ingest';

export const MIN = 60_000;

/** A GraphQL query or mutation as the test admin; fails the test on any error, returns the data. */
export async function asAdmin<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await graphql<T>(url, query, variables, TEST_ADMIN_TOKEN);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!;
}

/** One event a minute on `line` of `plant`, from `fromMinutesAgo` to `toMinutesAgo`. */
export function steady(plant: string, line: string, fromMinutesAgo: number, toMinutesAgo: number) {
  return Array.from({ length: fromMinutesAgo - toMinutesAgo + 1 }, (_, i) =>
    deviceEvent(`${plant}-${line}-${fromMinutesAgo - i}`, fromMinutesAgo - i, {
      plant,
      line,
      order_id: `O-${plant}`,
      event_type: 'production_start',
    }),
  );
}

/** A device event of the production_confirmation flow (cycle_complete), `minutesAgo` before now. */
export function deviceEvent(id: string, minutesAgo: number, extra: Record<string, unknown> = {}) {
  return {
    event_id: id,
    event_time: Date.now() - minutesAgo * MIN,
    plant: 'P1',
    line: 'L1',
    order_id: 'O-1',
    material: 'M-1',
    event_type: 'cycle_complete',
    quantity: 10,
    unit: 'EA',
    ...extra,
  };
}

/** An ERP posting of production_confirmation referencing `eventId` ('' for none), `minutesAgo` before now. */
export function posting(doc: string, eventId: string, minutesAgo: number, extra: Record<string, unknown> = {}) {
  return {
    document_id: doc,
    posted_at: Date.now() - minutesAgo * MIN,
    plant: 'P1',
    order_id: 'O-1',
    material: 'M-1',
    posting_type: 'production_confirmation',
    quantity: 10,
    unit: 'EA',
    device_event_id: eventId,
    ...extra,
  };
}

/**
 * A message of the production_confirmation flow that failed at the middleware: device event `id` 30
 * minutes ago (so reconciliation finds its posting missing), its device hop with the payload a replay
 * sends, and the failed middleware hop.
 */
export function failedMessage(id: string, order: string, plant = 'P1') {
  const flow = 'production_confirmation';
  const t = Date.now() - 30 * MIN;
  const base = { correlation_id: `c-${id}`, flow, plant, line: 'L1', order_id: order, business_key: id, material: 'M-1' };
  return {
    events: [deviceEvent(id, 30, { order_id: order, plant })],
    hops: [
      {
        ...base,
        hop_id: `${id}-h1`,
        stage: 'device',
        start_time: t,
        end_time: t + 20,
        status: 'ok',
        payload: { event_id: id, plant, quantity: 10, unit: 'EA', posting_type: flow },
      },
      {
        ...base,
        hop_id: `${id}-h2`,
        stage: 'middleware',
        start_time: t + 100,
        end_time: t + 300,
        status: 'error',
        error_code: 'HTTP_503',
        parent_hop_id: `${id}-h1`,
      },
    ],
  };
}

export async function seed(url: string, records: { events?: unknown[]; postings?: unknown[]; hops?: unknown[] }): Promise<void> {
  for (const [path, rows] of [
    ['/api/v1/device-events', records.events],
    ['/api/v1/erp-postings', records.postings],
    ['/api/v1/hops', records.hops],
  ] as const) {
    if (!rows?.length) continue;
    const res = await postRecords(url, path, rows, { token: TEST_ADMIN_TOKEN });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

export async function reconcileNow(url: string, flow?: string) {
  const { body } = await graphql<{ reconcileNow: { detected: number; resolved: number; reopened: number } }>(
    url,
    'mutation($flow: String) { reconcileNow(flow: $flow) { runId detected resolved reopened durationMs } }',
    { flow },
    TEST_ADMIN_TOKEN,
  );
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!.reconcileNow;
}

export interface FindingView {
  id: string;
  type: string;
  status: string;
  plant: string;
  line: string;
  flow: string;
  orderId: string;
  eventIds: string[];
  postingIds: string[];
  correlationIds: string[];
  deviceQuantity: number | null;
  erpQuantity: number | null;
  unit: string;
  valueAtRisk: number;
  severity: string;
  resolution: string | null;
  details: string;
  rulesVersion: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

const FIELDS =
  'id type status plant line flow orderId eventIds postingIds correlationIds deviceQuantity erpQuantity unit valueAtRisk severity resolution details rulesVersion firstSeenAt lastSeenAt';

/** Every finding (any status) visible to `credential`, as the API answers. */
export async function allFindings(
  url: string,
  filter: Record<string, unknown> = {},
  credential: string = TEST_ADMIN_TOKEN,
): Promise<FindingView[]> {
  const { body } = await graphql<{ findings: { nodes: FindingView[] } }>(
    url,
    `query($filter: FindingFilterInput) { findings(filter: $filter, first: 500, orderBy: AGE) { nodes { ${FIELDS} } } }`,
    { filter },
    credential,
  );
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!.findings.nodes;
}

/** The findings by type and first event or posting, for compact assertions: "missing_posting:e-1:open". */
export function summary(findings: FindingView[]): string[] {
  return findings.map((f) => `${f.type}:${f.eventIds[0] ?? f.postingIds[0] ?? f.correlationIds[0] ?? f.line}:${f.status}`).sort();
}
