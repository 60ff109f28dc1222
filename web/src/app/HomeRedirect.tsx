import { Navigate } from 'react-router';
import { usePerson } from '../auth/session-context';

/** `/` opens the page the person's role lands on (me.home). */
export function HomeRedirect() {
  // `replace` so Back does not bounce the person between / and their start page.
  return <Navigate to={usePerson().home} replace />;
}
