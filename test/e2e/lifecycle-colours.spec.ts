/**
 * The current state of a lifecycle diagram keeps its status badge's colour, outlined, in both
 * themes: on the Lifecycle page for each highlighted state, and on the Run pages of a running and
 * a failed Run. The other lifecycle journeys are in lifecycle.spec.ts.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { drawing, hueDistance } from './diagram-geometry';
import type { BadgeColours } from './lifecycle-pages';
import { badgeColours, chooseTheme, currentBox, revealRunLifecycle } from './lifecycle-pages';
import { openWithScenario } from './sim';

/** The current state's box against a badge: the same colour family, and a 3 px ring of its own. */
function expectBadgeColours(
  box: { fill: string; stroke: string; width: string },
  badge: BadgeColours | undefined,
  what: string,
) {
  expect(hueDistance(box.fill, badge?.background ?? ''), `${what} fill`).toBeLessThanOrEqual(15);
  expect(hueDistance(box.stroke, badge?.color ?? ''), `${what} outline`).toBeLessThanOrEqual(15);
  expect(box.width, `${what} outline width`).toBe('3px');
}

/** On a Run page: the current state says "current" and has its header badge's colours. */
async function expectRunCurrent(page: Page, id: string, state: string, label: string) {
  const figure = await revealRunLifecycle(page, new RegExp(`^Lifecycle of Run #${id} `));
  await expect(drawing(figure).locator('g.node.current')).toContainText(`${label} (current)`);
  // The Run's own badge comes first in its article (before any of its containers' badges).
  const badge = await page
    .getByRole('article', { name: new RegExp(`Run #${id}$`) })
    .locator(`.badge[data-state="${state}"]`)
    .first()
    .evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
  expectBadgeColours(await currentBox(figure), badge, `Run #${id} ${state}`);
}

for (const theme of ['Light', 'Dark'] as const) {
  test(`the current state keeps its badge's colour, outlined, in the ${theme.toLowerCase()} theme`, async ({
    page,
  }) => {
    // Eight drawings, three of them after a page load (which loads mermaid again).
    test.setTimeout(120_000);
    await openWithScenario(page, '/');
    await chooseTheme(page, theme);
    const states = [
      ['queued', 'Queued'],
      ['running', 'Running'],
      ['success', 'Success'],
      ['failure', 'Failure'],
      ['aborted', 'Aborted'],
    ] as const;
    const badges = await badgeColours(
      page,
      states.map(([state]) => state),
    );
    // A failed Run, to see its current state drawn in its own (red) colour.
    await page.goto('/?status=failure');
    const failed =
      (await page
        .getByRole('link', { name: /^#\d+$/ })
        .first()
        .textContent()) ?? '';
    expect(failed).toMatch(/^#\d+$/);
    await page.goto('/lifecycle');
    const figure = page.getByRole('figure', { name: /^Sync, Profile, Scan/ });
    for (const [state, label] of states) {
      await page.getByRole('combobox', { name: 'Highlight a state' }).selectOption(label);
      await expect(drawing(figure).locator('g.node.current')).toHaveText(`${label} (highlighted)`, {
        timeout: 30_000,
      });
      expectBadgeColours(await currentBox(figure), badges[state], state);
    }
    await page.goto('/runs/56');
    await expectRunCurrent(page, '56', 'running', 'Running');
    await page.goto(`/runs/${failed.slice(1)}`);
    await expectRunCurrent(page, failed.slice(1), 'failure', 'Failure');
  });
}
