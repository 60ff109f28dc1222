import { getToken, setToken } from '../auth/token';

export class GraphqlError extends Error {}

/** POST /graphql with the stored token; an unauthenticated answer signs the browser out. */
export async function gql<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const token = getToken();
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) {
    const message = body.errors.map((e) => e.message).join('; ');
    if (/credentials/i.test(message)) setToken(null);
    throw new GraphqlError(message);
  }
  if (!body.data) throw new GraphqlError(`GraphQL answered ${res.status} without data`);
  return body.data;
}
