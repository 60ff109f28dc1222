import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Signs in through the dashboard's sign-in page, as a person would, and waits for the dashboard. */
export async function signInThroughPage(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
}

/**
 * A new browser of a person at a desk in Berlin (times show in their zone, UTC on hover), signed in
 * through the sign-in page. The context goes into `contexts` for the suite to close.
 */
export async function signedInPage(
  browser: Browser,
  contexts: BrowserContext[],
  url: string,
  username: string,
  password: string,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport });
  contexts.push(context);
  const page = await context.newPage();
  await signInThroughPage(page, url, username, password);
  return page;
}

/** The operation names of the GraphQL requests the page sends, as they are sent. */
export function recordGraphqlOperations(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql')) return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    names.push(body?.operationName ?? '(unnamed)');
  });
  return names;
}
