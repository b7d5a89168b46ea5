import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { drawing, hueDistance } from './diagram-geometry';
import type { BadgeColours } from './lifecycle-pages';
import {
  badgeColours,
  chooseTheme,
  currentBox,
  expectLegible,
  revealRunLifecycle,
} from './lifecycle-pages';
import { openWithScenario } from './sim';

/** Edge paths: mermaid marks a dotted link (`-.->`, drawn dashed) with `edge-pattern-dotted`. */
const dottedEdges = (svg: Locator) => svg.locator('path.flowchart-link.edge-pattern-dotted');
const solidEdges = (svg: Locator) => svg.locator('path.flowchart-link:not(.edge-pattern-dotted)');

/** Axe over the page, or only over `include` (a CSS selector) where the rest is checked elsewhere. */
async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include === undefined ? builder : builder.include(include)).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('the Lifecycle page draws both lifecycles with mermaid: states, labelled solid and dashed edges', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Lifecycle' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run lifecycle' })).toBeVisible();

  const general = page.getByRole('figure', { name: /^Sync, Profile, Scan/ });
  const svg = drawing(general);
  await expect(svg).toBeVisible();
  await expect(svg.locator('title')).toHaveText(
    'Run lifecycle: Sync, Profile, Scan, External Scan, Export, Materialize',
  );
  await expect(svg.locator('.node .nodeLabel')).toHaveText([
    'Queued',
    'Running',
    'Success',
    'Failure',
    'Aborted',
  ]);
  // Automatic transitions solid (and the start edge), a user action or an error dashed.
  await expect(solidEdges(svg)).toHaveCount(3);
  await expect(dottedEdges(svg)).toHaveCount(3);
  await expect(dottedEdges(svg).first()).not.toHaveCSS('stroke-dasharray', 'none');
  await expect(solidEdges(svg).first()).toHaveCSS('stroke-dasharray', /^(none|0(px)?)$/);
  // Long labels are drawn on two lines (innerText keeps the break as a space).
  await expect(svg.locator('g.edgeLabel foreignObject > div')).toHaveText(
    [
      'created',
      'worker picks it up',
      'user aborts',
      'every container processed',
      'unrecoverable error',
      'user or system aborts',
    ],
    { useInnerText: true },
  );

  const promote = drawing(page.getByRole('figure', { name: /^Promote/ }));
  await expect(promote.locator('.node .nodeLabel')).toHaveText([
    'Running',
    'Success',
    'Failure',
    'Aborted',
  ]);
  await expect(dottedEdges(promote)).toHaveCount(2);
  await expect(solidEdges(promote)).toHaveCount(2);
  // Promote works through entities, and says so.
  await expect(promote.locator('g.edgeLabel foreignObject > div').nth(1)).toHaveText(
    'every entity processed',
    {
      useInnerText: true,
    },
  );

  // The legend's words and samples match the drawing: solid, and dashed with the same dashes.
  const legend = page.getByRole('list', { name: 'Legend' }).first();
  await expect(legend).toContainText('Solid arrow: automatic transition');
  await expect(legend).toContainText('Dashed arrow: a user action or an error');
  await expect(legend).not.toContainText(/dotted/i);
  const dashes = await dottedEdges(svg)
    .first()
    .evaluate((path) => getComputedStyle(path).strokeDasharray);
  await expect(legend.locator('line.lifecycle-legend__line--dashed')).toHaveCSS(
    'stroke-dasharray',
    dashes,
  );
});

test('a highlighted state is drawn highlighted, with the transitions possible from it emphasised', async ({
  page,
}) => {
  await page.goto('/lifecycle');
  await page.getByRole('combobox', { name: 'Highlight a state' }).selectOption('Running');
  await expect(page).toHaveURL(/\/lifecycle\?state=running$/);

  for (const name of [/^Sync, Profile, Scan/, /^Promote/]) {
    const svg = drawing(page.getByRole('figure', { name }));
    const current = svg.locator('g.node.current');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText('Running (highlighted)');
    await expect(current.locator('rect').first()).toHaveCSS('stroke-width', '3px');
    // The three ways out of Running are thicker than the rest.
    const next = svg.locator('path.flowchart-link[data-id^="next_running_"]');
    await expect(next).toHaveCount(3);
    await expect(next.first()).toHaveCSS('stroke-width', '3px');
  }
});

test('the diagrams follow the dark theme', async ({ page }) => {
  await page.goto('/lifecycle');
  const svg = drawing(page.getByRole('figure', { name: /^Sync, Profile, Scan/ }));
  const label = svg.locator('g.edgeLabel').first();
  await expect(label).toHaveCSS('color', 'rgb(27, 31, 36)');
  const lightDrawing = await svg.getAttribute('id');

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
  await expect(label).toHaveCSS('color', 'rgb(230, 233, 238)');
  // Drawn again with mermaid's palette for the dark theme (a new drawing has a new id).
  await expect(svg).not.toHaveAttribute('id', lightDrawing ?? '');
  await expect(svg.locator('.node .nodeLabel')).toHaveCount(5);
});

