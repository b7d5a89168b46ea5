/**
 * The concurrency chart (issue 14) beside the heatmap, in Chromium: why Runs wait, said in words;
 * the samples by hour opened by keyboard; at a phone's width in both themes nothing scrolls
 * sideways and axe finds nothing.
 */
import { expect, test } from '@playwright/test';
import { SLOW, expectNoAxeViolations, expectNoHorizontalScroll } from './page-checks';
import { openWithScenario } from './sim';

for (const theme of ['Light', 'Dark'] as const) {
  test(`the concurrency chart at phone width, by keyboard, axe clean (${theme})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openWithScenario(page, '/');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.getByText('Now: 3 running, 3 queued (limit 3)')).toBeVisible(SLOW);
    await expect(page.getByText('Runs are queued because every worker is busy')).toBeVisible();
    await expect(
      page.getByRole('img', { name: /^Runs running and queued over the last 24 hours/ }),
    ).toBeVisible();

    const samples = page.getByText('Samples by hour');
    await samples.focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('table', { name: /^Running and queued in each hour/ }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
}
