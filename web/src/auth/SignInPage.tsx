import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorCode, errorMessage, retryAfterSeconds } from '../api/errors';
import { StatusBadge } from '../status/StatusBadge';
import { useSessionControl } from './session-context';
import { useLogin } from './useSession';

/** Seconds left until `until` (ms since epoch), ticking once a second; 0 when past or unset. */
function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

export function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, login] = useLogin();
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(retryAt);
  const session = useSessionControl();
  const navigate = useNavigate();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await login({ username: username.trim(), password });
    const wait = retryAfterSeconds(result.error);
    setRetryAt(wait === undefined ? null : Date.now() + wait * 1000);
    if (result.data) {
      // `/` sends the person to their role's landing page once the new session knows who they are.
      await navigate('/', { replace: true });
      session.restart();
    } else {
      setPassword('');
    }
  };

  let problem: string | null = null;
  if (error && errorCode(error) === 'RATE_LIMITED') {
    problem =
      secondsLeft > 0
        ? `Too many failed sign-ins. Try again in ${secondsLeft} s.`
        : 'Too many failed sign-ins. You can try again now.';
  } else if (error && errorCode(error) === 'UNAUTHENTICATED') {
    problem = 'Sign-in refused: the username or password is wrong, or the account is disabled.';
  } else if (error) {
    problem = errorMessage(error);
  }

  return (
    <main className="standalone">
      <form className="card signin" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <div className="signin__brand">
          <span>Syncline</span>
          <StatusBadge />
        </div>
        <h1 id="signin-title" className="page__title">
          Sign in
        </h1>
        {problem && (
          <p className="form__error" role="alert">
            {problem}
          </p>
        )}
        <label className="field">
          <span className="field__label">Username</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
