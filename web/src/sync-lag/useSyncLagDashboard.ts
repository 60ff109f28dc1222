import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { usePageVisible } from '../app/usePageVisible';
import { graphql } from '../gql';
import type { SyncLagDashboardQuery } from '../gql/graphql';
import { filterOf, rangeOf, type SyncLagState } from './sync-lag-url';

graphql(`
  fragment SyncLagPeriodFields on SyncLagPeriod {
    from
    to
    messages
    posted
    failed
    withinSlaShare
    lagP50Seconds
    lagP95Seconds
    lagP99Seconds
    stalestLineAt
    stalestLineAgeSeconds
    openMissingPostings
    silentLines
  }
`);

const SyncLagDashboardDocument = graphql(`
  query SyncLagDashboard($range: TimeRangeInput!, $filter: SyncLagFilterInput) {
    syncLagKpis(range: $range, filter: $filter) {
      current {
        ...SyncLagPeriodFields
      }
      previous {
        ...SyncLagPeriodFields
      }
    }
    syncLagSeries(range: $range, filter: $filter) {
      flow
      slaSeconds
      bucketSeconds
      points {
        t
        messages
        posted
        p50
        p95
        p99
      }
    }
    syncLagGrid(range: $range, filter: $filter) {
      plant
      line
      flow
      messages
      posted
      failed
      withinSlaShare
      lagP95Seconds
      slaSeconds
      state
      lastMessageAt
    }
    syncLagStages(range: $range, filter: $filter) {
      fromStage
      toStage
      seconds
      messages
      meanSeconds
      share
    }
  }
`);

export type SyncLagDashboard = SyncLagDashboardQuery;
export type LagSeriesData = SyncLagDashboardQuery['syncLagSeries'][number];
export type LagCellData = SyncLagDashboardQuery['syncLagGrid'][number];

export const SYNC_LAG_REFRESH_MS = 30_000;

/**
 * Everything the page shows, in one request. A relative range moves with the clock: every 30 s while
 * the tab is visible (and at once when it comes back) the range is recomputed and asked again;
 * hidden tabs ask nothing.
 */
export function useSyncLagDashboard(state: SyncLagState) {
  const visible = usePageVisible();
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (!visible) return undefined;
    setNowMs(Date.now());
    const timer = window.setInterval(() => setNowMs(Date.now()), SYNC_LAG_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [visible]);
  const range = rangeOf(state, nowMs);
  const [result, reexecute] = useQuery({
    query: SyncLagDashboardDocument,
    variables: { range, filter: filterOf(state) },
    requestPolicy: 'cache-and-network',
  });
  return {
    data: result.data,
    error: result.error,
    fetching: result.fetching,
    range,
    refresh: () => {
      setNowMs(Date.now());
      reexecute({ requestPolicy: 'network-only' });
    },
  };
}
