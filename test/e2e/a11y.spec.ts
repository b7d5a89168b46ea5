/** Whole-page accessibility checks (axe) of the pages other journeys do not cover whole. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

for (const theme of ['Light', 'Dark'] as const) {
  test(`the Run page, its Results, Lifecycle and Logs, have no axe violations (${theme})`, async ({
    page,
  }) => {
    await openWithScenario(page, '/runs/56');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.getByRole('heading', { level: 1, name: /Run #56/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /of Run #56/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('tab', { name: 'Lifecycle' }).click();
    await expect(
      page.getByRole('figure', { name: /Lifecycle of Run #56/ }).locator('svg'),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(
      page.getByRole('region', { name: 'Run #56 log lines' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test(`the Lifecycle page has no axe violations (${theme})`, async ({ page }) => {
    await openWithScenario(page, '/lifecycle');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.locator('figure svg').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('a Run that does not exist has a proper page, without axe violations', async ({ page }) => {
  await openWithScenario(page, '/runs/999999');
  await expect(page.getByRole('heading', { name: 'Run #999999 not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to Activity' })).toBeVisible();
  await expectNoAxeViolations(page);
});
