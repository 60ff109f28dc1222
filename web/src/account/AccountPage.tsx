import { useState, type FormEvent } from 'react';
import { FormError, TextField, formErrors } from '../app/form';
import { ROLE_LABELS } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { plantsLabel } from '../people/plants';
import { useChangePassword } from './useAccount';

function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [{ fetching, error }, change] = useChangePassword();
  const errors = formErrors(error, ['currentPassword', 'newPassword']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    // Typed twice so a slip of the finger does not lock the person out.
    setMismatch(newPassword !== repeated);
    if (newPassword !== repeated) return;
    const result = await change({ currentPassword, newPassword });
    if (result.data?.changePassword) {
      setDone(true);
      setCurrentPassword('');
      setNewPassword('');
      setRepeated('');
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="password-title" noValidate>
      <h2 id="password-title" className="card__title">
        Change your password
      </h2>
      <FormError>{errors.general}</FormError>
      {done && (
        <p className="form__ok" role="status">
          Password changed. Your other sessions have been signed out.
        </p>
      )}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.of('currentPassword')}
        autoComplete="current-password"
        required
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        value={newPassword}
        onChange={setNewPassword}
        error={errors.of('newPassword')}
        hint="At least 12 characters, not your username"
        autoComplete="new-password"
        required
      />
      <TextField
        label="New password again"
        name="repeatPassword"
        type="password"
        value={repeated}
        onChange={setRepeated}
        error={mismatch ? 'The two new passwords differ' : undefined}
        autoComplete="new-password"
        required
      />
      <button type="submit" className="button button--primary" disabled={fetching}>
        Change password
      </button>
    </form>
  );
}

export function AccountPage() {
  const person = usePerson();
  return (
    <section className="page">
      <h1 className="page__title">Account</h1>
      <dl className="facts">
        <dt>Username</dt>
        <dd>{person.username}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[person.role]}</dd>
        <dt>Plants</dt>
        <dd>{plantsLabel(person.plants)}</dd>
      </dl>
      {person.kind === 'user' ? (
        <ChangePasswordForm />
      ) : (
        <p className="page__empty">Signed in with a token, which has no password to change.</p>
      )}
    </section>
  );
}
