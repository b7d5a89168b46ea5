import { Link, Outlet, useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Suspense, lazy } from 'react';
import { config } from '../config/env';
import { useRunStream } from '../queries/run-stream';
import { ConfigProblems } from './ConfigProblems';
import { ConnectionBanner } from './ConnectionBanner';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { ThemeSelect } from './ThemeSelect';
import { UserChip } from './UserChip';

// The simulator panel is part of the app only when the API is the simulator (in the browser, or
// served over HTTP by `npm run demo`); its code loads on its own, never for a real API.
const SimPanel =
  config.simulator === 'off'
    ? null
    : lazy(() => import('../features/simulator/SimPanel').then((m) => ({ default: m.SimPanel })));

/** `notices`: what the routes add under the header on every page (the watches' notices). */
export function AppShell({ notices }: { notices?: ReactNode }) {
  useRunStream();
  // A Run's page is part of Activity: the nav says where the person is.
  const inRunPage = useLocation({ select: (location) => location.pathname.startsWith('/runs/') });
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-header__title">Runs Activity</p>
        <nav aria-label="Main" className="app-nav">
          <Link
            to="/"
            activeOptions={{ exact: true, includeSearch: false }}
            {...(inRunPage ? { 'aria-current': 'location' as const, className: 'active' } : {})}
          >
            Activity
          </Link>
          <Link to="/lifecycle">Lifecycle</Link>
        </nav>
        <span className="app-header__spacer" />
        <UserChip />
        <ThemeSelect />
        <KeyboardShortcuts />
      </header>
      <ConfigProblems problems={config.problems} />
      <ConnectionBanner />
      {/* Docked under the header, in the page's flow: it never covers what it simulates. */}
      {SimPanel ? (
        <Suspense fallback={<div className="sim-panel sim-panel--pending" aria-hidden="true" />}>
          <SimPanel />
        </Suspense>
      ) : null}
      {notices}
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
