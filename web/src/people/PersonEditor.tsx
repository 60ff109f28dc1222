import { useState, type FormEvent } from 'react';
import { FormError, SelectField, TextField, formErrors } from '../app/form';
import { ROLE_LABELS, ROLE_PLANTS_HINT, ROLES } from '../auth/permissions';
import type { Role } from '../gql/graphql';
import { parsePlants, plantsText } from './plants';
import { useDisablePerson, useEnablePerson, useResetPassword, useUpdatePerson, type Person } from './usePeople';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function DetailsForm({ person }: { person: Person }) {
  const [displayName, setDisplayName] = useState(person.displayName);
  const [role, setRole] = useState<Role>(person.role);
  const [plants, setPlants] = useState(plantsText(person.plants));
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useUpdatePerson();
  const errors = formErrors(error, ['displayName', 'role', 'plants']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const result = await update({ input: { username: person.username, displayName, role, plants: parsePlants(plants) } });
    setSaved(result.data !== undefined);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={`Details of ${person.username}`} noValidate>
      <h3 className="form__title">Role and plants</h3>
      <FormError>{errors.general}</FormError>
      {saved && (
        <p className="form__ok" role="status">
          Saved. It applies from {person.username}’s next request.
        </p>
      )}
      <div className="form__grid">
        <TextField
          label="Display name"
          name="displayName"
          value={displayName}
          onChange={setDisplayName}
          error={errors.of('displayName')}
        />
        <SelectField label="Role" name="role" value={role} options={ROLE_OPTIONS} onChange={setRole} error={errors.of('role')} />
        <TextField
          label="Plants"
          name="plants"
          value={plants}
          onChange={setPlants}
          error={errors.of('plants')}
          hint={`Comma-separated plant codes. ${ROLE_PLANTS_HINT[role]}`}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={fetching}>
        Save changes
      </button>
    </form>
  );
}

function ResetPasswordForm({ person }: { person: Person }) {
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const [{ fetching, error }, reset] = useResetPassword();
  const errors = formErrors(error, ['newPassword']);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const result = await reset({ username: person.username, newPassword });
    if (result.data) {
      setDone(true);
      setNewPassword('');
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={`Password of ${person.username}`} noValidate>
      <h3 className="form__title">Password</h3>
      <FormError>{errors.general}</FormError>
      {done && (
        <p className="form__ok" role="status">
          New password set; {person.username} was signed out everywhere.
        </p>
      )}
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        value={newPassword}
        onChange={setNewPassword}
        error={errors.of('newPassword')}
        hint="At least 12 characters, not the username"
        autoComplete="new-password"
      />
      <button type="submit" className="button" disabled={fetching}>
        Set new password
      </button>
    </form>
  );
}

function SignInAccess({ person }: { person: Person }) {
  const [confirming, setConfirming] = useState(false);
  const [disabling, disable] = useDisablePerson();
  const [enabling, enable] = useEnablePerson();
  const error = disabling.error ?? enabling.error;
  const errors = formErrors(error, []);

  const doDisable = async () => {
    const result = await disable({ username: person.username });
    if (result.data) setConfirming(false);
  };

  return (
    <div className="form" role="group" aria-label={`Sign-in of ${person.username}`}>
      <h3 className="form__title">Sign-in</h3>
      <FormError>{errors.general}</FormError>
      {person.disabled ? (
        <>
          <p>{person.username} is disabled and cannot sign in.</p>
          <button
            type="button"
            className="button"
            disabled={enabling.fetching}
            onClick={() => void enable({ username: person.username })}
          >
            Enable {person.username}
          </button>
        </>
      ) : confirming ? (
        <div className="confirm" role="group" aria-label={`Disable ${person.username}?`}>
          <p>Disable {person.username}? They are signed out everywhere at once and cannot sign in until enabled again.</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={disabling.fetching}
              onClick={() => void doDisable()}
            >
              Yes, disable {person.username}
            </button>
            {/* Focus lands on the harmless choice, so a stray Enter does not disable anybody. */}
            <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{person.username} can sign in.</p>
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Disable {person.username}…
          </button>
        </>
      )}
    </div>
  );
}

/** Everything an admin changes about one person: role and plants, password, whether they may sign in. */
export function PersonEditor({ person, onClose }: { person: Person; onClose: () => void }) {
  return (
    <section className="card editor" aria-labelledby="person-editor-title">
      <div className="editor__head">
        <h2 id="person-editor-title" className="card__title">
          {person.displayName ? `${person.displayName} (${person.username})` : person.username}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="editor__parts">
        <DetailsForm person={person} />
        <ResetPasswordForm person={person} />
        <SignInAccess person={person} />
      </div>
    </section>
  );
}
