import { useEffect, useState } from 'react';
import { fetchReadiness, READINESS_POLL_MS, READINESS_TIMEOUT_MS, type ReadinessState } from './readiness';

/**
 * Polls `/ready` immediately and then every `intervalMs`.
 * The next poll is scheduled only after the previous one settled (chained
 * timeouts, not setInterval) so a slow server never gets overlapping requests.
 */
export function useReadiness(intervalMs: number = READINESS_POLL_MS): ReadinessState {
  const [state, setState] = useState<ReadinessState>({ status: 'checking' });

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;

    const poll = async (): Promise<void> => {
      const controller = new AbortController();
      inFlight = controller;
      const timeout = setTimeout(() => controller.abort(), READINESS_TIMEOUT_MS);
      try {
        const next = await fetchReadiness(controller.signal);
        // An abort caused by unmount must not write state into a dead component.
        if (!disposed) setState(next);
      } finally {
        clearTimeout(timeout);
        inFlight = undefined;
        if (!disposed) {
          timer = setTimeout(() => void poll(), intervalMs);
        }
      }
    };

    void poll();

    return () => {
      disposed = true;
      clearTimeout(timer);
      inFlight?.abort();
    };
  }, [intervalMs]);

  return state;
}
