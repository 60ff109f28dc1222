import { expect } from 'vitest';
import { graphql, TEST_ADMIN_TOKEN } from './app';

export const TEST_PASSWORD = 'a long enough password';

export interface TestPerson {
  username: string;
  role: 'viewer' | 'plant_manager' | 'it_support' | 'executive' | 'admin';
  plants?: string[];
  password?: string;
}

/** Creates a person through the API with the admin token; fails the test if the server refuses. */
export async function createPerson(url: string, person: TestPerson): Promise<void> {
  const { body } = await graphql(
    url,
    'mutation($input: CreateUserInput!) { createUser(input: $input) { username } }',
    {
      input: {
        username: person.username,
        role: person.role,
        plants: person.plants ?? [],
        password: person.password ?? TEST_PASSWORD,
      },
    },
    TEST_ADMIN_TOKEN,
  );
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
}

/** Signs in; returns the bearer token and the session cookie exactly as the browser would hold it. */
export async function signIn(
  url: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ token: string; cookie: string }> {
  const res = await graphql<{ login: { token: string } }>(
    url,
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { username role plants } } }',
    { u: username, p: password },
  );
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0];
  expect(cookie).toMatch(/^syncline_session=sls_/);
  return { token: res.body.data!.login.token, cookie };
}

/** A person with a role, created and signed in, in one call. */
export async function personWithSession(url: string, person: TestPerson) {
  await createPerson(url, person);
  return signIn(url, person.username, person.password ?? TEST_PASSWORD);
}
