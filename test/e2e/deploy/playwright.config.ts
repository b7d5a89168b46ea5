import { defineConfig } from '@playwright/test';
import chromiumSettings from '../../../chromium.json' with { type: 'json' };

/**
 * The deployment's journeys (deploy/): Debian's nginx, configured from the same template as the
 * Docker image, in front of the demo server — started by the tests themselves on free ports
 * (stack.ts). Needs `dist/` (npm run build) and Debian's nginx.
 *
 *   npx playwright test --config test/e2e/deploy/playwright.config.ts
 */
export default defineConfig({
  testDir: '.',
  // Not *.spec.ts: the main configuration (test/e2e) must not pick these up.
  testMatch: '*.journey.ts',
  globalSetup: './global-setup.ts',
  timeout: 60_000,
  // A cold first load through nginx on a loaded 2-core machine: give the first view room.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI
    ? [['line'], ['json', { outputFile: '../../../reports/e2e-deploy.json' }]]
    : 'list',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? chromiumSettings.executablePath,
      args: chromiumSettings.args,
    },
  },
});
