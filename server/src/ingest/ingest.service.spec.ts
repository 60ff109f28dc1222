import { describe, expect, it } from 'vitest';
import { ClickHouseUnavailableError } from '../clickhouse/clickhouse.errors';
import type { ClickHouseService } from '../clickhouse/clickhouse.service';
import { loadConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { IngestHttpError } from './ingest.errors';
import { IngestService } from './ingest.service';
import { hopSpec } from './records/hop.record';
import type { UnitsService } from './units/units.service';

/** An IngestService whose unit table cannot be loaded: ClickHouse is down. */
function serviceWithClickHouseDown() {
  const units = {
    current: () => Promise.reject(new ClickHouseUnavailableError('ClickHouse is unreachable')),
  } as unknown as UnitsService;
  return new IngestService({} as ClickHouseService, units, new MetricsService(), loadConfig({}, '/tmp'));
}

const limits = (maxRows: number) => ({ maxRows, limitName: 'INGEST_MAX_ROWS' });

async function statusOf(p: Promise<unknown>): Promise<number | string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err instanceof IngestHttpError) return err.status;
  return err instanceof ClickHouseUnavailableError ? 'unavailable' : String(err);
}

describe('IngestService.ingestBody while ClickHouse is down', () => {
  it('answers 400 for a body that is not valid NDJSON or JSON, not 503: a retry could never succeed', async () => {
    const svc = serviceWithClickHouseDown();
    const ndjson = Buffer.from('{"hop_id": oops\n');
    expect(await statusOf(svc.ingestBody(hopSpec, ndjson, 'application/x-ndjson', null, limits(10)))).toBe(400);
    expect(await statusOf(svc.ingestBody(hopSpec, Buffer.from('[oops'), 'application/json', null, limits(10)))).toBe(400);
  });

  it('answers 413 for more than INGEST_MAX_ROWS records', async () => {
    const svc = serviceWithClickHouseDown();
    const body = Buffer.from('{}\n{}\n{}\n');
    expect(await statusOf(svc.ingestBody(hopSpec, body, 'application/x-ndjson', null, limits(2)))).toBe(413);
  });

  it('answers "unavailable" (503) for a well-formed body', async () => {
    const svc = serviceWithClickHouseDown();
    const body = Buffer.from('{"hop_id":"h1"}\n');
    expect(await statusOf(svc.ingestBody(hopSpec, body, 'application/x-ndjson', null, limits(10)))).toBe('unavailable');
  });
});
