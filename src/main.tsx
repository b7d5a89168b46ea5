import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { StartupFailure } from './app/StartupFailure';
import { applyTheme, readTheme } from './lib/theme';
import { api } from './api/instance';
import { config } from './config/env';
import { followClock, setNowSource } from './lib/now';
import './styles/global.css';

async function start(): Promise<void> {
  applyTheme(readTheme());
  // Compared literally so the bundler drops the branch (and the simulator) from production builds.
  if (import.meta.env.VITE_SIMULATOR === 'on') {
    // The one place src reaches mocks/: behind a build-time flag, so a production build without
    // the simulator carries none of it.
    const { startSimulator } = await import('../mocks/browser');
    const sim = await startSimulator();
    setNowSource(() => sim.clock.now());
  } else if (config.simulator === 'remote') {
    // The simulator served over HTTP: the dashboard's "now" follows its virtual clock (without
    // waiting for it: the shell renders at once whatever the API does).
    void api.getSimClock().then(followClock, () => undefined);
  }
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <StartupFailure
      reason={error instanceof Error ? error.message : String(error)}
      simulator={import.meta.env.VITE_SIMULATOR === 'on'}
    />,
  );
});