test('when mermaid cannot be loaded, the transitions are listed instead of a blank', async ({
  page,
  context,
}) => {
  // Fail every mermaid chunk (context.route also sees requests passed through the service worker).
  await context.route(/\/assets\/mermaid\.core-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/lifecycle');
  const general = page.getByRole('figure', { name: /^Sync, Profile, Scan/ });
  await expect(general.getByText(/could not be drawn/)).toBeVisible();
  await expect(
    general.getByRole('list', { name: /^Transitions: Sync/ }).getByRole('listitem'),
  ).toHaveText([
    'Queued → Running: worker picks it up (automatic)',
    'Queued → Aborted: user aborts (user action)',
    'Running → Success: every container processed (automatic)',
    'Running → Failure: unrecoverable error (error)',
    'Running → Aborted: user or system aborts (user action)',
  ]);
  await expect(drawing(general)).toHaveCount(0);
});

test("a Run page draws the Run's own path: current state highlighted, taken and possible edges", async ({
  page,
}) => {
  await openWithScenario(page, '/runs/56');
  const figure = await revealRunLifecycle(page, /Lifecycle of Run #56 \(Scan\), now Running/);
  const svg = drawing(figure);
  await expect(svg).toBeVisible();
  const current = svg.locator('g.node.current');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('Running (current)');
  // From Running: to Success, Failure and Aborted.
  await expect(svg.locator('path.flowchart-link[data-id^="next_running_"]')).toHaveCount(3);
  // Taken so far: the start into Queued, and Queued into Running.
  await expect(svg.locator('path.flowchart-link[data-id^="taken_"]')).toHaveCount(2);
  for (const state of ['Queued', 'Running', 'Success', 'Failure', 'Aborted']) {
    await expect(svg.locator('.node .nodeLabel').filter({ hasText: state })).toHaveCount(1);
  }
  // The same in words beside the picture.
  await expect(page.getByRole('list', { name: 'Possible next' }).getByRole('listitem')).toHaveCount(
    3,
  );
});

/** Legibility (SPEC §4, "Diagrams as legible as the docs"), at a phone, a tablet and two desktops. */
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
  { width: 2560, height: 1440 },
] as const;

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`at ${size} the Lifecycle page's diagrams are legible, in both themes`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/lifecycle?state=running');
    for (const theme of ['Light', 'Dark'] as const) {
      await chooseTheme(page, theme);
      for (const name of [/^Sync, Profile, Scan/, /^Promote/]) {
        const figure = page.getByRole('figure', { name });
        await expect(figure).toHaveAttribute('aria-busy', 'false');
        await expectLegible(figure);
      }
    }
  });

  test(`at ${size} a Run page's diagram is legible, in both themes`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openWithScenario(page, '/runs/56');
    for (const theme of ['Light', 'Dark'] as const) {
      await chooseTheme(page, theme);
      const figure = await revealRunLifecycle(page, /^Lifecycle of Run #56 /);
      await expect(figure).toHaveAttribute('aria-busy', 'false');
      await expectLegible(figure);
    }
  });
}

test('a drawing wider than a very narrow screen scrolls inside its figure, by keyboard too', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await openWithScenario(page, '/runs/56');
  const figure = await revealRunLifecycle(page, /^Lifecycle of Run #56 /);
  const canvas = figure.getByRole('group', { name: 'Diagram, scrolls sideways' });
  await expect(canvas).toBeVisible();
  await expect(figure.getByText('Scroll sideways to see the whole diagram.')).toBeVisible();
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => canvas.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expectLegible(figure);
});

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

for (const viewport of [VIEWPORTS[0], VIEWPORTS[2]]) {
  for (const theme of ['Light', 'Dark'] as const) {
    test(`the diagrams have no axe violations at ${viewport.width} px (${theme})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await openWithScenario(page, '/lifecycle?state=failure');
      await chooseTheme(page, theme);
      await expect(page.locator('figure[aria-busy="false"] svg')).toHaveCount(2, {
        timeout: 30_000,
      });
      await expectNoAxeViolations(page);
      await page.goto('/runs/56');
      const figure = await revealRunLifecycle(page, /^Lifecycle of Run #56 /);
      await expect(figure).toHaveAttribute('aria-busy', 'false');
      // The Run's lifecycle (figure, legend, words); the whole Run page is a11y.spec.ts's.
      await expectNoAxeViolations(page, '.run-lifecycle');
    });
  }
}

test("the expanded row's diagram, behind its disclosure, is legible on a phone", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await openWithScenario(page, '/?expanded=56');
  // The expanded Run keeps its lifecycle in a tab of its own.
  const run = page.getByRole('article', { name: /Run #56/ });
  await run.getByRole('tab', { name: 'Lifecycle' }).click();
  await run.getByRole('group').getByText('Lifecycle diagram').click();
  await expectLegible(page.getByRole('figure', { name: /^Lifecycle of Run #56 / }));
});
