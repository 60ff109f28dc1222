import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCluster, type EmbeddedCluster } from '@syncline/clickhouse';
import { startTestApp, TEST_ADMIN_PASSWORD, TEST_ADMIN_USER, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { signedInPage } from '../support/dashboard';
import { refreshRollups } from '../support/ingest';
import { deviceEvent, failedMessage, reconcileNow, seed } from '../support/reconcile';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/index.html');

/**
 * The dashboard on a two-shard cluster of embedded engines (issue 15): plants CL1 and CL2 live on
 * different shards (cityHash64 of the plant), and the pages show both as one installation.
 */
describe('the dashboard on a cluster', () => {
  let dir: string;
  let cluster: EmbeddedCluster;
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    expect(existsSync(WEB_DIST), 'the dashboard must be built first (npm run build)').toBe(true);
    dir = mkdtempSync(path.join(tmpdir(), 'syncline-e2e-cluster-'));
    cluster = await startEmbeddedCluster({ dataDir: dir, shards: 2 });
    app = await startTestApp({}, { cluster: { cluster: cluster.cluster, urls: cluster.urls } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the findings of plants on both shards in one queue, and opens a message’s trace from either', async () => {
    const [shardOfA, shardOfB] = await Promise.all(
      ['CL1', 'CL2'].map(async (p) => {
        const rs = await app.db.client.query({
          query: 'SELECT cityHash64({p:String}) % 2 AS s',
          query_params: { p },
          format: 'JSONEachRow',
        });
        return Number((await rs.json<{ s: number }>())[0].s);
      }),
    );
    expect(shardOfA, 'the two plants are on different shards').not.toBe(shardOfB);
    const a = failedMessage('cl-a', 'O-CL1', 'CL1');
    const b = failedMessage('cl-b', 'O-CL2', 'CL2');
    await seed(app.url, {
      events: [...a.events, ...b.events, deviceEvent('cl-c', 40, { plant: 'CL2', order_id: 'O-CL2' })],
      hops: [...a.hops, ...b.hops],
    });
    await reconcileNow(app.url);
    await refreshRollups(app.url);

    const page = await signedInPage(browser, contexts, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await page.goto(`${app.url}/exceptions?type=missing_posting`);
    const table = page.getByTestId('findings-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
    const text = await table.textContent();
    expect(text).toContain('CL1');
    expect(text).toContain('CL2');

    for (const corr of ['c-cl-a', 'c-cl-b']) {
      await page.goto(`${app.url}/traces/${corr}`);
      await expect.poll(() => page.getByText('middleware', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await page.getByText('HTTP_503').count()).toBeGreaterThan(0);
    }
  });
});
