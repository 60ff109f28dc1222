import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { usePageVisible } from '../app/usePageVisible';
import { graphql } from '../gql';
import type { SyncLagByLineQuery } from '../gql/graphql';

const SyncLagByLineDocument = graphql(`
  query SyncLagByLine($minutes: Int!, $slaMinutes: Int!) {
    syncLagByLine(minutes: $minutes, slaMinutes: $slaMinutes) {
      plant
      line
      events
      posted
      withinSlaShare
      lagP50Seconds
      lagP95Seconds
      lagP99Seconds
      lastEventAt
    }
  }
`);

export type LineSyncLag = SyncLagByLineQuery['syncLagByLine'][number];

export const SYNC_LAG_REFRESH_MS = 10_000;

/**
 * Per-line sync lag over the last `minutes` (the person's plants only; the server scopes it),
 * asked again every 10 s while the tab is visible, and at once when it becomes visible again.
 */
export function useSyncLag(minutes: number, slaMinutes: number) {
  const [result, reexecute] = useQuery({ query: SyncLagByLineDocument, variables: { minutes, slaMinutes } });
  const visible = usePageVisible();
  const wasHidden = useRef(false);

  useEffect(() => {
    if (!visible) {
      wasHidden.current = true;
      return undefined;
    }
    const refresh = () => reexecute({ requestPolicy: 'network-only' });
    if (wasHidden.current) refresh();
    wasHidden.current = false;
    const timer = window.setInterval(refresh, SYNC_LAG_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [visible, reexecute]);

  return { lines: result.data?.syncLagByLine, error: result.error, fetching: result.fetching };
}
