import type { Locator } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';

/** The SVG mermaid drew inside a figure (its root carries mermaid's accessible title). */
const drawing = (figure: Locator) => figure.locator('svg[aria-roledescription="flowchart-v2"]');

/** Edge paths: mermaid marks a dotted link with the class `edge-pattern-dotted`. */
const dottedEdges = (svg: Locator) => svg.locator('path.flowchart-link.edge-pattern-dotted');
const solidEdges = (svg: Locator) => svg.locator('path.flowchart-link:not(.edge-pattern-dotted)');

test('the Lifecycle page draws both lifecycles with mermaid: states, labelled solid and dotted edges', async ({
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
  // Automatic transitions solid (and the start edge), a user action or an error dotted.
  await expect(solidEdges(svg)).toHaveCount(3);
  await expect(dottedEdges(svg)).toHaveCount(3);
  await expect(dottedEdges(svg).first()).not.toHaveCSS('stroke-dasharray', 'none');
  await expect(solidEdges(svg).first()).toHaveCSS('stroke-dasharray', /^(none|0(px)?)$/);
  await expect(svg.locator('g.edgeLabel')).toHaveText([
    'created',
    'worker picks it up',
    'user aborts',
    'every container processed',
    'unrecoverable error',
    'user or system aborts',
  ]);

  const promote = drawing(page.getByRole('figure', { name: /^Promote/ }));
  await expect(promote.locator('.node .nodeLabel')).toHaveText([
    'Running',
    'Success',
    'Failure',
    'Aborted',
  ]);
  await expect(dottedEdges(promote)).toHaveCount(2);
  await expect(solidEdges(promote)).toHaveCount(2);
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
  await openWithScenario(page, '/runs/56?tab=lifecycle');
  const figure = page.getByRole('figure', { name: /Lifecycle of Run #56 \(Scan\), now Running/ });
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
