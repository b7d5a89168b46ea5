import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';

/** GET or PUT /api/__sim/faults from inside the page, where the service worker answers. */
async function faults(page: Page, mode?: string): Promise<unknown> {
  return page.evaluate(async (mode) => {
    const response = await fetch('/api/__sim/faults', {
      method: mode ? 'PUT' : 'GET',
      headers: { 'Content-Type': 'application/json' },
      ...(mode ? { body: JSON.stringify({ mode }) } : {}),
    });
    return (await response.json()) as unknown;
  }, mode);
}

test('the fault mode survives a reload, and a reset turns it off', async ({ page }) => {
  await openWithScenario(page);
  await expect(page.getByRole('row').filter({ hasText: '#62' })).toBeVisible();
  expect(await faults(page, 'down')).toEqual({ mode: 'down' });
  await page.reload();
  // The app renders once the simulator is up again: every API request now fails.
  await expect(page.getByText(/Cannot reach the API/).first()).toBeVisible();
  expect(await faults(page)).toEqual({ mode: 'down' });
  // The controls are never faulted: a reset still answers, and sets the scenario's mode.
  const reset = await page.evaluate(
    async () => (await fetch('/api/__sim/reset', { method: 'POST', body: '{}' })).status,
  );
  expect(reset).toBe(204);
  expect(await faults(page)).toEqual({ mode: 'none' });
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: '#62' })).toBeVisible();
});

test('the flaky scenario starts with the flaky faults on', async ({ page }) => {
  await openWithScenario(page, '/', 'flaky');
  // The shell renders once the simulator is up again after the page load.
  await expect(page.getByRole('banner')).toBeVisible();
  expect(await faults(page)).toEqual({ mode: 'flaky' });
});
