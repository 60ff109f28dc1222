import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayTarget } from '../../server/src/demo/replay-target';
import { graphql, startTestApp, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_ADMIN_USER, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { signedInPage } from '../support/dashboard';
import { createApiKey, postRecords } from '../support/ingest';
import { createPerson, TEST_PASSWORD } from '../support/people';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/index.html');
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const MINUTE = 60_000;
const FLOW = 'production_confirmation';

async function admin<T>(app: TestApp, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await graphql<T>(app.url, query, variables, TEST_ADMIN_TOKEN);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

/**
 * Replay from the dashboard, as in the demo: the demo's simulated ERP API is the flow's replay target
 * (configured as `npm run demo` does), and books what it receives back through Syncline's ingest.
 */
describe('replay in the dashboard', () => {
  let app: TestApp;
  let browser: Browser;
  let erp: ReplayTarget;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
    app = await startTestApp();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const key = await createApiKey(app.url, { plants: ['*'], kinds: ['erp_postings'] });
    erp = new ReplayTarget({ ingestUrl: `${app.url}/api/v1/erp-postings`, apiKey: key.token });
    await erp.start();
    await admin(app, 'mutation($input: ReplayTargetInput!) { saveReplayTarget(input: $input) { flow } }', {
      input: { flow: FLOW, url: erp.url, ratePerSecond: 50, concurrency: 4 },
    });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await erp?.stop();
    await app?.close();
  });

  it('a dry run, then the replay of one finding: replay_sent, then resolved_auto once the ERP books it', async () => {
    const plant = `R${process.pid % 10_000}`;
    const t = Date.now() - 40 * MINUTE;
    const eventId = `${plant}-E1`;
    const event = {
      event_id: eventId,
      event_time: t,
      plant,
      line: 'L1',
      order_id: `${plant}-O1`,
      material: 'M1',
      event_type: 'cycle_complete',
      quantity: 40,
      unit: 'EA',
    };
    const base = {
      correlation_id: `${plant}-c1`,
      flow: FLOW,
      plant,
      line: 'L1',
      order_id: `${plant}-O1`,
      material: 'M1',
      business_key: eventId,
    };
    const hops = [
      {
        ...base,
        hop_id: `${plant}-h1`,
        stage: 'device',
        start_time: t,
        end_time: t + 30,
        status: 'ok',
        payload: { ...event, attributes: { flow: FLOW } },
      },
      {
        ...base,
        hop_id: `${plant}-h2`,
        stage: 'erp_api',
        start_time: t + 200,
        end_time: t + 450,
        status: 'error',
        error_code: 'HTTP_503',
        parent_hop_id: `${plant}-h1`,
      },
    ];
    expect((await postRecords(app.url, '/api/v1/device-events', [event], { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    expect((await postRecords(app.url, '/api/v1/hops', hops, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    await admin(app, 'mutation { reconcileNow { detected } }');
    const statusOf = async () =>
      (
        await admin<{ findings: { nodes: { id: string; type: string; status: string; resolution: string | null }[] } }>(
          app,
          'query($p: String!) { findings(filter: { plants: [$p], types: ["missing_posting"] }, first: 5) { nodes { id type status resolution } } }',
          { p: plant },
        )
      ).findings.nodes[0];
    const finding = await statusOf();
    expect(finding.status).toBe('open');

    const username = `replayer-${process.pid}`;
    await createPerson(app.url, { username, role: 'it_support', plants: [plant] });
    const page = await signedInPage(browser, contexts, app.url, username, TEST_PASSWORD);
    await page.goto(`${app.url}/exceptions?finding=${finding.id}`);
    await page.getByTestId('finding-panel').getByRole('button', { name: 'Replay…' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('replay-plan').textContent()).toMatch(/1 message would be sent, 0 skipped/);
    expect(await dialog.getByRole('table', { name: 'Would be sent' }).textContent()).toContain(eventId);
    expect(erp.url).toBeTruthy();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'replay-dry-run.png') });
    await dialog.getByLabel('Reason').fill('ERP API was down at 10:40');
    await dialog.getByRole('button', { name: 'Yes, replay 1 message' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Replay started' }).count()).toBe(1);

    await expect.poll(async () => (await statusOf()).status, { timeout: 15_000 }).toBe('replay_sent');
    // The simulated ERP booked it through ingest; the next reconciliation closes the finding.
    await admin(app, 'mutation { reconcileNow { detected } }');
    const closed = await statusOf();
    expect(closed.status).toBe('resolved_auto');
    expect(closed.resolution).toMatch(new RegExp(`^replayed by ${username} at .+; posting SIM-\\S+ arrived`));

    await page.goto(`${app.url}/replays`);
    const row = page.locator('tr[data-testid^="replay-"]').first();
    await expect.poll(() => row.textContent()).toContain('1 sent');
    expect(await row.textContent()).toContain('ERP API was down at 10:40');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'replays.png'), fullPage: true });
  });

  it('an admin sets a replay target in Settings: a URL that cannot work is refused beside its field, secrets are shown as references', async () => {
    const page = await signedInPage(browser, contexts, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await page.goto(`${app.url}/settings/replay-targets`);
    const table = page.getByRole('table', { name: 'Replay targets' });
    await expect.poll(() => table.textContent()).toContain(erp.url);
    const form = page.getByRole('form', { name: 'Save a replay target' });
    await form.getByLabel('Flow').fill('goods_receipt');
    await form.getByLabel('URL').fill('ftp://erp.example/replay');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.textContent()).toContain('url must be an http:// or https:// URL');
    await form.getByLabel('URL').fill('https://erp.example/replay');
    await form.getByLabel('Headers').fill('Authorization=env:NOT_SET');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.textContent()).toContain('SYNCLINE_SECRET_NOT_SET is not set');
    await form.getByLabel('Headers').fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.textContent()).toContain('Saved the replay target of goods_receipt');
    await expect.poll(() => table.textContent()).toContain('https://erp.example/replay');
  });

  it('a viewer sees no replay action and no Replays page', async () => {
    const username = `replay-viewer-${process.pid}`;
    await createPerson(app.url, { username, role: 'viewer', plants: ['P1'] });
    const page = await signedInPage(browser, contexts, app.url, username, TEST_PASSWORD);
    await page.goto(`${app.url}/exceptions`);
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('Exceptions');
    expect(await page.getByRole('navigation').textContent()).not.toContain('Replays');
    expect(await page.getByRole('button', { name: 'Replay…' }).count()).toBe(0);
    await page.goto(`${app.url}/replays`);
    await expect.poll(() => page.locator('body').textContent()).toContain('You do not have access to this page');
  });
});
