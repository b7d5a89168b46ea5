/**
 * Watching a Run to its end (issue 14) in Chromium, by keyboard, with the simulator's clock
 * moved by hand: the toggle on the Run page, the permission asked from the press, the in-page
 * notice and the browser notification when it ends, the watch kept across a reload and cleared
 * when done; the watch for a Failure among the Activity page's filters, and a card's bell. Both
 * themes, a phone's width, axe clean.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advanceClock, openWithScenario } from './sim';
import { SLOW, expectNoAxeViolations, expectNoHorizontalScroll } from './page-checks';

const HOUR = 60 * 60_000;

/**
 * Records the browser notifications the page shows, at the Notification API's boundary (the
 * real API still shows them): `window.__shown` lists their titles.
 */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    Object.assign(window, { __shown: shown });
    function Recording(title: string, options?: NotificationOptions): Notification {
      shown.push(title);
      return new Real(title, options);
    }
    Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
    Object.assign(Recording, { requestPermission: () => Real.requestPermission() });
    Object.assign(window, { Notification: Recording });
  });
}

const shownNotifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);

test('watching a Run on its page to its end, by keyboard, across a reload', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  await recordNotifications(page);
  await openWithScenario(page, '/runs/62');
  await expect(page.getByRole('heading', { level: 1, name: /Run #62$/ })).toBeVisible(SLOW);
  const toggle = page.getByRole('button', { name: 'Notify me when it finishes' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false', SLOW);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByText('Watching: a notice on this page and a browser notification when it finishes.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // A reload keeps the watch.
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true', SLOW);
  await expect(page.getByText('Watching Run #62 External Scan')).toBeVisible();

  await advanceClock(page, HOUR);
  const notices = page.getByRole('list', { name: 'Finished while you watched' });
  await expect(notices).toContainText('Run #62 External Scan finished: Failure', SLOW);
  await expect(page.getByRole('status', { name: 'Watch notices' })).toHaveText(
    'Run #62 External Scan finished: Failure',
  );
  expect(await shownNotifications(page)).toEqual(['Run #62 External Scan finished: Failure']);
  // Done: the watch cleared itself, and an ended Run has no toggle.
  await expect(page.getByText('Watching Run #62 External Scan')).toHaveCount(0);
  await expect(toggle).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Dismissed by keyboard.
  await notices.getByRole('button', { name: 'Dismiss the notice about Run #62' }).focus();
  await page.keyboard.press('Enter');
  await expect(notices).toHaveCount(0);
});

test('a refused permission is said, and the notice still comes', async ({ page }) => {
  // Not granted by the test: Playwright's Chromium answers the page's request with a refusal.
  await openWithScenario(page, '/?expanded=57');
  const run = page.getByRole('article', { name: /Run #57$/ });
  const toggle = run.getByRole('button', { name: 'Notify me when it finishes' });
  await toggle.focus(SLOW);
  await page.keyboard.press('Enter');
  // The toggle's own note (the Run's results, while they load, are a status of the article too).
  const note = run.getByRole('status').filter({ hasText: /^Watching/ });
  await expect(note).toContainText(
    /^Watching: a notice on this page when it finishes\. (The browser blocks|Browser notifications were not allowed)/,
  );
  await advanceClock(page, HOUR);
  await expect(page.getByRole('list', { name: 'Finished while you watched' })).toContainText(
    /Run #57 Profile finished: Success/,
    SLOW,
  );
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the Failure watch and its notice at phone width, axe clean (${theme})`, async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['notifications']);
    await page.setViewportSize({ width: 390, height: 844 });
    await openWithScenario(page, '/?type=external_scan');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    const toggle = page.getByRole('button', { name: 'Notify me when any Failure appears' });
    await toggle.focus(SLOW);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Watching a Failure among External Scan Runs')).toBeVisible();
    // The card of an active Run has its bell too: w on the focused card presses it.
    const bell = page.getByRole('button', { name: 'Notify me when Run #62 finishes' });
    await expect(bell).toBeVisible();
    await page.getByRole('link', { name: '#62', exact: true }).focus();
    await page.keyboard.press('w');
    await expect(bell).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Watching 1 Run and 1 filter')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await advanceClock(page, HOUR);
    await expect(page.getByRole('list', { name: 'Finished while you watched' })).toContainText(
      'Run #62 External Scan finished: Failure (watching for a Failure among External Scan Runs)',
      SLOW,
    );
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(bell).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
}
