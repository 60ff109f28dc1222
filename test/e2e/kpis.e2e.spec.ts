import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../../server/src/demo/simulate.command';
import { DEFAULT_SIMULATOR_OPTIONS } from '../../server/src/simulator';
import { graphql, startTestApp, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_ADMIN_USER, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { signedInPage } from '../support/dashboard';
import { postRecords, refreshRollups } from '../support/ingest';
import { createPerson, TEST_PASSWORD } from '../support/people';
import { at, DAY_MS, recentWednesday } from '../support/time';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/index.html');
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const HOUR = 3_600_000;

/**
 * The demo's plants over six hours of a recent Wednesday, when all of them work (their calendars stop P1
 * and P3 over the weekend: the last six hours of a Sunday hold none of their data), then a breached line
 * of our own.
 */
describe('business KPIs in the browser, on the demo\u2019s data', () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const until = at('14:00', recentWednesday());
  const range = { from: new Date(until - 6 * HOUR).toISOString(), to: new Date(until).toISOString() };
  const customUrl = (extra = '') =>
    `${app.url}/sync-lag?range=custom&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}${extra}`;

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
    app = await startTestApp();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await backfill(app.db.client, { ...DEFAULT_SIMULATOR_OPTIONS, seed: 11 }, until - 6 * HOUR, until - 60_000);
    // A line whose messages took 40 minutes to post: breached against the 15-minute SLA.
    const t0 = until - 3 * HOUR;
    const hops = [0, 1, 2].flatMap((i) =>
      ['device', 'erp_posting'].map((stage, k) => ({
        hop_id: `br-${i}-${stage}`,
        correlation_id: `br-${i}`,
        flow: 'production_confirmation',
        stage,
        plant: 'BR',
        line: 'SLOW-1',
        start_time: new Date(t0 + i * 60_000 + k * 40 * 60_000).toISOString(),
        end_time: new Date(t0 + i * 60_000 + k * 40 * 60_000 + 500).toISOString(),
        status: 'ok',
      })),
    );
    expect((await postRecords(app.url, '/api/v1/hops', hops, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    await refreshRollups(app.url);
    // Reconciliation over the demo's hours, as the scheduler would have done: findings for the ROI page.
    const sinceDays = Math.max(1, Math.ceil((Date.now() - (until - 6 * HOUR)) / DAY_MS));
    const run = await graphql(
      app.url,
      'mutation($sinceDays: Int) { reconcileNow(sinceDays: $sinceDays) { runId } }',
      { sinceDays },
      TEST_ADMIN_TOKEN,
    );
    expect(run.body.errors, JSON.stringify(run.body.errors)).toBeUndefined();
  }, 240_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it('the plant manager\u2019s home: tiles, one lag chart per flow whose points match the API, the SLA grid, where the lag comes from', async () => {
    const page = await signedInPage(browser, contexts, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await page.goto(customUrl());
    const grid = page.getByTestId('sla-grid');
    await grid.waitFor({ timeout: 15_000 });
    const plants = new Set(await grid.locator('tbody tr th').allTextContents());
    expect(plants).toEqual(new Set(['BR', 'P1', 'P2', 'P3']));
    const tiles = page.getByTestId('sync-lag-kpis');
    expect(await tiles.getByRole('group').count()).toBe(5);
    expect(await tiles.getByRole('group', { name: 'p95 device-to-ERP lag' }).textContent()).toMatch(/\d/);
    expect(await page.getByTestId('stage-shares').locator('li').count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sync-lag.png'), fullPage: true });

    const { body } = await graphql<{ syncLagSeries: { flow: string; points: { t: string; p95: number | null }[] }[] }>(
      app.url,
      'query($range: TimeRangeInput!) { syncLagSeries(range: $range) { flow points { t p95 } } }',
      { range },
      TEST_ADMIN_TOKEN,
    );
    const api = body.data!.syncLagSeries.find((s) => s.flow === 'goods_receipt')!;
    expect(api.points.length).toBeGreaterThan(10);
    const table = page.getByTestId('lag-points-goods_receipt');
    await page
      .getByText(/Points as a table/)
      .first()
      .waitFor();
    await table.locator('xpath=ancestor::details').locator('summary').click();
    const shown = [];
    for (const row of await table.locator('tbody tr').all())
      shown.push({ t: await row.getAttribute('data-t'), p95: await row.locator('td').nth(4).getAttribute('data-seconds') });
    expect(shown).toEqual(api.points.map((p) => ({ t: p.t, p95: p.p95 === null ? '' : String(p.p95) })));
  });

  it('a breached cell opens the exceptions of that plant, line and flow over the same range', async () => {
    const page = await signedInPage(browser, contexts, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await page.goto(customUrl('&plant=BR'));
    const cell = page.getByTestId('sla-grid').locator('td[data-state="breached"]');
    await cell.waitFor({ timeout: 15_000 });
    expect(await cell.textContent()).toContain('breached');
    await cell.getByRole('link').click();
    await page.waitForURL(/\/exceptions\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      plant: 'BR',
      line: 'SLOW-1',
      flow: 'production_confirmation',
      from: range.from,
      to: range.to,
    });
    await page.getByRole('heading', { level: 1, name: 'Exceptions' }).waitFor();
  });

  it('the executive’s home: ROI figures with their sentences, baseline and assumptions; the CSV export', async () => {
    await createPerson(app.url, { username: 'kpi-exec', role: 'executive' });
    const page = await signedInPage(browser, contexts, app.url, 'kpi-exec', TEST_PASSWORD);
    await page.waitForURL(`${app.url}/roi`);
    await page.goto(`${app.url}/roi?period=custom&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`);
    const figures = page.getByTestId('roi-figures');
    await figures.waitFor({ timeout: 15_000 });
    const noTouch = figures.getByRole('article', { name: 'Postings with no manual touch' });
    expect(await noTouch.locator('.roi-figure__value').textContent()).toMatch(/^\d+(\.\d)? %$/);
    expect(await noTouch.textContent()).toContain('no person had to act on');
    expect(await figures.getByRole('article', { name: 'Manual reconciliation hours avoided' }).textContent()).toContain(
      'Minutes per manual reconciliation = 20 min',
    );
    expect(await page.getByTestId('roi-by-plant-flow').locator('tbody tr').count()).toBeGreaterThanOrEqual(12);
    // An executive reads; only an admin edits the assumptions.
    expect(await page.getByRole('button', { name: 'Edit assumptions' }).count()).toBe(0);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(csv).toMatch(/^figure,no_touch_share,/m);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'roi.png'), fullPage: true });
  });

  it('an admin’s edit of the ROI assumptions changes the figure that uses them', async () => {
    const page = await signedInPage(browser, contexts, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await page.goto(`${app.url}/roi?period=custom&from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`);
    const cost = page.getByRole('article', { name: 'Cost of manual work avoided' }).locator('.roi-figure__value');
    await cost.waitFor({ timeout: 15_000 });
    const before = Number(await cost.getAttribute('data-value'));
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Edit assumptions' }).click();
    const form = page.getByRole('form', { name: 'ROI assumptions' });
    await form.getByLabel('Hourly cost (EUR)').fill('-5');
    await form.getByRole('button', { name: 'Save assumptions' }).click();
    await form.getByText(/hourlyCost must not be less than 0|hourlyCost must be a number/).waitFor();
    await form.getByLabel('Hourly cost (EUR)').fill('110');
    await form.getByRole('button', { name: 'Save assumptions' }).click();
    await form.getByText('Saved; the figures above use them now.').waitFor();
    // 55 EUR an hour by default: doubling it doubles the cost avoided.
    await expect.poll(async () => Number(await cost.getAttribute('data-value')), { timeout: 15_000 }).toBeCloseTo(before * 2, 6);
    expect(await page.getByRole('article', { name: 'Cost of manual work avoided' }).textContent()).toContain(
      'Hourly cost of that work = 110 EUR',
    );
  });

  it('the settings pages show the demo’s setup, and each form shows the server’s error beside its field', async () => {
    const page = await signedInPage(browser, contexts, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    const settings = page.getByRole('navigation', { name: 'Settings' });
    const open = async (label: string, path: string, heading: string) => {
      await page.goto(`${app.url}/settings`);
      await settings.getByRole('link', { name: label }).click();
      await page.waitForURL(`${app.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15_000 });
    };

    await open('Flows and rules', '/settings/flows', 'Flows and rules');
    const rules = page.getByRole('table', { name: 'Flow rules' });
    await rules.getByRole('row', { name: /goods_receipt/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-flows.png'), fullPage: true });
    await page.getByRole('button', { name: 'Change goods_receipt' }).click();
    const flowForm = page.getByRole('form', { name: 'Flow rules' });
    await flowForm.getByLabel('SLA (minutes)').fill('0');
    await flowForm.getByRole('button', { name: 'Save rules' }).click();
    const slaError = flowForm.getByLabel('SLA (minutes)').locator('xpath=..').locator('.field__error');
    await slaError.waitFor();
    expect(await slaError.textContent()).toMatch(/slaSeconds must be a whole number of seconds from 1/);

    await open('Units and costs', '/settings/units', 'Units and costs');
    await page.getByRole('table', { name: 'Unit conversions' }).waitFor();
    const conv = page.getByRole('form', { name: 'Unit conversion' });
    await conv.getByLabel('1 of unit', { exact: true }).fill('BARRELS-OF-FUN');
    await conv.getByLabel('equals', { exact: true }).fill('2');
    await conv.getByLabel('of unit', { exact: true }).fill('EA');
    await conv.getByRole('button', { name: 'Save conversion' }).click();
    await conv.getByText(/fromUnit "BARRELS-OF-FUN" is not a known unit/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-units.png'), fullPage: true });

    await open('Calendars', '/settings/calendars', 'Calendars');
    await page.getByRole('table', { name: 'Plant calendars' }).getByRole('row', { name: /^P1/ }).waitFor();
    const template = page.getByRole('form', { name: 'New plant from a template' });
    await template.getByLabel('New plant').fill('P9');
    await template.getByLabel('Copy from plant').fill('P1');
    await template.getByRole('button', { name: 'Create plant' }).click();
    await template.getByText(/P9 starts as a copy of P1: its calendar/).waitFor();
    await page.getByRole('table', { name: 'Plant calendars' }).getByRole('row', { name: /^P9/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-calendars.png'), fullPage: true });

    await open('Alerts', '/settings/alerts', 'Alerts');
    await page.getByRole('button', { name: 'Add a channel' }).click();
    const channelForm = page.getByRole('form', { name: 'Alert channel' });
    await channelForm.getByLabel('Channel name').fill('Ops Slack');
    await channelForm.getByLabel('Webhook URL').fill('env:NO_SUCH_SECRET');
    await channelForm.getByRole('button', { name: 'Save channel' }).click();
    await channelForm.getByText(/SYNCLINE_SECRET_NO_SUCH_SECRET is not set/).waitFor();
    await channelForm.getByLabel('Webhook URL').fill('http://127.0.0.1:9/hooks/ops');
    await channelForm.getByRole('button', { name: 'Save channel' }).click();
    await page
      .getByRole('table', { name: 'Alert channels' })
      .getByRole('row', { name: /Ops Slack/ })
      .waitFor();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const ruleForm = page.getByRole('form', { name: 'Alert rule' });
    await ruleForm.getByLabel('Rule name').fill('Critical findings');
    await ruleForm.getByRole('checkbox', { name: 'Ops Slack' }).first().check();
    await ruleForm.getByRole('button', { name: 'Save rule' }).click();
    await page
      .getByRole('table', { name: 'Alert rules' })
      .getByRole('row', { name: /Critical findings/ })
      .waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-alerts.png'), fullPage: true });

    await open('API keys', '/settings/api-keys', 'API keys');
    const keyForm = page.getByRole('form', { name: 'New API key' });
    await keyForm.getByLabel('Name').fill('P1 edge gateway');
    await keyForm.getByLabel('Plants').fill('P1');
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    expect(await page.getByTestId('new-api-key').textContent()).toMatch(/^sl_/);
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row', { name: /P1 edge gateway/ })
      .waitFor();

    await open('ROI assumptions', '/settings/roi', 'ROI assumptions');
    await page.getByRole('form', { name: 'ROI assumptions' }).waitFor();
  });

  it('every other page on the demo’s data, for the README', async () => {
    const page = await signedInPage(browser, contexts, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    const shots: [string, string, () => Promise<void>][] = [
      ['/exceptions', 'exceptions-demo.png', () => page.getByRole('heading', { level: 1, name: 'Exceptions' }).waitFor()],
      // 30 days: the list's default is the last day, and the demo's hours are on a Wednesday 2-8 days back.
      [
        '/traces?range=30d',
        'traces-demo.png',
        () => page.getByRole('table', { name: 'Messages' }).locator('tbody tr').first().waitFor(),
      ],
      ['/settings/audit', 'settings-audit.png', () => page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor()],
      [
        '/settings/replay-targets',
        'settings-replay-targets.png',
        () => page.getByRole('table', { name: 'Replay targets' }).waitFor(),
      ],
      ['/settings/roi', 'settings-roi.png', () => page.getByRole('form', { name: 'ROI assumptions' }).waitFor()],
      ['/settings/api-keys', 'settings-api-keys.png', () => page.getByRole('table', { name: 'API keys' }).waitFor()],
    ];
    for (const [where, file, ready] of shots) {
      await page.goto(`${app.url}${where}`);
      await ready();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
    }
  });

  it('a plant manager cannot reach another plant\u2019s KPIs by editing the URL', async () => {
    await createPerson(app.url, { username: 'kpi-pm-p1', role: 'plant_manager', plants: ['P1'] });
    const page = await signedInPage(browser, contexts, app.url, 'kpi-pm-p1', TEST_PASSWORD);
    await page.goto(customUrl());
    const grid = page.getByTestId('sla-grid');
    await grid.waitFor({ timeout: 15_000 });
    expect(new Set(await grid.locator('tbody tr th').allTextContents())).toEqual(new Set(['P1']));
    await page.goto(customUrl('&plant=P2'));
    await page.getByText('No messages in this range for these filters.').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('sla-grid').count()).toBe(0);
  });
});
