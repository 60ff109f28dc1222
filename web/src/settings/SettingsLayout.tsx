import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { SETTINGS_ITEMS } from '../app/nav';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';

export function SettingsLayout() {
  const person = usePerson();
  const items = SETTINGS_ITEMS.filter((item) => holdsAny(person.permissions, item.anyOf));
  return (
    <div className="settings">
      {items.length > 0 && (
        <nav className="subnav" aria-label="Settings">
          {items.map((item) => (
            <NavLink
              key={item.path}
              to={item.path}
              className={({ isActive }) => (isActive ? 'subnav__link subnav__link--active' : 'subnav__link')}
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
      )}
      <Suspense fallback={<p role="status">Loading…</p>}>
        <Outlet />
      </Suspense>
    </div>
  );
}
