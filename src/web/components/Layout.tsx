/**
 * The page frame: a header with the brand and navigation (a bottom tab bar on phones), the page,
 * and a footer that always shows the way to professional help.
 */
import { useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { type Person, useSession } from '../session.tsx';
import { Everyday } from './Everyday.tsx';
import { DiarySupportPrompt, SupportShowingProvider, useSupportShowing } from './SupportScreen.tsx';

export interface NavItem {
  to: string;
  label: string;
  icon: string;
  /** Shown in the phone's bottom bar; the rest sit behind "More" there. */
  primary?: boolean;
  /** Only for accounts with this role (the clinician dashboard). */
  role?: string;
}

/** Signed-in navigation. Capabilities add their entry here. */
export const NAV: NavItem[] = [
  { to: '/today', label: 'Today', icon: '☀', primary: true },
  { to: '/history', label: 'History', icon: '▤' },
  { to: '/insights', label: 'Insights', icon: '◔', primary: true },
  // NAV: capabilities add their entries below this line.
  { to: '/clinic', label: 'Clinic', icon: '▦', primary: true, role: 'clinician' },
  { to: '/data', label: 'Data', icon: '⇅' },
  { to: '/log', label: 'Log', icon: '✚', primary: true },
  { to: '/programs', label: 'Programs', icon: '◷' },
  { to: '/microbiome', label: 'Microbiome', icon: '◎' },
  { to: '/checks', label: 'Checks', icon: '✓' },
  { to: '/learn', label: 'Learn', icon: '✦', primary: true },
  { to: '/clinician', label: 'Clinician', icon: '⚕', role: 'clinician' },
  { to: '/settings', label: 'Settings', icon: '⚙' },
];

function NavItemLink({
  item,
  className,
  onClick,
}: {
  item: NavItem;
  className: string;
  onClick?: () => void;
}) {
  return (
    <NavLink to={item.to} className={className} onClick={onClick}>
      <span className="nav-icon" aria-hidden="true">
        {item.icon}
      </span>
      <span className="nav-label">{item.label}</span>
    </NavLink>
  );
}

/**
 * What the shell draws above the page: the diary prompt, then the everyday strip (reminders,
 * program nudges, the tour, the offline state). Nothing goes above a support screen: on Get help
 * now, and while the page draws a support screen of its own, the strip is left out, and the diary
 * prompt gives way to the page's screen.
 */
function AbovePage({ person }: { person: Person }) {
  const { pathname } = useLocation();
  const showing = useSupportShowing();
  const onSupportPage = pathname === '/support';
  return (
    <>
      {!onSupportPage && !showing.page && <DiarySupportPrompt />}
      {!onSupportPage && !showing.any && <Everyday person={person} />}
    </>
  );
}

export function Layout() {
  return (
    <SupportShowingProvider>
      <Frame />
    </SupportShowingProvider>
  );
}

function Frame() {
  const { person } = useSession();
  const more = useRef<HTMLDetailsElement>(null);
  const closeMore = () => more.current?.removeAttribute('open');
  const nav = NAV.filter((item) => !item.role || item.role === person?.role);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to={person ? '/today' : '/'} className="brand" aria-label="Gutbrain home">
          <img src="/icon.svg" alt="" width="28" height="28" />
          <span>Gutbrain</span>
        </Link>
        {person && (
          <nav className="nav" aria-label="Main">
            {nav.map((item) => (
              <NavItemLink
                key={item.to}
                item={item}
                className={`nav-link${item.primary ? '' : ' nav-secondary'}`}
              />
            ))}
            <details className="nav-more" ref={more} onKeyDown={(e) => e.key === 'Escape' && closeMore()}>
              <summary className="nav-link">
                <span className="nav-icon" aria-hidden="true">
                  ☰
                </span>
                <span className="nav-label">More</span>
              </summary>
              <div className="nav-more-panel">
                {nav
                  .filter((item) => !item.primary)
                  .map((item) => (
                    <NavItemLink key={item.to} item={item} className="nav-more-link" onClick={closeMore} />
                  ))}
                <Link to="/support" className="nav-more-link" onClick={closeMore}>
                  <span className="nav-icon" aria-hidden="true">
                    ♥
                  </span>
                  <span className="nav-label">Get help now</span>
                </Link>
              </div>
            </details>
          </nav>
        )}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {person && <AbovePage person={person} />}
        <Outlet />
      </main>
      <footer className="footer">
        <p>
          Gutbrain is a wellness and self-tracking tool. It does not diagnose. If you are struggling or in
          crisis, please contact a health professional or your local emergency number.{' '}
          <Link to="/support">Get help now: crisis lines and kinds of professional help</Link>.
        </p>
      </footer>
    </div>
  );
}
