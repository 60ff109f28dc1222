import { makeOperation, type Exchange, type Operation, type OperationResult } from 'urql';
import { map, pipe, tap } from 'wonka';

/**
 * After a mutation, every query on screen shows what the server holds now. urql's document cache
 * refreshes, after a mutation, only the queries whose answer it holds with data. Two kinds escape it:
 * - a query still in flight when the mutation finished (a slow list, a retry): its answer may have been
 *   read before the mutation, and would land afterwards and stay on screen, stale. It is passed on
 *   marked `stale` (the page keeps showing it while the fresh one comes) and asked again;
 * - a query whose last answer was an error without data (the cache keeps nothing of it): asked again
 *   when a mutation finishes, since the mutation may be what it was refused for.
 *
 * Sits between the cache and the network exchange, so it sees only what really goes to the server, and
 * asks again network-only. A query no page shows any more is not asked again.
 */
export const freshAfterMutationExchange: Exchange = ({ client, forward }) => {
  let mutationsDone = 0;
  const sentAfter = new Map<number, number>();
  const failed = new Map<number, Operation>();
  const askAgain = (operation: Operation) =>
    client.reexecuteOperation(makeOperation('query', operation, { ...operation.context, requestPolicy: 'network-only' }));

  return (operations$) =>
    pipe(
      operations$,
      tap((operation) => {
        if (operation.kind === 'query') sentAfter.set(operation.key, mutationsDone);
        else if (operation.kind === 'teardown') {
          sentAfter.delete(operation.key);
          failed.delete(operation.key);
        }
      }),
      forward,
      map((result): OperationResult => {
        const { operation } = result;
        if (operation.kind === 'mutation') {
          mutationsDone += 1;
          for (const query of failed.values()) askAgain(query);
          failed.clear();
          return result;
        }
        if (operation.kind !== 'query') return result;
        const sent = sentAfter.get(operation.key);
        if (sent === undefined) return result;
        if (sent !== mutationsDone) {
          askAgain(operation);
          return { ...result, stale: true };
        }
        if (result.error && result.data == null) failed.set(operation.key, operation);
        else failed.delete(operation.key);
        return result;
      }),
    );
};
