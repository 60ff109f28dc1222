import { errorCode, errorMessage } from '../api/errors';
import { App } from '../app/App';
import { PersonContext } from './session-context';
import { SignInPage } from './SignInPage';
import { useMe } from './useMe';

/** The root of every route: the sign-in page while nobody is signed in, else the dashboard. */
export function SessionGate() {
  const [{ data, error }, reexecute] = useMe();
  if (data) {
    return (
      <PersonContext value={data.me}>
        <App />
      </PersonContext>
    );
  }
  if (errorCode(error) === 'UNAUTHENTICATED') return <SignInPage />;
  if (error) {
    return (
      <main className="standalone">
        <div className="card" role="alert">
          <h1 className="page__title">Syncline is not answering</h1>
          <p className="page__error">{errorMessage(error)}</p>
          <button type="button" className="button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="standalone">
      <p role="status">Loading…</p>
    </main>
  );
}
