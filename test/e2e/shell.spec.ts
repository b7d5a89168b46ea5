import { expect, test } from '@playwright/test';
import { advanceClock, openWithScenario } from './sim';

test('a Queued Run becomes Running and then finishes as the clock advances', async ({ page }) => {
  await openWithScenario(page);
  const table = page.getByRole('table', { name: /^Runs/ });
  // #59 is an Export created 5 minutes before the epoch, waiting behind three busy workers.
  const row = table.getByRole('row').filter({ hasText: '#59' });
  await expect(row).toContainText('Queued');

  await advanceClock(page, 30 * 60_000);
  await page.reload();
  await expect(row).toContainText('Running');

  await advanceClock(page, 6 * 60 * 60_000);
  await page.reload();
  await expect(row).toContainText(/Success|Failure/);
});

test('the simulator state survives a reload', async ({ page }) => {
  await openWithScenario(page, '/', 'empty');
  await expect(page.getByText('No runs yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No runs yet')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('an Abort done in the demo is not undone by a reload', async ({ page }) => {
  await openWithScenario(page);
  const row = page
    .getByRole('table', { name: /^Runs/ })
    .getByRole('row')
    .filter({ hasText: '#56' });
  await expect(row).toContainText('Running');
  const status = await page.evaluate(
    async () => (await fetch('/api/operations/abort/56', { method: 'PUT' })).status,
  );
  expect(status).toBe(200);
  await page.reload();
  await expect(row).toContainText('Aborted');
});

test('the page address picks the scenario at start-up (?scenario=)', async ({ page }) => {
  await page.goto('/?scenario=empty');
  await expect(page.getByText('No runs yet')).toBeVisible();
  await page.goto('/?scenario=default&seed=42');
  await expect(page.getByRole('table', { name: /^Runs/ }).getByRole('row')).not.toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: '#62' })).toBeVisible();
});

test('with service workers blocked, the page says why the dashboard cannot start and what to do', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The dashboard could not start' })).toBeVisible();
  await expect(page.getByText('npm run demo')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Styled by the app's stylesheet, not a bare line of text.
  await expect(page.locator('main')).toHaveCSS('border-top-style', 'solid');
  await context.close();
});
