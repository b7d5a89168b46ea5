/**
 * Layout in a real browser, at a phone, a tablet, a laptop and a wide monitor: no horizontal page
 * scroll anywhere; a dense Activity table at 1440×900 (15 Runs or more above the fold, no wrapped
 * type or datastore cell); a Run page whose work (Results, or the log with `?tab=logs`) is above
 * the fold; the docked simulator strip covers nothing; axe finds nothing at phone width.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'laptop', width: 1440, height: 900 },
  { name: 'wide monitor', width: 2560, height: 1440 },
] as const;

const pageScrollsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

for (const screen of SCREENS) {
  test(`no page scrolls sideways on a ${screen.name} (${screen.width}×${screen.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(screen);
    await openWithScenario(page, '/?expanded=56');
    await expect(page.getByRole('article', { name: /Run #56/ })).toBeVisible();
    expect(await pageScrollsSideways(page)).toBe(false);

    await page.goto('/runs/56?tab=logs');
    await expect(page.getByRole('heading', { level: 1, name: /Run #56/ })).toBeVisible();
    const firstLine = page.getByRole('region', { name: 'Run #56 log lines' }).getByRole('listitem');
    await expect(firstLine.first()).toBeVisible();
    expect(await pageScrollsSideways(page)).toBe(false);
    // On a laptop and wider, the log is on screen when the address asks for it (on a phone the
    // header comes first, and the log is one scroll away).
    if (screen.width >= 1440) await expect(firstLine.first()).toBeInViewport();

    await page.goto('/lifecycle');
    await expect(page.getByRole('heading', { level: 1, name: 'Run lifecycle' })).toBeVisible();
    await expect(page.locator('figure svg').first()).toBeVisible();
    expect(await pageScrollsSideways(page)).toBe(false);
  });
}

test('at 1440×900 the Activity table is dense: 15 Runs or more above the fold, one line per cell', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWithScenario(page, '/', 'busy');
  const rows = page.locator('tr[data-run-id]');
  await expect(rows.first()).toBeVisible();
  const aboveFold = await rows.evaluateAll(
    (trs) => trs.filter((tr) => tr.getBoundingClientRect().bottom <= window.innerHeight).length,
  );
  expect(aboveFold).toBeGreaterThanOrEqual(15);
  // Every row is as tall as the first: no cell wrapped onto a second line.
  const heights = await rows.evaluateAll((trs) =>
    trs.slice(0, 25).map((tr) => Math.round(tr.getBoundingClientRect().height)),
  );
  expect(new Set(heights).size).toBe(1);
});

test('at 1440×900 a Run page shows its Results above the fold, and the simulator strip covers nothing', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWithScenario(page, '/runs/56');
  const results = page.getByRole('table', { name: 'Tables of Run #56' });
  await expect(results).toBeVisible();
  const top = await results.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(450);
  const panel = page.getByRole('complementary', { name: 'Simulator' });
  await expect(panel).toBeVisible();
  // In the page's flow: nothing of the page lies under it.
  const covered = await panel.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return getComputedStyle(el).position === 'fixed' || !el.contains(hit);
  });
  expect(covered).toBe(false);
});

test('at phone width the Activity page and a Run page have no axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openWithScenario(page, '/');
  await expect(page.locator('tr[data-run-id]').first()).toBeVisible();
  const activity = await new AxeBuilder({ page }).analyze();
  expect(activity.violations.map((v) => v.id)).toEqual([]);
  await page.goto('/runs/56');
  await expect(page.getByRole('table', { name: 'Tables of Run #56' })).toBeVisible();
  const run = await new AxeBuilder({ page }).analyze();
  expect(run.violations.map((v) => v.id)).toEqual([]);
});
