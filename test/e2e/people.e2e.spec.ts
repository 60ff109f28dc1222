import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestApp, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_ADMIN_USER, type TestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { recordGraphqlOperations, signInThroughPage } from '../support/dashboard';
import { postRecords, refreshRollups } from '../support/ingest';
import { createPerson, signIn, TEST_PASSWORD, type TestPerson } from '../support/people';

const WEB_DIST = path.resolve(__dirname, '../../web/dist/index.html');
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

/** Where each role lands after sign-in, and how the header names it. */
const ROLE_HOME: Record<TestPerson['role'], { home: string; label: string }> = {
  viewer: { home: '/sync-lag', label: 'Viewer' },
  plant_manager: { home: '/sync-lag', label: 'Plant manager' },
  it_support: { home: '/exceptions', label: 'IT support' },
  executive: { home: '/roi', label: 'Executive' },
  admin: { home: '/sync-lag', label: 'Administrator' },
};

/** A username of its own for each test, so tests never share people. */
let serial = 0;
const uniqueName = (base: string) => `${base}-${process.pid}-${++serial}`;

function launchChecks() {
  if (!existsSync(WEB_DIST)) throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
}

describe('people and access in the dashboard', () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A browser context of its own: its own cookie jar, as a second person's browser would be. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    launchChecks();
    app = await startTestApp();
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it('signs each role in through the page onto its home, with name and role in the header', async () => {
    const people: TestPerson[] = [
      { username: uniqueName('viewer'), role: 'viewer', plants: ['*'] },
      { username: uniqueName('manager'), role: 'plant_manager', plants: ['P1'] },
      { username: uniqueName('support'), role: 'it_support', plants: ['*'] },
      { username: uniqueName('exec'), role: 'executive' },
      { username: uniqueName('admin'), role: 'admin' },
    ];
    for (const person of people) {
      await createPerson(app.url, person);
      const page = await freshPage();
      await signInThroughPage(page, app.url, person.username, TEST_PASSWORD);
      const { home, label } = ROLE_HOME[person.role];
      await page.waitForURL(`${app.url}${home}`);
      const header = page.getByTestId('person');
      // createPerson gives no display name, so the username is the name shown.
      expect(await header.textContent(), person.role).toContain(person.username);
      expect(await header.textContent(), person.role).toContain(label);
    }
  });

  it('hides Settings from a viewer, and /settings/people opened by URL shows no people', async () => {
    const viewer: TestPerson = { username: uniqueName('viewer'), role: 'viewer', plants: ['P1'] };
    await createPerson(app.url, viewer);
    const page = await freshPage();
    const operations = recordGraphqlOperations(page);
    await signInThroughPage(page, app.url, viewer.username, TEST_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Sync lag' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'ROI' }).count()).toBe(0);

    await page.goto(`${app.url}/settings/people`);
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    expect(await page.getByTestId('people-table').count()).toBe(0);
    expect(await page.getByText(TEST_ADMIN_USER, { exact: true }).count()).toBe(0);
    // Not only hidden: the list of people was never asked for.
    expect(operations).toContain('Me');
    expect(operations).not.toContain('Users');
  });

  it('signs out to the sign-in page, and the old session cookie stops working', async () => {
    const person: TestPerson = { username: uniqueName('leaver'), role: 'viewer', plants: ['*'] };
    await createPerson(app.url, person);
    const page = await freshPage();
    await signInThroughPage(page, app.url, person.username, TEST_PASSWORD);

    const cookie = (await page.context().cookies(app.url)).find((c) => c.name === 'syncline_session');
    expect(cookie, 'the session cookie').toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Strict');
    // The session lives only in the HttpOnly cookie: script storage holds nothing.
    expect(await page.evaluate<number[]>('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);
    const asCookie = { cookie: `syncline_session=${cookie!.value}` };
    const before = await graphql<{ me: { username: string } }>(app.url, '{ me { username } }', undefined, asCookie);
    expect(before.body.data?.me.username).toBe(person.username);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe('');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in.png') });

    const after = await graphql(app.url, '{ me { username } }', undefined, asCookie);
    expect(after.body.data).toBeFalsy();
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a refused field beside that field when adding a person', async () => {
    const page = await freshPage();
    await signInThroughPage(page, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await page.goto(`${app.url}/settings/people`);
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Username', { exact: true }).fill(uniqueName('noplants'));
    await form.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Plant manager' });
    await form.getByRole('button', { name: 'Add person' }).click();

    // A plant manager needs plants: the server names the field, the page marks it.
    const plants = form.getByLabel('Plants', { exact: true });
    await expect.poll(() => plants.getAttribute('aria-invalid')).toBe('true');
    const described = (await plants.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${described.split(' ').pop()}"]`).textContent();
    expect(message).toMatch(/plant_manager needs at least one plant/);
    expect(await form.getByLabel('Username', { exact: true }).getAttribute('aria-invalid')).toBeNull();
  });

  it('edits a person: role and plants, a new password, and disabling only once confirmed, each ending their sessions', async () => {
    const person: TestPerson = { username: uniqueName('subject'), role: 'viewer', plants: ['P1'] };
    await createPerson(app.url, person);
    const meWith = async (cookie: string) => (await graphql(app.url, '{ me { username } }', undefined, { cookie })).body;

    const admin = await freshPage();
    await signInThroughPage(admin, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await admin.goto(`${app.url}/settings/people`);
    const row = admin.getByTestId('people-table').getByRole('row', { name: new RegExp(person.username) });
    await row.getByRole('button', { name: `Edit ${person.username}` }).click();
    await admin.waitForURL(new RegExp(`person=${person.username}`));

    const details = admin.getByRole('form', { name: `Details of ${person.username}` });
    await details.getByLabel('Role', { exact: true }).selectOption({ label: 'IT support' });
    await details.getByLabel('Plants', { exact: true }).fill('*');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await details.getByText(/^Saved\./).waitFor();
    await expect
      .poll(async () => (await row.getByRole('cell').allTextContents()).slice(2, 4))
      .toEqual(['IT support', 'every plant']);

    const { cookie: first } = await signIn(app.url, person.username);
    const password = admin.getByRole('form', { name: `Password of ${person.username}` });
    await password.getByLabel('New password', { exact: true }).fill('too short');
    await password.getByRole('button', { name: 'Set new password' }).click();
    await password.getByText(/newPassword is shorter than 12 characters/).waitFor();
    await password.getByLabel('New password', { exact: true }).fill('a different long password');
    await password.getByRole('button', { name: 'Set new password' }).click();
    await password.getByText(/New password set/).waitFor();
    expect((await meWith(first)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const { cookie: second } = await signIn(app.url, person.username, 'a different long password');
    const access = admin.getByRole('group', { name: `Sign-in of ${person.username}` });
    await access.getByRole('button', { name: `Disable ${person.username}…` }).click();
    await access.getByRole('button', { name: 'Cancel' }).click();
    expect((await row.getByRole('cell').allTextContents())[4]).toBe('Enabled');
    expect((await meWith(second)).data).toEqual({ me: { username: person.username } });

    await access.getByRole('button', { name: `Disable ${person.username}…` }).click();
    await access.getByRole('button', { name: `Yes, disable ${person.username}` }).click();
    await expect.poll(async () => (await row.getByRole('cell').allTextContents())[4]).toBe('Disabled');
    expect((await meWith(second)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await access.getByRole('button', { name: `Enable ${person.username}` }).click();
    await expect.poll(async () => (await row.getByRole('cell').allTextContents())[4]).toBe('Enabled');
    await signIn(app.url, person.username, 'a different long password');
  });

  it('done means: an admin adds a plant manager for P1, who sees only P1 on Sync lag, and the Audit page lists the createUser', async () => {
    // Messages in the last hour for two plants; one line each, named for this test.
    const now = Date.now();
    const tag = `${process.pid}-${++serial}`;
    const hops = ['P1', 'P2'].flatMap((plant) =>
      [0, 1, 2].flatMap((i) =>
        ['device', 'erp_posting'].map((stage, k) => ({
          hop_id: `done-${tag}-${plant}-${i}-${stage}`,
          correlation_id: `done-${tag}-${plant}-${i}`,
          flow: 'production_confirmation',
          stage,
          plant,
          line: `LINE-${plant}-${tag}`,
          start_time: new Date(now - (10 - i) * 60_000 + k * 30_000).toISOString(),
          end_time: new Date(now - (10 - i) * 60_000 + k * 30_000 + 500).toISOString(),
          status: 'ok',
        })),
      ),
    );
    expect((await postRecords(app.url, '/api/v1/hops', hops, { token: TEST_ADMIN_TOKEN })).status).toBe(200);
    await refreshRollups(app.url);
    const rowOf = (page: Page, plant: string) =>
      page.getByTestId('sla-grid').getByRole('row', { name: new RegExp(`^${plant}\\s+LINE-${plant}-${tag}`) });

    // The admin sees both plants.
    const admin = await freshPage();
    await signInThroughPage(admin, app.url, TEST_ADMIN_USER, TEST_ADMIN_PASSWORD);
    await admin.waitForURL(`${app.url}/sync-lag`);
    await rowOf(admin, 'P1').waitFor({ timeout: 15_000 });
    await rowOf(admin, 'P2').waitFor();

    // ...and adds a plant manager for P1 on the People page.
    const manager = { username: uniqueName('pm-p1'), displayName: 'Paula Plant-One' };
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await admin.waitForURL(`${app.url}/settings/people`);
    const form = admin.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Username', { exact: true }).fill(manager.username);
    await form.getByLabel('Display name', { exact: true }).fill(manager.displayName);
    await form.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Plant manager' });
    await form.getByLabel('Plants', { exact: true }).fill('P1');
    await form.getByRole('button', { name: 'Add person' }).click();
    await form.getByText(`${manager.username} can now sign in.`).waitFor();
    const row = admin.getByTestId('people-table').getByRole('row', { name: new RegExp(manager.username) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual([manager.username, manager.displayName, 'Plant manager', 'P1', 'Enabled']);
    expect(cells[5]).toContain(`by ${TEST_ADMIN_USER}`);
    await admin.screenshot({ path: path.join(SCREENSHOTS, 'people.png'), fullPage: true });

    // The plant manager, in a browser of their own, sees P1's line and not P2's.
    const pm = await freshPage();
    await signInThroughPage(pm, app.url, manager.username, TEST_PASSWORD);
    await pm.waitForURL(`${app.url}/sync-lag`);
    expect(await pm.getByTestId('person').textContent()).toContain(manager.displayName);
    await rowOf(pm, 'P1').waitFor({ timeout: 15_000 });
    const plants = await pm.getByTestId('sla-grid').locator('tbody tr th').allTextContents();
    expect(plants.length).toBeGreaterThan(0);
    expect(new Set(plants)).toEqual(new Set(['P1']));
    expect(await rowOf(pm, 'P2').count()).toBe(0);

    // The Audit page lists that createUser, filtered through the URL, and keeps the filter on reload.
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit' }).click();
    await admin.waitForURL(`${app.url}/settings/audit`);
    const filters = admin.getByRole('form', { name: 'Filter the audit trail' });
    await filters.getByLabel('Operation', { exact: true }).fill('createUser');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await admin.waitForURL(/operation=createUser/);
    const entry = admin.getByTestId('audit-table').getByRole('row', { name: new RegExp(`user ${manager.username}`) });
    await entry.waitFor();
    const entryCells = await entry.getByRole('cell').allTextContents();
    expect(entryCells[1]).toBe(`${TEST_ADMIN_USER} (admin)`);
    expect(entryCells.slice(2, 6)).toEqual(['createUser', `user ${manager.username}`, 'success', '']);
    expect(await entry.locator('time').getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    await entry.getByText('Details').click();
    expect(await entry.locator('pre').last().textContent()).toContain('"plant_manager"');

    await admin.reload();
    await entry.waitFor();
    expect(await filters.getByLabel('Operation', { exact: true }).inputValue()).toBe('createUser');
    expect(await admin.getByTestId('audit-count').textContent()).toMatch(/^\d+ entr(y|ies) match/);
  });
});

describe('signing in, refused', () => {
  // An app of its own: the throttle counts failures per client address, and would hold up the
  // other tests' sign-ins from the same address.
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    launchChecks();
    app = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('says the password was refused, and once throttled, how many seconds to wait', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Username', { exact: true }).fill(TEST_ADMIN_USER);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Sign-in refused: the username or password is wrong/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // Four more failures (the free ones end at five) block the username for a few seconds.
    for (let i = 0; i < 4; i++) {
      const { body } = await graphql(app.url, 'mutation { login(username: "admin", password: "wrong password") { expiresAt } }');
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    await page.getByLabel('Password', { exact: true }).fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Too many failed sign-ins\. Try again in \d+ s\./).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });
});
