import { NavLink, Outlet } from 'react-router';
import { StatusBadge } from '../status/StatusBadge';
import { NAV_ITEMS } from './nav';
import './app.css';

export function App() {
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="sidebar__brand">Syncline</div>
        <ul className="sidebar__nav">
          {NAV_ITEMS.map((item) => (
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
        <StatusBadge />
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
