import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { queryRows } from '../support/clickhouse';
import { signedInPage } from '../support/dashboard';
import { createPerson, TEST_PASSWORD } from '../support/people';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/index.html');
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe('Rejected messages on the Exceptions page', () => {
  let app: TestApp;
  let browser: Browser;
  let pub: MqttClient;
  const contexts: BrowserContext[] = [];
  const prefix = `e${randomBytes(4).toString('hex')}`;
  const plant = `R${process.pid % 10_000}`;

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
    app = await startTestApp({
      MQTT_URL,
      MQTT_TOPICS: `${prefix}/plants/{plant}/lines/{line}/events`,
      MQTT_SHARE_GROUP: `g${randomBytes(3).toString('hex')}`,
      MQTT_CLIENT_ID: `syncline-e2e-${randomBytes(4).toString('hex')}`,
      MQTT_CONNECTIONS: '1',
    });
    browser = await launchBrowser();
    pub = await mqtt.connectAsync(MQTT_URL, { clientId: `pub-${randomBytes(4).toString('hex')}` });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await pub?.endAsync();
    await app?.close();
  });

  it('lets IT support see a rejected message’s payload, fix it and redeliver it', async () => {
    const eventTime = new Date(Date.now() - 3_600_000).toISOString();
    // quantity as text: the device sent "12 pcs", which no event can hold.
    const raw = JSON.stringify({
      event_id: `${plant}-ev-1`,
      event_time: eventTime,
      event_type: 'cycle_complete',
      quantity: '12 pcs',
    });
    await pub.publishAsync(`${prefix}/plants/${plant}/lines/L1/events`, raw, { qos: 1 });
    await expect
      .poll(
        async () => {
          const { body } = await graphql<{ deadLetters: { totalCount: number } }>(
            app.url,
            '{ deadLetters(first: 1) { totalCount } }',
            undefined,
            TEST_ADMIN_TOKEN,
          );
          return body.data?.deadLetters.totalCount;
        },
        { timeout: 20_000 },
      )
      .toBe(1);

    const username = `rejected-support-${process.pid}`;
    await createPerson(app.url, { username, role: 'it_support', plants: [plant] });
    const page = await signedInPage(browser, contexts, app.url, username, TEST_PASSWORD);
    await page.waitForURL(`${app.url}/exceptions`);

    await page.getByRole('button', { name: 'Rejected messages' }).click();
    await page.waitForURL(/[?&]view=rejected(&|$)/);
    const counts = page.getByTestId('rejected-counts');
    await expect
      .poll(() => counts.locator('tbody tr').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/^mqttInvalid event.*1\s*0\s*0$/)]);
    const letters = page.getByTestId('rejected-list').locator('li');
    await expect.poll(() => letters.count()).toBe(1);
    const letter = letters.first();
    expect(await letter.textContent()).toContain(`${prefix}/plants/${plant}/lines/L1/events`);
    expect(await letter.textContent()).toMatch(/quantity/);
    // The payload, pretty-printed.
    expect(await letter.getByTestId('letter-payload').textContent()).toContain('"quantity": "12 pcs"');

    // A still-invalid edit is refused with the reason, and the dialog stays open to fix it again.
    await letter.getByRole('button', { name: 'Fix and redeliver…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redeliver this message?' });
    const payload = dialog.getByLabel('Payload');
    expect(await payload.inputValue()).toContain('"quantity": "12 pcs"');
    await payload.fill((await payload.inputValue()).replace('"12 pcs"', '"twelve"'));
    await dialog.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => dialog.getByTestId('redeliver-still-invalid').textContent()).toMatch(/Still invalid.*quantity/);

    await payload.fill((await payload.inputValue()).replace('"twelve"', '12'));
    await dialog.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => page.getByTestId('rejected-result').textContent()).toBe('Redelivered: 1 stored.');
    await expect.poll(() => letters.count()).toBe(0);
    expect(await page.getByText('No rejected messages match.').isVisible()).toBe(true);

    const stored = await queryRows<{ event_id: string; quantity: number; plant: string }>(
      app.db.client,
      'SELECT event_id, quantity, plant FROM device_events FINAL WHERE plant = {plant:String}',
      { plant },
    );
    expect(stored).toEqual([{ event_id: `${plant}-ev-1`, quantity: 12, plant }]);

    // Redelivered messages are still on record, with who did it.
    await page.getByLabel('Status').selectOption('redelivered');
    await expect.poll(() => letters.count()).toBe(1);
    expect(await letters.first().textContent()).toContain(`redelivered by ${username}: redelivered with an edited payload`);
  });
});
