import { Link, Outlet } from '@tanstack/react-router';
import { Suspense, lazy } from 'react';
import { useRunStream } from '../queries/run-stream';
import { ConnectionBanner } from './ConnectionBanner';
import { ThemeSelect } from './ThemeSelect';
import { UserChip } from './UserChip';

// The simulator panel is only part of the app when the simulator is on; it loads on its own.
// Compared literally so the bundler drops it from production builds.
const SimPanel =
  import.meta.env.VITE_SIMULATOR === 'on'
    ? lazy(() => import('../features/simulator/SimPanel').then((m) => ({ default: m.SimPanel })))
    : null;

export function AppShell() {
  useRunStream();
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
      </header>
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
