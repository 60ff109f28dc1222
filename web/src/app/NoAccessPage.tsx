import { Link } from 'react-router';
import { ROLE_LABELS } from '../auth/permissions';
import { usePerson } from '../auth/session-context';

/** In place of a page the person's role does not include: no data is asked for. */
export function NoAccessPage() {
  const person = usePerson();
  return (
    <section className="page">
      <h1 className="page__title">You do not have access to this page</h1>
      <p>
        Your role ({ROLE_LABELS[person.role]}) does not include it. Ask an administrator if you need it, or go to{' '}
        <Link to={person.home}>your start page</Link>.
      </p>
    </section>
  );
}
