import { useState, type FormEvent } from 'react';
import { FormError, SelectField, TextField, formErrors } from '../app/form';
import { ROLE_LABELS, ROLE_PLANTS_HINT, ROLES } from '../auth/permissions';
import type { Role } from '../gql/graphql';
import { parsePlants } from './plants';
import { useCreatePerson } from './usePeople';

const FIELDS = ['username', 'displayName', 'password', 'role', 'plants'] as const;
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function CreatePersonForm() {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [plants, setPlants] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching, error }, create] = useCreatePerson();
  const errors = formErrors(error, FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const result = await create({ input: { username, displayName, password, role, plants: parsePlants(plants) } });
    if (result.data) {
      setCreated(result.data.createUser.username);
      setUsername('');
      setDisplayName('');
      setPassword('');
      setPlants('');
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="create-person-title" noValidate>
      <h2 id="create-person-title" className="card__title">
        Add a person
      </h2>
      <FormError>{errors.general}</FormError>
      {created && (
        <p className="form__ok" role="status">
          {created} can now sign in.
        </p>
      )}
      <div className="form__grid">
        <TextField
          label="Username"
          name="username"
          value={username}
          onChange={setUsername}
          error={errors.of('username')}
          hint="Lower-case letters, digits, . _ or -"
          autoComplete="off"
          required
        />
        <TextField
          label="Display name"
          name="displayName"
          value={displayName}
          onChange={setDisplayName}
          error={errors.of('displayName')}
          autoComplete="off"
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.of('password')}
          hint="At least 12 characters, not the username"
          autoComplete="new-password"
          required
        />
        <SelectField label="Role" name="role" value={role} options={ROLE_OPTIONS} onChange={setRole} error={errors.of('role')} />
        <TextField
          label="Plants"
          name="plants"
          value={plants}
          onChange={setPlants}
          error={errors.of('plants')}
          hint={`Comma-separated plant codes. ${ROLE_PLANTS_HINT[role]}`}
          placeholder="P1, P2"
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button button--primary" disabled={fetching}>
        {fetching ? 'Adding…' : 'Add person'}
      </button>
    </form>
  );
}
