/**
 * The containers over time (issue 14) on a running Scan, #56 of the default scenario, in
 * Chromium with the simulator's clock moved by hand: labelled bars that grow while it runs, one
 * tab stop and the arrow keys, the estimate with its basis on focus; at a phone's width in the
 * dark theme, nothing scrolls sideways and axe finds nothing.
 */
import { expect, test } from '@playwright/test';
import { SLOW, expectNoAxeViolations, expectNoHorizontalScroll } from './page-checks';
import { advanceClock, openWithScenario } from './sim';

test('the Gantt of a running Scan grows as the clock advances, by keyboard; the estimate says its basis', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWithScenario(page, '/runs/56');
  const chart = page.getByRole('list', { name: 'Containers over time' });
  await expect(chart).toBeVisible(SLOW);
  const running = chart.getByRole('img', { name: /: Running, .+ so far$/ }).first();
  await expect(running).toBeVisible();
  const before = (await running.boundingBox())?.width ?? 0;
  const label = await running.getAttribute('aria-label');

  // One tab stop for the chart; the arrow keys move between its containers.
  const marks = chart.getByRole('img');
  await marks.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(marks.nth(1)).toBeFocused();
  await expect(page.getByRole('tooltip')).toContainText(/^Started /);
  await page.keyboard.press('End');
  await expect(marks.last()).toBeFocused();

  // Live: a minute later the running container's bar is longer and says so.
  await advanceClock(page, 60_000);
  await expect(chart.getByRole('img', { name: label ?? '' })).toHaveCount(0);
  const now = chart.getByRole('img', { name: /: Running, .+ so far$/ }).first();
  await expect.poll(async () => (await now.boundingBox())?.width ?? 0).toBeGreaterThan(before);

  // The estimate, and what it rests on, by keyboard.
  const estimate = page.getByText(/, based on the last \d+ Scan Runs$/);
  // In view first: a tooltip closes when the page scrolls (as focusing it can make it, and the
  // live page re-renders around it), so focus is given again until the tooltip stays.
  await estimate.scrollIntoViewIfNeeded();
  await expect(async () => {
    await estimate.blur();
    await estimate.focus();
    await expect(page.getByRole('tooltip')).toContainText(
      /^The median duration of the last \d+ successful Scan Runs on /,
      { timeout: 2_000 },
    );
  }).toPass(SLOW);
});

test('the Gantt and the estimate at phone width in the dark theme: no sideways scroll, axe clean', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openWithScenario(page, '/runs/56');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
  const chart = page.getByRole('list', { name: 'Containers over time' });
  await chart.scrollIntoViewIfNeeded(SLOW);
  await expect(chart.getByRole('img').first()).toBeVisible();
  await expect(page.getByText(/, based on the last \d+ Scan Runs$/)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
