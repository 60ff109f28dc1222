import { describe, expect, it } from 'vitest';
import { cacheExchange, Client, fetchExchange, gql, type Exchange } from 'urql';
import { pipe, subscribe } from 'wonka';
import { freshAfterMutationExchange } from './fresh-after-mutation';

const FINDING = gql`
  query Finding {
    finding(id: "f1") {
      id
      status
    }
  }
`;
const RESOLVE = gql`
  mutation Resolve {
    resolveFinding(id: "f1") {
      id
      status
    }
  }
`;

/**
 * A server with one finding. A query reads the status when it arrives and answers when `release` is
 * called (a slow list); a mutation resolves the finding and answers at once.
 */
function slowServer({ refuseFirstQuery = false } = {}) {
  let status = 'open';
  let refuse = refuseFirstQuery;
  const held: Array<() => void> = [];
  const requests: string[] = [];
  const answer = (data: unknown) => new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { query } = JSON.parse(init?.body as string) as { query: string };
    if (query.includes('mutation')) {
      requests.push('mutation');
      status = 'resolved_manual';
      return answer({ resolveFinding: { __typename: 'Finding', id: 'f1', status } });
    }
    if (refuse) {
      refuse = false;
      requests.push('query refused');
      return new Response(JSON.stringify({ data: null, errors: [{ message: 'refused' }] }), {
        headers: { 'content-type': 'application/json' },
      });
    }
    requests.push(`query read ${status}`);
    const read = status;
    return new Promise((resolve) =>
      held.push(() => resolve(answer({ finding: { __typename: 'Finding', id: 'f1', status: read } }))),
    );
  };
  const release = () => held.splice(0).forEach((send) => send());
  return { fetch, release, requests };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function raceOn(exchanges: Exchange[]) {
  const server = slowServer();
  const client = new Client({ url: 'http://syncline.test/graphql', exchanges, fetch: server.fetch, preferGetMethod: false });
  const shown: Array<{ status: string; stale: boolean }> = [];
  const subscription = pipe(
    client.query(FINDING, {}),
    subscribe((result) => {
      const data = result.data as { finding: { status: string } } | undefined;
      if (data) shown.push({ status: data.finding.status, stale: result.stale });
    }),
  );
  await settle(); // the list's query is at the server, its answer not yet sent
  const resolved = await client.mutation(RESOLVE, {}).toPromise();
  expect(resolved.data).toEqual({ resolveFinding: { __typename: 'Finding', id: 'f1', status: 'resolved_manual' } });
  server.release(); // the answer read before the mutation lands after it
  await settle();
  server.release(); // any query asked again
  await settle();
  subscription.unsubscribe();
  return { shown, requests: server.requests };
}

/** A query refused at first (an error, no data), then a mutation; what the page shows in the end. */
async function refusedThenMutation(exchanges: Exchange[]) {
  const server = slowServer({ refuseFirstQuery: true });
  const client = new Client({ url: 'http://syncline.test/graphql', exchanges, fetch: server.fetch, preferGetMethod: false });
  const shown: Array<string> = [];
  const subscription = pipe(
    client.query(FINDING, {}),
    subscribe((result) => {
      const data = result.data as { finding: { status: string } } | undefined;
      shown.push(data ? data.finding.status : `error: ${result.error?.graphQLErrors[0]?.message}`);
    }),
  );
  await settle();
  await client.mutation(RESOLVE, {}).toPromise();
  await settle();
  server.release();
  await settle();
  subscription.unsubscribe();
  return { shown, requests: server.requests };
}

describe('a query refused before a mutation', () => {
  it("is not asked again by urql's cache alone (it caches answers with data only)", async () => {
    const { shown, requests } = await refusedThenMutation([cacheExchange, fetchExchange]);
    expect(requests).toEqual(['query refused', 'mutation']);
    expect(shown).toEqual(['error: refused']);
  });

  it('is asked again, network-only, once the mutation finished, and the page ends on the answer', async () => {
    const { shown, requests } = await refusedThenMutation([cacheExchange, freshAfterMutationExchange, fetchExchange]);
    expect(requests).toEqual(['query refused', 'mutation', 'query read resolved_manual']);
    expect(shown.at(-1)).toBe('resolved_manual');
  });
});

describe('a query answered after a mutation that it was sent before', () => {
  it("stays stale with urql's cache alone (why the exchange exists)", async () => {
    const { shown, requests } = await raceOn([cacheExchange, fetchExchange]);
    expect(requests).toEqual(['query read open', 'mutation']);
    expect(shown.at(-1)).toEqual({ status: 'open', stale: false });
  });

  it('is asked again, network-only, and the page ends on the fresh answer', async () => {
    const { shown, requests } = await raceOn([cacheExchange, freshAfterMutationExchange, fetchExchange]);
    expect(requests).toEqual(['query read open', 'mutation', 'query read resolved_manual']);
    expect(shown[0]).toEqual({ status: 'open', stale: true });
    expect(shown.at(-1)).toEqual({ status: 'resolved_manual', stale: false });
  });

  it('is not asked again when no mutation finished while it was in flight', async () => {
    const server = slowServer();
    const client = new Client({
      url: 'http://syncline.test/graphql',
      exchanges: [cacheExchange, freshAfterMutationExchange, fetchExchange],
      fetch: server.fetch,
      preferGetMethod: false,
    });
    const first = client.query(FINDING, {}).toPromise();
    await settle();
    server.release();
    const result = await first;
    await settle();
    expect(result.stale).toBe(false);
    expect(server.requests).toEqual(['query read open']);
  });
});
