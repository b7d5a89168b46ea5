/**
 * Actions by keyboard alone, in Chromium: abort a running Run, resume it, rerun it, delete it;
 * dialogs trap focus, close on Escape and give focus back; axe finds nothing on the actions, the
 * "Other actions" disclosure, the dialogs and the bulk bar.
 *
 * Assumes the wiring of issue 5: the Run page `/runs/<id>` and the expanded Run of the Activity
 * table render `RunActions` (a group named "Actions for Run #<id>"), the Activity table has a
 * "Details of Run #<id>" toggle and a "Select Run #<id>" checkbox per row (the table is one tab
 * stop: the arrow keys choose the row whose controls Tab reaches), and renders
 * `BulkActionBar` for the selection. After Resume/Rerun the page may take the user to the new Run
 * or stay; after Delete it may leave the page or stay: both are accepted.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';

// Many key presses, each a round trip to the browser: give the journeys room on a slow machine.
test.describe.configure({ timeout: 180_000 });

/**
 * Presses Tab (or Shift+Tab, when `target` comes before the focused element) until `target` has
 * focus; fails after `max` presses.
 */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  await expect(target).toBeVisible();
  const where = () =>
    target.evaluate((el) => {
      const active = document.activeElement;
      if (el === active) return 'here';
      if (!active || active === document.body) return 'after';
      return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING
        ? 'before'
        : 'after';
    });
  for (let i = 0; i < max; i++) {
    const position = await where();
    if (position === 'here') return;
    await page.keyboard.press(position === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach ${String(target)} in ${max} presses`);
}

/**
 * The Runs table is one tab stop: Tab reaches its active row, the arrow keys move between rows,
 * and Tab then reaches that row's controls. Moves the active row to Run #id and tabs to `control`.
 */
async function tabToRowControl(page: Page, id: number, control: Locator): Promise<void> {
  await tabTo(page, page.locator('tr[data-run-id] [data-run-link][tabindex="0"]'));
  const order = await page
    .locator('tr[data-run-id]')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-run-id'))));
  const target = order.indexOf(id);
  expect(target).toBeGreaterThanOrEqual(0);
  for (let step = 0; step < order.length; step++) {
    const focused = await page.evaluate(() =>
      Number(document.activeElement?.closest('tr[data-run-id]')?.getAttribute('data-run-id')),
    );
    const at = order.indexOf(focused);
    if (at === target) break;
    await page.keyboard.press(at < target ? 'ArrowDown' : 'ArrowUp');
    const next = order[at < target ? at + 1 : at - 1];
    await expect(page.locator(`tr[data-run-id="${next}"] [data-run-link]`)).toBeFocused();
  }
  await tabTo(page, control);
}

const focusIsWithin = (container: Locator): Promise<boolean> =>
  container.evaluate((el) => el.contains(document.activeElement));

/** Tab and Shift+Tab keep focus inside the open dialog. */
async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  expect(await focusIsWithin(dialog)).toBe(true);
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await focusIsWithin(dialog)).toBe(true);
  }
}

async function expectNoAxeViolations(page: Page, ...selectors: string[]): Promise<void> {
  let builder = new AxeBuilder({ page });
  for (const selector of selectors) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/**
 * After a confirmed Resume/Rerun of `parentId`: the new Run's id, whether the page took the user
 * to it or says so where it is.
 */
async function createdRun(page: Page, parentId: number, words: string): Promise<number> {
  const notice = page.getByText(new RegExp(`^Created Run #(\\d+), ${words} Run #${parentId}`));
  const movedTo = () => /\/runs\/(\d+)/.exec(page.url())?.[1];
  await expect
    .poll(async () => (await notice.count()) > 0 || movedTo() !== String(parentId))
    .toBe(true);
  const moved = movedTo();
  if (moved !== undefined && moved !== String(parentId)) {
    await expect(page.getByRole('heading', { name: new RegExp(`Run #${moved}\\b`) })).toBeVisible();
    return Number(moved);
  }
  const text = (await notice.textContent()) ?? '';
  return Number(/#(\d+)/.exec(text)?.[1]);
}

/** The table rows mentioning Run #id (its own row first, then its expanded details, if open). */
const rowsOf = (page: Page, id: number): Locator =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ hasText: new RegExp(`#${id}(?!\\d)`) });
const rowOf = (page: Page, id: number): Locator => rowsOf(page, id).first();

