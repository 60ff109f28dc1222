import { Link } from 'react-router';
import { usePerson } from '../auth/session-context';

export function NotFoundPage() {
  const person = usePerson();
  return (
    <section className="page">
      <h1 className="page__title">Page not found</h1>
      <p>
        There is no page at this address. Go to <Link to={person.home}>your start page</Link>.
      </p>
    </section>
  );
}
