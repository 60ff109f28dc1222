import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedClickHouse, startEmbeddedCluster } from '@syncline/clickhouse';
import { startTestApp } from '../support/app';

describe('/ready when ClickHouse goes away', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-ready-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns 503 and names ClickHouse as down while Redis stays up', async () => {
    const engine = await startEmbeddedClickHouse({ dataDir: dir });
    const app = await startTestApp({ CLICKHOUSE_URL: engine.url });
    try {
      expect((await fetch(`${app.url}/ready`)).status).toBe(200);
      await engine.stop();
      const res = await fetch(`${app.url}/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { details: Record<string, { status: string; message?: string }> };
      expect(body.details.clickhouse.status).toBe('down');
      expect(body.details.clickhouse.message).toMatch(/unavailable/i);
      expect(body.details.redis.status).toBe('up');
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    } finally {
      await app.close();
      await engine.stop();
    }
  });
});

describe('/ready on a cluster when one shard goes away', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'syncline-ready-cluster-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns 503 and names the shard that is down', async () => {
    const cluster = await startEmbeddedCluster({ dataDir: dir, shards: 2 });
    const app = await startTestApp({}, { cluster: { cluster: cluster.cluster, urls: cluster.urls } });
    try {
      expect((await fetch(`${app.url}/ready`)).status).toBe(200);
      await cluster.engines[1].stop();
      const res = await fetch(`${app.url}/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { details: Record<string, { status: string; message?: string }> };
      expect(body.details.clickhouse.status).toBe('down');
      expect(body.details.clickhouse.message).toMatch(/unavailable.*\(shard 2 of 2\)/is);
      expect(body.details.redis.status).toBe('up');
    } finally {
      await app.close().catch(() => undefined);
      await cluster.stop();
    }
  });
});
