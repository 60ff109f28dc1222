import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorCode, errorMessage } from '../api/errors';
import { ROLE_LABELS } from '../auth/permissions';
import { usePerson, useSessionControl } from '../auth/session-context';
import { useLogout } from '../auth/useSession';

/** Who is signed in, their role, their account page and signing out. */
export function PersonMenu() {
  const person = usePerson();
  const session = useSessionControl();
  const navigate = useNavigate();
  const [{ fetching }, logout] = useLogout();
  const [problem, setProblem] = useState<string | null>(null);

  const signOut = async () => {
    const result = await logout({});
    // An already ended session is as signed out as it gets; anything else keeps the person here.
    if (result.error && errorCode(result.error) !== 'UNAUTHENTICATED') {
      setProblem(`Could not sign out: ${errorMessage(result.error)}`);
      return;
    }
    // A new client first, so `/` does not send the old session to its start page on the way.
    session.restart();
    void navigate('/', { replace: true });
  };

  return (
    <div className="person" data-testid="person">
      <span className="person__who">
        <span className="person__name">{person.displayName || person.username}</span>
        <span className="person__role">{ROLE_LABELS[person.role]}</span>
      </span>
      <Link className="person__link" to="/account">
        Account
      </Link>
      <button type="button" className="button button--small" onClick={() => void signOut()} disabled={fetching}>
        Sign out
      </button>
      {problem && (
        <span className="page__error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
