import { useSearchParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { Time } from '../app/Time';
import { ROLE_LABELS } from '../auth/permissions';
import { CreatePersonForm } from './CreatePersonForm';
import { PersonEditor } from './PersonEditor';
import { plantsLabel } from './plants';
import { usePeople, type Person } from './usePeople';

function PeopleTable({ people, onEdit }: { people: readonly Person[]; onEdit: (username: string) => void }) {
  return (
    <table className="table" data-testid="people-table">
      <thead>
        <tr>
          <th scope="col">Username</th>
          <th scope="col">Display name</th>
          <th scope="col">Role</th>
          <th scope="col">Plants</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.username}>
            <td>{p.username}</td>
            <td>{p.displayName || '–'}</td>
            <td>{ROLE_LABELS[p.role]}</td>
            <td>{plantsLabel(p.plants)}</td>
            <td>
              <span className={p.disabled ? 'pill pill--bad' : 'pill pill--ok'}>{p.disabled ? 'Disabled' : 'Enabled'}</span>
            </td>
            <td>
              <Time iso={p.updatedAt} /> by {p.updatedBy}
            </td>
            <td>
              <button type="button" className="button button--small" onClick={() => onEdit(p.username)}>
                Edit<span className="visually-hidden"> {p.username}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PeoplePage() {
  const [{ data, error, fetching }] = usePeople();
  // The person being edited is in the URL, so the page can be bookmarked or shared as it is.
  const [params, setParams] = useSearchParams();
  const editing = params.get('person');
  const person = editing ? data?.users.find((p) => p.username === editing) : undefined;
  const edit = (username: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (username) next.set('person', username);
      else next.delete('person');
      return next;
    });

  return (
    <section className="page">
      <h1 className="page__title">People</h1>
      <p className="page__lead">Who can sign in, with which role and for which plants. Every change is in the audit trail.</p>
      <CreatePersonForm />
      {person && <PersonEditor key={person.username} person={person} onClose={() => edit(null)} />}
      {editing && data && !person && (
        <p className="page__empty" role="status">
          There is nobody with the username “{editing}”.
        </p>
      )}
      {error && (
        <p className="page__error" role="alert">
          Could not load people: {errorMessage(error)}
        </p>
      )}
      {!data && !error && fetching && <p role="status">Loading…</p>}
      {data && data.users.length === 0 && <p className="page__empty">Nobody can sign in yet.</p>}
      {data && data.users.length > 0 && <PeopleTable people={data.users} onEdit={edit} />}
    </section>
  );
}
