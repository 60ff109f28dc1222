import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';

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
    await page.goto(app.url);
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
    await page.goto(`${app.url}/traces`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Traces');
    await page.getByRole('link', { name: 'Exceptions' }).click();
    await page.waitForURL('**/exceptions');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Exceptions');
  });
});
