import { defineConfig } from '@playwright/test';
import chromiumSettings from './chromium.json' with { type: 'json' };

const PORT = Number(process.env.E2E_PORT ?? 4174);

/** Browser journeys in Debian's Chromium (no downloaded browser) against the simulator build. */
export default defineConfig({
  testDir: './test/e2e',
  // One worker: two on this machine's two cores made the heavier journeys (axe, mermaid) time out.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // On CI a test that fails is run once more, with a trace recorded (recording every journey's
  // DOM changes made the suite ~40% slower). One that passes only then is reported as flaky:
  // .ci/run names it, so a flake is seen and fixed rather than hidden.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['line'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? chromiumSettings.executablePath,
      args: chromiumSettings.args,
    },
  },
  webServer: {
    command: `npx vite preview --mode sim --outDir dist-sim --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
