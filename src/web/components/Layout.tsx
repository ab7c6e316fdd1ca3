/**
 * The page frame: a header with the brand and navigation (a bottom tab bar on phones), the page,
 * and a footer that always shows the way to professional help.
 */
import { Link, NavLink, Outlet } from 'react-router';
import { useSession } from '../session.tsx';
import { Everyday } from './Everyday.tsx';

export interface NavItem {
  to: string;
  label: string;
  icon: string;
}

/** Signed-in navigation. Capabilities add their entry here. */
export const NAV: NavItem[] = [
  { to: '/today', label: 'Today', icon: '☀' },
  { to: '/history', label: 'History', icon: '▤' },
  { to: '/insights', label: 'Insights', icon: '◔' },
  // NAV: capabilities add their entries below this line.
  { to: '/data', label: 'Data', icon: '⇅' },
  { to: '/log', label: 'Log', icon: '✚' },
  { to: '/programs', label: 'Programs', icon: '◷' },
  { to: '/microbiome', label: 'Microbiome', icon: '◎' },
  { to: '/checks', label: 'Checks', icon: '✓' },
  { to: '/learn', label: 'Learn', icon: '✦' },
  { to: '/settings', label: 'Settings', icon: '⚙' },
];

export function Layout() {
  const { person } = useSession();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={person ? '/today' : '/login'} className="brand" aria-label="Gutbrain home">
          <img src="/icon.svg" alt="" width="28" height="28" />
          <span>Gutbrain</span>
        </Link>
        {person && (
          <nav className="nav" aria-label="Main">
            {NAV.map((item) => (
              <NavLink key={item.to} to={item.to} className="nav-link">
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                <span className="nav-label">{item.label}</span>
              </NavLink>
            ))}
          </nav>
        )}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {person && <Everyday person={person} />}
        <Outlet />
      </main>
      <footer className="footer">
        <p>
          Gutbrain is a wellness and self-tracking tool. It does not diagnose. If you are struggling or in
          crisis, please contact a health professional or your local emergency number.
        </p>
      </footer>
    </div>
  );
}
