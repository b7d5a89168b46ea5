/** Drives the simulator's control surface (SPEC §6) from inside the page, where MSW answers. */
import type { Page } from '@playwright/test';

async function call(page: Page, method: string, path: string, body: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/api/__sim/${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : ((await response.json()) as unknown);
    },
    { method, path, body },
  );
}

/** Resets to a scenario with the clock paused, so nothing moves unless the test moves it. */
export async function resetSim(page: Page, scenario = 'default', seed = 42): Promise<void> {
  await call(page, 'POST', 'clock', { paused: true });
  await call(page, 'POST', 'reset', { scenario, seed });
}

export async function advanceClock(page: Page, ms: number): Promise<void> {
  await call(page, 'POST', 'clock', { advance_ms: ms });
}

export async function setUser(
  page: Page,
  role: 'Admin' | 'Member',
  permission?: string,
): Promise<void> {
  await call(page, 'PUT', 'user', permission ? { role, permission } : { role });
}

/**
 * Waits until the simulator answers this page: the service worker controls it *and* MSW has
 * enabled mocking for it (the app renders only after that). A controlled page whose MSW client
 * has not yet said so gets the network's answers — a 404 from the static server.
 */
export async function waitForSimulator(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      navigator.serviceWorker.controller !== null &&
      (document.getElementById('root')?.childElementCount ?? 0) > 0,
  );
}

/** Opens the app with a fresh simulator in the given scenario (clock paused). */
export async function openWithScenario(
  page: Page,
  path = '/',
  scenario = 'default',
): Promise<void> {
  await page.goto('/');
  await waitForSimulator(page);
  await resetSim(page, scenario);
  await page.goto(path);
}
