/**
 * Saved views of the Activity page (issue 14) in Chromium, by keyboard alone: save what is shown,
 * choose it as the default view, open `/` and get it (and be told), apply and delete; at a
 * phone's width in both themes, axe clean.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';
import { SLOW, expectNoAxeViolations, expectNoHorizontalScroll } from './page-checks';

const news = (page: Page) => page.getByRole('status', { name: 'Saved views news' });

/** Opens the panel by keyboard and saves what is shown under `name`. */
async function saveByKeyboard(page: Page, name: string) {
  await page.getByRole('button', { name: /^Saved views/ }).focus(SLOW);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Saved views' });
  await expect(panel).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: 'Name of this view' })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(news(page)).toHaveText(`Saved view “${name}”.`);
  return panel;
}

test('save a view, make it the default, open / and get it, apply and delete: all by keyboard', async ({
  page,
}) => {
  await openWithScenario(page, '/?status=failure&sort=duration');
  await expect(page.getByRole('table', { name: /^Runs/ })).toBeVisible(SLOW);
  const panel = await saveByKeyboard(page, 'Failures');
  await expect(page.getByText('Showing view “Failures”')).toBeVisible();

  // The default view, chosen with the keyboard.
  const choice = panel.getByRole('combobox', { name: 'Open Activity with' });
  await choice.focus();
  await page.keyboard.press('ArrowDown');
  await expect(choice).toHaveValue(/.+/);
  await expect(news(page)).toHaveText(
    'Activity now opens with “Failures” when its address has no settings.',
  );
  await expectNoAxeViolations(page);

  // Opening the dashboard at / opens it, and says so.
  await page.goto('/');
  await expect(page).toHaveURL(/\/\?status=failure&sort=duration$/, SLOW);
  await expect(page.getByRole('note').filter({ hasText: 'Opened your default view' })).toHaveText(
    'Opened your default view “Failures”.',
  );
  await expect(page.getByRole('table', { name: /^Runs/ })).toBeVisible(SLOW);

  // Elsewhere, then Apply from the list.
  await page.getByRole('button', { name: 'Clear all filters' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/\?sort=duration$/);
  await page.getByRole('button', { name: /^Saved views/ }).focus();
  await page.keyboard.press('Enter');
  await panel.getByRole('button', { name: 'Apply view Failures' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/\?status=failure&sort=duration$/);
  await expect(news(page)).toHaveText('Applied view “Failures”.');

  // Delete: focus goes to Undo; Enter brings it back.
  await panel.getByRole('button', { name: 'Delete view Failures' }).focus();
  await page.keyboard.press('Enter');
  await expect(news(page)).toHaveText('Deleted view “Failures”.');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Apply view Failures' })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`saved views at phone width, no sideways scroll, axe clean (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openWithScenario(page, '/?type=scan,profile&status=success,failure&has_logs=true');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    const panel = await saveByKeyboard(page, 'Profiles and scans that finished with logs');
    await panel.getByRole('button', { name: /^Rename view/ }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('textbox', { name: /^New name for/ })).toBeFocused();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(panel.getByRole('button', { name: /^Rename view/ })).toBeFocused();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
}
