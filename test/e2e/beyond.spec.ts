/**
 * Journeys through what no other run monitor has (issue 14): comparing two Runs, the container
 * Gantt with its ETA, watching a Run to its end. Each by keyboard, at phone width, axe clean.
 */
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';
import { SLOW, expectNoAxeViolations, expectNoHorizontalScroll } from './page-checks';

test('comparing a Resume with its parent, by keyboard from the Run page', async ({ page }) => {
  await openWithScenario(page, '/runs/54');
  await expect(page.getByRole('heading', { level: 1, name: /Run #54/ })).toBeVisible(SLOW);
  // Reached from the lineage facts; followed with the keyboard.
  await page.getByRole('link', { name: 'Compare with the Run it resumed' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Compare Run #27 with Run #54' }),
  ).toBeVisible(SLOW);
  await expect(page).toHaveURL(/\/compare\?a=27&b=54$/);
  const header = page.getByRole('table', { name: 'Header facts of Run #27 and Run #54' });
  await expect(header.getByRole('row', { name: /^State/ })).toContainText('Differs');
  await expect(page.getByRole('table', { name: /^Containers of Run #27/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Log lines by level/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the comparison at phone width has no axe violations and no sideways scroll (${theme})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openWithScenario(page, '/compare?a=27&b=54');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.getByRole('table', { name: /^Containers of Run #27/ })).toBeVisible(SLOW);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
}

test('a gone Run and Runs of two types say so, without axe violations', async ({ page }) => {
  await openWithScenario(page, '/compare?a=999999&b=54');
  await expect(page.getByRole('heading', { name: 'Run #999999 is gone' })).toBeVisible(SLOW);
  await expectNoAxeViolations(page);
  await page.goto('/compare?a=57&b=62');
  await expect(page.getByRole('note')).toContainText('Run #57 is a Profile and Run #62 an', SLOW);
});
