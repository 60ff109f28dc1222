import { Navigate } from 'react-router';
import { PagePlaceholder } from '../app/PagePlaceholder';
import { SETTINGS_ITEMS } from '../app/nav';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';

/** /settings opens the first settings page the person may use. */
export function SettingsIndex() {
  const person = usePerson();
  const first = SETTINGS_ITEMS.find((item) => holdsAny(person.permissions, item.anyOf));
  if (first) return <Navigate to={first.path} replace />;
  return (
    <PagePlaceholder title="Settings">
      Configuration for SLAs, quantity tolerances, units, replay targets and API keys.
    </PagePlaceholder>
  );
}
