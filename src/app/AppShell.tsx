import { Link, Outlet } from '@tanstack/react-router';
import { Suspense, lazy } from 'react';
import { config } from '../config/env';
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

export function AppShell() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-header__title">Runs Activity</p>
        <nav aria-label="Main" className="app-nav">
          <Link to="/" activeOptions={{ exact: true, includeSearch: false }}>
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
      <main id="main" className="app-main">
        <Outlet />
      </main>
      {SimPanel ? (
        <Suspense fallback={null}>
          <SimPanel />
        </Suspense>
      ) : null}
    </>
  );
}
