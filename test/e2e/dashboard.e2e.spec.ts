import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_ADMIN_USER, type TestApp } from '../support/app';
import { postRecords, refreshRollups } from '../support/ingest';
import { launchBrowser } from '../support/browser';
import { signInThroughPage } from '../support/dashboard';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/index.html');

describe('the built dashboard in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
    app = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the navigation and a status badge that turns ready', async () => {
    const page = await browser.newPage();
    await signInThroughPage(page, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    const badge = page.getByTestId('status-badge');
    await expect.poll(() => badge.getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
    expect(await badge.textContent()).toBe('Ready');
    for (const label of ['Sync lag', 'Exceptions', 'Traces', 'ROI', 'Settings']) {
      expect(await page.getByRole('link', { name: label }).count()).toBe(1);
    }
    expect(new URL(page.url()).pathname).toBe('/sync-lag');
  });

  it('navigates between pages and opens a deep link directly', async () => {
    const page = await browser.newPage();
    await signInThroughPage(page, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await page.goto(`${app.url}/traces`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Traces');
    await page.getByRole('link', { name: 'Exceptions' }).click();
    await page.waitForURL('**/exceptions');
    // Pages load on first use: the heading changes once the page's code has arrived.
    await page.getByRole('heading', { level: 1, name: 'Exceptions' }).waitFor();
  });

  it("signs in with the admin's username and password, then shows sync lag per line from ClickHouse", async () => {
    // Two messages on E2E / LINE-7 five minutes ago: one posted 90 s after its device hop, one not yet.
    const t0 = Date.now() - 5 * 60_000;
    const hops = [
      { id: 'e2e-0', stage: 'device', at: t0 },
      { id: 'e2e-0', stage: 'erp_posting', at: t0 + 89_500 },
      { id: 'e2e-1', stage: 'device', at: t0 + 1 },
    ].map((h) => ({
      hop_id: `${h.id}-${h.stage}`,
      correlation_id: h.id,
      flow: 'production_confirmation',
      stage: h.stage,
      plant: 'E2E',
      line: 'LINE-7',
      start_time: new Date(h.at).toISOString(),
      end_time: new Date(h.at + 500).toISOString(),
      status: 'ok',
    }));
    expect((await postRecords(app.url, '/api/v1/hops', hops, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    await refreshRollups(app.url);

    const page = await browser.newPage();
    await page.goto(`${app.url}/sync-lag`);
    await page.getByLabel('Username', { exact: true }).fill(TEST_ADMIN_USER);
    await page.getByLabel('Password', { exact: true }).fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/sync-lag');
    const row = page.getByTestId('sla-grid').getByRole('row', { name: /E2E\s+LINE-7/ });
    await row.waitFor({ timeout: 15_000 });
    // One flow: its cell says the state in words (p95 90 s is well within the 15 min SLA).
    const cell = row.locator('td[data-state]');
    expect(await cell.getAttribute('data-state')).toBe('within');
    expect(await cell.textContent()).toContain('within');
    expect(await cell.textContent()).toContain('p95 90 s');
    const tiles = page.getByTestId('sync-lag-kpis');
    expect(await tiles.getByRole('group', { name: 'Within SLA' }).textContent()).toContain('1 of 2 messages posted');
    await page.screenshot({ path: path.resolve(__dirname, '../../.tmp/sync-lag.png'), fullPage: true });
  });
});
