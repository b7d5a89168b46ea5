import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advanceClock, openWithScenario } from './sim';

const MINUTE = 60_000;

const runRow = (page: Page, id: number) =>
  page
    .getByRole('table', { name: /^Runs/ })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) }) });

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('filter, expand a Run and watch it progress as the clock advances; no axe violations', async ({
  page,
}) => {
  await openWithScenario(page);
  await page.getByRole('button', { name: 'Type' }).click();
  await page.getByRole('checkbox', { name: 'Export' }).check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/\?type=export$/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Type: Export');

  const row = runRow(page, 59);
  await expect(row).toContainText('Queued');
  await expect(row).toContainText('0 / 14 Tables');
  await row.getByRole('button', { name: 'Details of Run #59' }).click();
  await expect(page).toHaveURL(/\?type=export&expanded=59$/);
  const details = page.getByRole('article', { name: 'Export Run #59' });
  await expect(details).toContainText('Position 1 in the queue, waiting for a free worker');
  await expectNoAxeViolations(page);

  await advanceClock(page, 30 * MINUTE);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(row.getByText('Running', { exact: true })).toBeVisible();
  await expect(row).toContainText(/Running for \d+ minutes?/);
  await expect(details).not.toContainText('waiting for a free worker');
  const progress = row.getByRole('progressbar', { name: 'Progress of Run #59' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^\d+ \/ 14 Tables$/);

  await details.getByRole('tab', { name: 'Logs' }).click();
  await expect(
    details.getByRole('region', { name: 'Run #59 log lines' }).getByRole('listitem').first(),
  ).toContainText('INFO');

  await advanceClock(page, 6 * 60 * MINUTE);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(row.getByText('Success', { exact: true })).toBeVisible();
  await expect(row).toContainText(/Took \d+/);
  await expect(progress).toHaveAttribute('aria-valuetext', '14 / 14 Tables');

  // The address is the view: a reload shows the same filter and the same open Run.
  await page.reload();
  await expect(page.getByRole('article', { name: 'Export Run #59' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Type: Export');
  await expectNoAxeViolations(page);
});

test('the heatmap and the expanded Results pass axe in the dark theme too', async ({ page }) => {
  await openWithScenario(page, '/?expanded=56');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  const details = page.getByRole('article', { name: 'Scan Run #56' });
  await expect(details.getByRole('table', { name: 'Tables of Run #56' })).toBeVisible();

  // One tab stop in the heatmap; Enter filters the table to the focused day.
  const today = page.getByRole('button', { name: /Nov 28, 2026: \d+ runs?/ });
  await today.focus();
  await expect(page.getByRole('tooltip')).toContainText(/Nov 28, 2026/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=2026-11-21&to=2026-11-21/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Day:');
  await expectNoAxeViolations(page);
});

test('the warning icon tells why on hover and on keyboard focus', async ({ page }) => {
  await openWithScenario(page, '/?status=success&has_logs=true');
  const icon = page.getByRole('img', { name: 'Warning: Completed with logs' }).first();
  await icon.hover();
  await expect(page.getByRole('tooltip')).toHaveText('Warning: Completed with logs');
  // Radix keeps a tooltip open while the pointer is in transit towards it: move well away.
  await page.mouse.move(600, 700, { steps: 4 });
  await page.mouse.move(620, 720);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await icon.focus();
  await expect(page.getByRole('tooltip')).toHaveText('Warning: Completed with logs');
});
