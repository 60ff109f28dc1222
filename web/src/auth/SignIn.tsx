import { useState, type FormEvent } from 'react';
import { setToken } from './token';

/** Asks for the admin token (printed path: $SYNCLINE_DATA_DIR/admin-token) before showing data. */
export function SignIn() {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) setToken(value.trim());
  };
  return (
    <form className="signin" onSubmit={submit}>
      <h2>Sign in</h2>
      <p>
        Paste the admin token. On this machine it is in <code>data/admin-token</code> (or <code>SYNCLINE_ADMIN_TOKEN</code>).
      </p>
      <label>
        Admin token
        <input type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}
