import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { createGraphqlClient } from '../api/client';
import { SessionControlContext, type SessionControl } from './session-context';

interface Session {
  client: Client;
  /** Counts restarts; everything below is remounted on each, so no state of the last person lingers. */
  generation: number;
}

/** Owns the GraphQL client; a new session gets a new client (an empty cache) and fresh components. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(() => ({ client: newClient(), generation: 0 }));

  function newClient(): Client {
    const created: Client = createGraphqlClient(() => {
      // Only the current client may start over; late answers of an old one change nothing.
      setSession((current) => (current.client === created ? next(current) : current));
    });
    return created;
  }

  function next(current: Session): Session {
    return { client: newClient(), generation: current.generation + 1 };
  }

  const control = useMemo<SessionControl>(() => ({ restart: () => setSession(next) }), []);

  return (
    <SessionControlContext value={control}>
      <Provider value={session.client}>
        {/* urql's hooks keep their last result across a client change for a render; a remount does not. */}
        <Fragment key={session.generation}>{children}</Fragment>
      </Provider>
    </SessionControlContext>
  );
}
