import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedClickHouse } from '@syncline/clickhouse';
import { startTestApp } from '../support/app';
import { createApiKey, deviceEvent, postRecords } from '../support/ingest';
import { freePort } from '../support/process';

describe('ingest while ClickHouse is down', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-outage-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 503 with Retry-After and stores nothing, and the retry after recovery counts once', async () => {
    const port = await freePort();
    let engine = await startEmbeddedClickHouse({ dataDir: dir, port });
    const app = await startTestApp({ CLICKHOUSE_URL: engine.url });
    try {
      const key = (await createApiKey(app.url, { plants: ['P1'], kinds: ['device_events', 'hops'] })).token;
      const first = Array.from({ length: 10 }, () => deviceEvent({ line: 'OUT' }));
      expect((await postRecords(app.url, '/api/v1/device-events', first, { token: key })).status).toBe(200);
      await engine.stop();
      const second = Array.from({ length: 10 }, () => deviceEvent({ line: 'OUT' }));
      const down = await postRecords(app.url, '/api/v1/device-events', second, { token: key });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(down.body.error).toBe('storage_unavailable');
      expect(down.body.message).toMatch(/nothing was stored/);
      const otlp = await fetch(`${app.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          resourceSpans: [
            {
              resource: { attributes: [{ key: 'mfg.plant', value: { stringValue: 'P1' } }] },
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: '5b8efff798038103d269b633813fc60c',
                      spanId: 'eee19b7ec3c1b174',
                      name: 'x',
                      startTimeUnixNano: `${Date.now()}000000`,
                      attributes: [
                        { key: 'syncline.flow', value: { stringValue: 'outage' } },
                        { key: 'syncline.stage', value: { stringValue: 'broker' } },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      });
      expect(otlp.status).toBe(503);
      expect(otlp.headers.get('retry-after')).toBe('5');
      engine = await startEmbeddedClickHouse({ dataDir: dir, port });
      const retried = await postRecords(app.url, '/api/v1/device-events', second, { token: key });
      expect(retried.status).toBe(200);
      await postRecords(app.url, '/api/v1/device-events', first, { token: key });
      const ch = createClient({ url: engine.url, database: app.syncline.config.clickhouse.database });
      const rows = await (
        await ch.query({ query: "SELECT count() AS c FROM device_events FINAL WHERE line = 'OUT'", format: 'JSONEachRow' })
      ).json<{ c: string }>();
      await ch.close();
      expect(Number(rows[0].c)).toBe(20);
    } finally {
      await app.close();
      await engine.stop();
    }
  });
});
