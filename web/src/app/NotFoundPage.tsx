import { Link } from 'react-router';
import { DEFAULT_PATH } from './nav';

export function NotFoundPage() {
  return (
    <section className="page">
      <h1 className="page__title">Page not found</h1>
      <p>
        There is no page at this address. Go to <Link to={DEFAULT_PATH}>Sync lag</Link>.
      </p>
    </section>
  );
}
