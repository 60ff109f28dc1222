import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { signedInPage } from '../support/dashboard';
import { postRecords } from '../support/ingest';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../support/people';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/index.html');
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const MINUTE = 60_000;
const STAGES = ['device', 'gateway', 'broker', 'middleware', 'erp_api', 'erp_posting'];

let serial = 0;
const uniquePlant = () => `T${process.pid % 10_000}P${++serial}`;

/**
 * Two messages of one plant, 40 minutes ago: one went the whole way with the gateway buffering it
 * for 8 minutes (a network outage), one failed at the ERP API (a failed_hop finding).
 */
async function seedPlant(url: string, plant: string) {
  const t0 = Date.now() - 40 * MINUTE;
  const id = (name: string) => `${plant}-${name}`;
  const hop = (corr: string, stage: string, i: number, start: number, end: number, extra: Record<string, unknown> = {}) => ({
    hop_id: `${corr}-${i}`,
    correlation_id: corr,
    parent_hop_id: i > 0 ? `${corr}-${i - 1}` : '',
    flow: 'production_confirmation',
    stage,
    system: `${stage}-system`,
    plant,
    line: `${plant}-L1`,
    asset: `${plant}-A1`,
    order_id: id('ORDER'),
    material: 'M1',
    event_type: 'cycle_complete',
    quantity: 40,
    unit: 'EA',
    start_time: new Date(t0 + start).toISOString(),
    end_time: new Date(t0 + end).toISOString(),
    status: 'ok',
    business_key: id(`EV-${corr.slice(-1)}`),
    payload: { event_id: id(`EV-${corr.slice(-1)}`), quantity: 40, unit: 'EA' },
    ...extra,
  });
  const ok = id('corr-a');
  const failed = id('corr-b');
  // Device at 0, gateway 8 minutes later (buffered), then the rest within seconds.
  const starts = [0, 8 * MINUTE, 8 * MINUTE + 300, 8 * MINUTE + 600, 8 * MINUTE + 1200, 8 * MINUTE + 2000];
  const hops = [
    ...STAGES.map((stage, i) => hop(ok, stage, i, starts[i], starts[i] + 200)),
    ...STAGES.slice(0, 5).map((stage, i) =>
      hop(failed, stage, i, 60_000 + i * 500, 60_000 + i * 500 + 200, {
        ...(stage === 'erp_api' ? { status: 'error', error_code: 'HTTP_500', error_message: 'posting period closed' } : {}),
      }),
    ),
  ];
  expect((await postRecords(url, '/api/v1/hops', hops, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
  const event = {
    event_id: id('EV-a'),
    event_time: t0,
    plant,
    line: `${plant}-L1`,
    order_id: id('ORDER'),
    material: 'M1',
    event_type: 'cycle_complete',
    quantity: 40,
    unit: 'EA',
  };
  const posting = {
    document_id: id('DOC-a'),
    posted_at: t0 + 8 * MINUTE + 2200,
    plant,
    order_id: id('ORDER'),
    material: 'M1',
    posting_type: 'production_confirmation',
    quantity: 40,
    unit: 'EA',
    device_event_id: id('EV-a'),
  };
  expect((await postRecords(url, '/api/v1/device-events', [event], { token: TEST_ADMIN_TOKEN })).status).toBe(200);
  expect((await postRecords(url, '/api/v1/erp-postings', [posting], { token: TEST_ADMIN_TOKEN })).status).toBe(200);
  const run = await graphql(url, 'mutation { reconcileNow { detected } }', undefined, TEST_ADMIN_TOKEN);
  expect(run.body.errors, JSON.stringify(run.body.errors)).toBeUndefined();
  return { ok, failed, order: id('ORDER') };
}

describe('the Traces pages', () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function signedIn(plant: string): Promise<Page> {
    const person: TestPerson = { username: `support-${plant.toLowerCase()}`, role: 'it_support', plants: [plant] };
    await createPerson(app.url, person);
    return signedInPage(browser, contexts, app.url, person.username, TEST_PASSWORD);
  }

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
    app = await startTestApp();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it('finds a message by its order, shows all six stages with the gateway gap marked, and opens a hop\u2019s payload', async () => {
    const plant = uniquePlant();
    const { ok, order } = await seedPlant(app.url, plant);
    const page = await signedIn(plant);
    await page.goto(`${app.url}/traces`);
    await page.getByLabel('Find a message').fill(order);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/[?&]q=/);
    const results = page.getByRole('table', { name: 'Messages' });
    await expect.poll(() => results.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.locator('.traces__status').textContent(), { timeout: 15_000 }).toContain('Matched as order');
    await results.getByRole('link', { name: ok }).click();

    await page.waitForURL(`${app.url}/traces/${ok}`);
    const rows = page.getByRole('list', { name: 'Hops' }).locator('li');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(6);
    const stages = await Promise.all((await page.locator('[data-stage]').all()).map((hop) => hop.getAttribute('data-stage')));
    expect(stages).toEqual(STAGES);
    // The 8 minutes between the device hop's end and the gateway's start stand out, labelled.
    const gap = page.getByTestId('long-gap');
    expect(await gap.count()).toBe(1);
    expect(await gap.textContent()).toBe('8.0 min buffered at the gateway');
    expect(await page.getByRole('region', { name: 'ERP postings' }).textContent()).toContain(`${plant}-DOC-a`);
    expect(await page.getByRole('region', { name: 'Device event' }).textContent()).toContain(`${plant}-EV-a`);

    await page.locator('[data-stage="erp_posting"]').click();
    const payload = page.getByTestId('payload');
    await payload.waitFor({ timeout: 15_000 });
    // Pretty-printed JSON, as it was sent.
    expect(await payload.textContent()).toBe(JSON.stringify({ event_id: `${plant}-EV-a`, quantity: 40, unit: 'EA' }, null, 2));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trace-waterfall.png'), fullPage: true });

    // A deep link opens the message whatever the search page had selected; another plant's is not found.
    await page.goto(`${app.url}/traces/does-not-exist`);
    await page.getByRole('heading', { name: 'Message not found' }).waitFor({ timeout: 15_000 });
  });

  it('goes from a failed-hop finding to its trace, and from the trace back to the finding', async () => {
    const plant = uniquePlant();
    const { failed } = await seedPlant(app.url, plant);
    const { body } = await graphql<{ findings: { nodes: { id: string; correlationIds: string[] }[] } }>(
      app.url,
      'query($plant: String!) { findings(filter: { plants: [$plant], types: ["failed_hop"] }) { nodes { id correlationIds } } }',
      { plant },
      TEST_ADMIN_TOKEN,
    );
    const finding = body.data!.findings.nodes[0];
    expect(finding.correlationIds).toEqual([failed]);
    const page = await signedIn(plant);
    await page.goto(`${app.url}/exceptions?finding=${finding.id}&status=all`);
    await page.getByTestId('correlation-ids').getByRole('link', { name: failed }).click();

    await page.waitForURL(`${app.url}/traces/${failed}`);
    const rows = page.getByRole('list', { name: 'Hops' }).locator('li');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('.hop--error').textContent()).toContain('HTTP_500');
    const findings = page.getByRole('region', { name: 'Findings' });
    await findings.getByRole('link', { name: 'failed hop' }).click();
    await page.waitForURL(new RegExp(`finding=${finding.id}`));
  });
});
