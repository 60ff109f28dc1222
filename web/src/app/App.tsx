import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { holdsAny } from '../auth/permissions';
import { usePerson } from '../auth/session-context';
import { StatusBadge } from '../status/StatusBadge';
import { PersonMenu } from './PersonMenu';
import { NAV_ITEMS } from './nav';

export function App() {
  const person = usePerson();
  const items = NAV_ITEMS.filter((item) => holdsAny(person.permissions, item.anyOf));
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="sidebar__brand">Syncline</div>
        <ul className="sidebar__nav">
          {items.map((item) => (
            <li key={item.path}>
              <NavLink
                to={item.path}
                className={({ isActive }) => (isActive ? 'sidebar__link sidebar__link--active' : 'sidebar__link')}
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <header className="header">
        <span className="header__subtitle">Device events vs ERP postings</span>
        <div className="header__end">
          <StatusBadge />
          <PersonMenu />
        </div>
      </header>
      <main className="content">
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
