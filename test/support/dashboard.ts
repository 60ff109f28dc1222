import type { Page } from 'playwright-core';

/** Signs in through the dashboard's sign-in page, as a person would, and waits for the dashboard. */
export async function signInThroughPage(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
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
