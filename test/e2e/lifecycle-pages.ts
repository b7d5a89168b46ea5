/**
 * Finding the lifecycle diagrams on the pages that show them, whatever their layout (by the
 * figure's accessible name, opening the tab or disclosure it may sit behind by its role), and
 * checking that they are legible there.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { drawing, measureDrawing } from './diagram-geometry';

/**
 * The Run page's lifecycle figure, drawn. The Run page may show it at once, or behind a tab or a
 * disclosure named after the lifecycle: that is opened first.
 */
export async function revealRunLifecycle(page: Page, name: RegExp): Promise<Locator> {
  const figure = page.getByRole('figure', { name });
  const tab = page.getByRole('tab', { name: /lifecycle/i });
  const disclosure = page.getByRole('group').getByText(/lifecycle/i, { exact: false });
  await expect(figure.or(tab).first()).toBeVisible();
  if (!(await figure.isVisible())) {
    if (await tab.count()) await tab.first().click();
    else await disclosure.first().click();
  }
  // A page load loads mermaid again before drawing: allow for a slow machine.
  await expect(drawing(figure)).toBeVisible({ timeout: 30_000 });
  return figure;
}

/** Switches the app's theme with its own control. */
export async function chooseTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

export interface BadgeColours {
  readonly background: string;
  readonly color: string;
}

/**
 * The status badge's colours of each state, in the theme now on, as the Activity list draws them
 * (filtered to those states, so that each is on screen).
 */
export async function badgeColours(
  page: Page,
  states: readonly string[],
): Promise<Record<string, BadgeColours>> {
  await page.goto(`/?status=${states.join(',')}&size=100`);
  const out: Record<string, BadgeColours> = {};
  for (const state of states) {
    const badge = page.locator(`.badge[data-state="${state}"]`).first();
    await expect(badge).toBeVisible();
    out[state] = await badge.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
  }
  return out;
}

/** The drawn box of the current (or highlighted) state: its fill and outline. */
export function currentBox(
  figure: Locator,
): Promise<{ fill: string; stroke: string; width: string }> {
  return drawing(figure)
    .locator('g.node.current')
    .locator(':scope > rect, :scope > path, :scope > polygon')
    .first()
    .evaluate((shape) => {
      const style = getComputedStyle(shape);
      return { fill: style.fill, stroke: style.stroke, width: style.strokeWidth };
    });
}

/**
 * Whether the figure widens the page: what it holds stays inside it (a drawing wider than the
 * figure scrolls inside it), and the page is no wider with it than without it. `without` is what
 * the rest of the page alone makes the document's width.
 */
export function pageWidths(figure: Locator) {
  return figure.evaluate((fig: HTMLElement) => {
    const doc = document.documentElement;
    const withIt = doc.scrollWidth;
    const display = fig.style.display;
    fig.style.display = 'none';
    const without = doc.scrollWidth;
    fig.style.display = display;
    return {
      viewport: doc.clientWidth,
      withIt,
      without,
      overflowsFigure: fig.scrollWidth > fig.clientWidth + 1,
    };
  });
}

/**
 * Its own line shows at least this much on each side of a label (px), arrowhead included: the
 * label never sits on its arrow. (Mermaid's default spacing left about 20 px.)
 */
const MIN_RUN = 24;

/**
 * Checks what a person reading the diagram in `figure` needs: text drawn at 12 px or more, edge
 * labels clear of boxes, arrows and each other (touching within 1 px allowed) and not sitting on
 * their own arrowhead, and a page no wider for the diagram (document width = viewport).
 */
export async function expectLegible(figure: Locator) {
  // The first drawing loads mermaid: allow for a slow machine.
  await expect(drawing(figure)).toBeVisible({ timeout: 30_000 });
  const geometry = await measureDrawing(figure);
  expect(geometry.nodes).toBeGreaterThanOrEqual(5);
  expect(geometry.labels).toBeGreaterThanOrEqual(4);
  const small = geometry.texts.filter((t) => t.px < 12).map((t) => `${t.text}: ${t.px} px`);
  expect(small, 'text drawn below 12 px').toEqual([]);
  expect(geometry.overlaps, 'labels running into boxes, arrows or labels').toEqual([]);
  const short = geometry.runs.filter((r) => r.before < MIN_RUN || r.after < MIN_RUN);
  expect(short, 'labels sitting on their arrow').toEqual([]);
  expect(geometry.runs).toHaveLength(geometry.labels);

  const widths = await pageWidths(figure);
  expect(widths.overflowsFigure, 'the drawing runs out of its figure').toBe(false);
  // The diagram never widens the page. (Where the rest of the page is wider than the viewport,
  // that is said in an annotation: the diagram is not the cause.)
  expect(widths.withIt).toBeLessThanOrEqual(Math.max(widths.viewport, widths.without));
  if (widths.without > widths.viewport) {
    test.info().annotations.push({
      type: 'page wider than the viewport without the diagram',
      description: `${widths.without} px at ${widths.viewport} px`,
    });
  } else {
    expect(widths.withIt).toBe(widths.viewport);
  }
}
