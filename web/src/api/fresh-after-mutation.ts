import { makeOperation, type Exchange, type OperationResult } from 'urql';
import { map, pipe, tap } from 'wonka';

/**
 * A query's answer that left the server before a mutation finished may not show that mutation: ask
 * again. urql's document cache refreshes, after a mutation, only the queries whose answer it already
 * holds; a query still in flight at that moment (a first attempt refused and retried, a page's slow
 * list) would otherwise land afterwards and stay on screen, stale, until something else refreshes it.
 *
 * Sits between the cache and the network exchange, so it sees only what really goes to the server.
 * Every query sent remembers how many mutations had finished when it was sent; an answer to a query
 * sent before the latest mutation finished is passed on marked `stale` (the page keeps showing it while
 * the fresh one comes) and the query is sent again, network-only. A query no page shows any more is not.
 */
export const freshAfterMutationExchange: Exchange = ({ client, forward }) => {
  let mutationsDone = 0;
  const sentAfter = new Map<number, number>();

  return (operations$) =>
    pipe(
      operations$,
      tap((operation) => {
        if (operation.kind === 'query') sentAfter.set(operation.key, mutationsDone);
        else if (operation.kind === 'teardown') sentAfter.delete(operation.key);
      }),
      forward,
      map((result): OperationResult => {
        const { operation } = result;
        if (operation.kind === 'mutation') {
          mutationsDone += 1;
          return result;
        }
        if (operation.kind !== 'query') return result;
        const sent = sentAfter.get(operation.key);
        if (sent === undefined || sent === mutationsDone) return result;
        client.reexecuteOperation(makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }));
        return { ...result, stale: true };
      }),
    );
};
