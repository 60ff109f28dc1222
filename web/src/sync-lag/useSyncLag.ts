import { useEffect, useState } from 'react';
import { gql } from '../api/graphql';

export interface LineSyncLag {
  plant: string;
  line: string;
  events: number;
  posted: number;
  withinSlaShare: number;
  lagP50Seconds: number | null;
  lagP95Seconds: number | null;
  lagP99Seconds: number | null;
  lastEventAt: string | null;
}

const QUERY = `query($minutes: Int!) { syncLagByLine(minutes: $minutes) {
  plant line events posted withinSlaShare lagP50Seconds lagP95Seconds lagP99Seconds lastEventAt } }`;
const REFRESH_MS = 10_000;

/** Per-line sync lag over the last `minutes`, refreshed every 10 s. */
export function useSyncLag(minutes: number, enabled: boolean) {
  const [lines, setLines] = useState<LineSyncLag[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      try {
        const data = await gql<{ syncLagByLine: LineSyncLag[] }>(QUERY, { minutes }, controller.signal);
        setLines(data.syncLagByLine);
        setError(null);
      } catch (err) {
        if (!controller.signal.aborted) setError((err as Error).message);
      }
      if (!controller.signal.aborted) timer = window.setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [minutes, enabled]);
  return { lines, error };
}