test('keyboard only on the Run page: abort a running Run, resume it, rerun it, delete it', async ({
  page,
}) => {
  await openWithScenario(page, '/runs/56');
  const actions = page.getByRole('group', { name: 'Actions for Run #56' });

  // Abort: Escape closes the confirmation and gives focus back to the button.
  const abort = actions.getByRole('button', { name: 'Abort', exact: true });
  await tabTo(page, abort);
  await page.keyboard.press('Enter');
  const abortDialog = page.getByRole('dialog', { name: 'Abort Run #56?' });
  await expect(abortDialog).toBeVisible();
  await expect(abortDialog).toContainText('Partial results are kept.');
  await expectFocusTrapped(page, abortDialog);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(abortDialog).toBeHidden();
  await expect(abort).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(abortDialog).toBeVisible();
  await tabTo(page, abortDialog.getByRole('button', { name: 'Abort Run #56' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByText('Run #56 was aborted by ada@example.com. Partial results are kept.'),
  ).toBeVisible();
  await expect(abort).toHaveCount(0);
  // Focus went to the outcome, not to the body of the page.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');

  // "Other actions" says why Abort is gone.
  const others = actions.getByRole('button', { name: 'Other actions' });
  await tabTo(page, others);
  await page.keyboard.press('Enter');
  await expect(others).toHaveAttribute('aria-expanded', 'true');
  await expect(actions).toContainText('Abort is only available while the Run is queued or running');
  await expectNoAxeViolations(page, '[role="group"][aria-label="Actions for Run #56"]');

  // Resume: the confirmation lists what it will process.
  await tabTo(page, actions.getByRole('button', { name: 'Resume', exact: true }));
  await page.keyboard.press('Enter');
  const resumeDialog = page.getByRole('dialog', { name: 'Resume Run #56?' });
  await expect(resumeDialog.getByRole('list', { name: 'Tables to process' })).toBeVisible();
  await expectFocusTrapped(page, resumeDialog);
  await tabTo(page, resumeDialog.getByRole('button', { name: 'Resume Run #56' }));
  await page.keyboard.press('Enter');
  const resumed = await createdRun(page, 56, 'resuming');
  expect(resumed).toBeGreaterThan(62);

  // Rerun.
  if (!page.url().endsWith('/runs/56')) await page.goto('/runs/56');
  await tabTo(page, actions.getByRole('button', { name: 'Rerun', exact: true }));
  await page.keyboard.press('Enter');
  const rerunDialog = page.getByRole('dialog', { name: 'Rerun Run #56?' });
  await expect(rerunDialog).toContainText('from scratch');
  await tabTo(page, rerunDialog.getByRole('button', { name: 'Rerun Run #56' }));
  await page.keyboard.press('Enter');
  const rerun = await createdRun(page, 56, 'a rerun of');
  expect(rerun).toBeGreaterThan(resumed);

  // Delete: says it cannot be undone and that artifacts stay.
  if (!page.url().endsWith('/runs/56')) await page.goto('/runs/56');
  const del = actions.getByRole('button', { name: 'Delete', exact: true });
  await tabTo(page, del);
  await page.keyboard.press('Enter');
  const deleteDialog = page.getByRole('dialog', { name: 'Delete Run #56?' });
  await expect(deleteDialog).toContainText('This cannot be undone');
  await expect(deleteDialog).toContainText('Anomalies and other artifacts it produced stay.');
  await page.keyboard.press('Escape');
  await expect(deleteDialog).toBeHidden();
  await expect(del).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, deleteDialog.getByRole('button', { name: 'Delete Run #56' }));
  await page.keyboard.press('Enter');
  await expect(deleteDialog).toBeHidden();

  // The Run left the list; the Runs it created stay.
  await page.goto('/');
  await expect(rowOf(page, resumed)).toBeVisible();
  await expect(rowOf(page, rerun)).toBeVisible();
  await expect(rowsOf(page, 56)).toHaveCount(0);
});

test('keyboard only on the Activity page: abort in the expanded Run, then bulk abort', async ({
  page,
}) => {
  await openWithScenario(page, '/');

  // Expand #57 and abort it from its actions.
  await tabToRowControl(page, 57, page.getByRole('button', { name: 'Details of Run #57' }));
  await page.keyboard.press('Enter');
  const actions = page.getByRole('group', { name: 'Actions for Run #57' });
  const abort = actions.getByRole('button', { name: 'Abort', exact: true });
  await tabTo(page, abort);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Abort Run #57?' });
  await expect(dialog).toBeVisible();
  await expectFocusTrapped(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(abort).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Abort Run #57' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Run #57 was aborted by ada@example.com.')).toBeVisible();
  await expect(rowOf(page, 57)).toContainText('Aborted');
  await expectNoAxeViolations(page, '[role="group"][aria-label="Actions for Run #57"]');

  // Select #59 (queued), #58 (running) and a finished one; abort the eligible two at once.
  for (const id of [59, 58, 55]) {
    await tabToRowControl(page, id, page.getByRole('checkbox', { name: `Select Run #${id}` }));
    await page.keyboard.press('Space');
  }
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  const bulkAbort = bulk.getByRole('button', { name: 'Abort 2 of 3 selected' });
  await expect(bulk.getByRole('button', { name: 'Delete 1 of 3 selected' })).toBeVisible();
  await expectNoAxeViolations(page, '[aria-label="Bulk actions"]');
  await tabTo(page, bulkAbort);
  await page.keyboard.press('Enter');
  const bulkDialog = page.getByRole('dialog', { name: 'Abort 2 Runs?' });
  await expect(bulkDialog.getByRole('list', { name: 'Runs to abort' })).toContainText('Run #58');
  await expectFocusTrapped(page, bulkDialog);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(bulkDialog).toBeHidden();
  await expect(bulkAbort).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, bulkDialog.getByRole('button', { name: 'Abort 2 Runs' }));
  await page.keyboard.press('Enter');
  await expect(bulkDialog).toBeHidden();
  await expect(rowOf(page, 58)).toContainText('Aborted');
  await expect(rowOf(page, 59)).toContainText('Aborted');
  await expect(rowOf(page, 55)).not.toContainText('Aborted');
});
