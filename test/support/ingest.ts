import { gzipSync } from 'node:zlib';
import { graphql, TEST_ADMIN_TOKEN } from './app';
import { at, DAY } from './time';

export async function createApiKey(
  url: string,
  input: { name?: string; plants: string[]; kinds: string[]; rateLimitPerMinute?: number },
): Promise<{ token: string; id: string }> {
  const { body } = await graphql<{ createApiKey: { token: string; apiKey: { id: string } } }>(
    url,
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id } } }',
    { input: { name: 'test key', ...input } },
    TEST_ADMIN_TOKEN,
  );
  if (!body.data) throw new Error(`createApiKey failed: ${JSON.stringify(body.errors)}`);
  return { token: body.data.createApiKey.token, id: body.data.createApiKey.apiKey.id };
}

export interface PostOptions {
  token?: string;
  ndjson?: boolean;
  gzip?: boolean;
  contentType?: string;
  rawBody?: string | Buffer;
}

export async function postRecords(url: string, path: string, records: unknown[], opts: PostOptions = {}) {
  let body: string | Buffer =
    opts.rawBody ?? (opts.ndjson ? records.map((r) => JSON.stringify(r)).join('\n') + '\n' : JSON.stringify(records));
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? (opts.ndjson ? 'application/x-ndjson' : 'application/json'),
  };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.gzip) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  const res = await fetch(`${url}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { raw: text };
  }
  return { status: res.status, headers: res.headers, body: json };
}

let seq = 0;
export function hop(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    hop_id: `hop-${process.pid}-${seq}`,
    correlation_id: `corr-${process.pid}-${seq}`,
    flow: 'production_confirmation',
    stage: 'middleware',
    system: 'boomi',
    plant: 'P1',
    line: 'L1',
    order_id: 'ORD-1',
    material: 'MAT-1',
    event_type: 'cycle_complete',
    quantity: 12,
    unit: 'pcs',
    start_time: `${DAY}T08:00:00.000+01:00`,
    end_time: `${DAY}T08:00:00.250+01:00`,
    status: 'ok',
    business_key: `evt-${seq}`,
    payload: { qty: 12 },
    attributes: { tenant: 'acme', retries: 0 },
    ...overrides,
  };
}

export function deviceEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    event_id: `evt-${process.pid}-${seq}`,
    event_time: at('08:00'),
    plant: 'P1',
    line: 'L1',
    asset: 'A1',
    order_id: 'ORD-1',
    material: 'MAT-1',
    event_type: 'cycle_complete',
    quantity: 24,
    unit: 'PCE',
    ...overrides,
  };
}

export function erpPosting(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    document_id: `doc-${process.pid}-${seq}`,
    posted_at: `${DAY}T07:10:00Z`,
    plant: 'P1',
    flow: 'production_confirmation',
    order_id: 'ORD-1',
    material: 'MAT-1',
    posting_type: 'production_confirmation',
    quantity: 2,
    unit: 'case',
    device_event_id: 'evt-1',
    ...overrides,
  };
}

/** Rolls up what has arrived (the Sync lag page reads the rollups), as an operator would on demand. */
export async function refreshRollups(url: string): Promise<{ minutes: number; hours: number }> {
  const { body } = await graphql<{ refreshSyncLagRollups: { minutes: number; hours: number } }>(
    url,
    'mutation { refreshSyncLagRollups { minutes hours } }',
    undefined,
    TEST_ADMIN_TOKEN,
  );
  if (body.errors || !body.data) throw new Error(`refreshSyncLagRollups failed: ${JSON.stringify(body.errors)}`);
  return body.data.refreshSyncLagRollups;
}
