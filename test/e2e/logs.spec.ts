import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { openWithScenario } from './sim';

const HOSTILE = "Row 120 of orders: value '<img src=x onerror=alert(1)>' is not a valid date";
const TOTAL = '100,040 lines';

// Holding every line of a long log takes a few seconds, and Playwright's trace (kept on failure)
// records every DOM change meanwhile, which triples the time; on a machine shared with other
// builds the in-browser simulator (on the page's main thread) is slower still: give these
// journeys room. The bench (`npm run bench`) says how fast they are.
test.describe.configure({ timeout: 240_000 });

test.beforeEach(({ page }) => {
  // A hostile log line must never run: any dialog fails the test.
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
});

/**
 * Opens Run #1 of huge-log: it opens at its newest lines, sized for every line, after one request
 * (the rest loads in the background). The wait is for a loaded machine.
 */
async function openHugeLog(page: Page, path = '/runs/1?tab=logs') {
  await openWithScenario(page, path, 'huge-log');
  await expect(page.getByText(TOTAL, { exact: true })).toBeVisible({ timeout: 90_000 });
}

/** The plain text of a message (colour escapes are colour, not text). */
// eslint-disable-next-line no-control-regex -- the escape is what is removed
const plain = (message: string) => message.replace(/\u001b\[[\d;]*m/g, '');

/** Asks the simulator directly (no added latency): a log answer as JSON. */
const askLog = <T>(page: Page, query: string) =>
  page.evaluate(
    async (q) => (await fetch(`/api/operations/1/logs?${q}`)).json() as Promise<unknown>,
    query,
  ) as Promise<T>;

test('the 100,000-line log of huge-log: search, a #L link, real scrolling, download', async ({
  page,
}) => {
  await openHugeLog(page);
  await expect(page.getByRole('heading', { name: /Run #1/ })).toContainText('External Scan');
  const region = page.getByRole('region', { name: 'Run #1 log lines' });
  const rows = region.getByRole('listitem');
  // Virtualized: a few dozen line nodes, not 100,000.
  expect(await rows.count()).toBeLessThan(300);
  // An active Run's log follows the newest line.
  await expect(region.getByRole('button', { name: 'Line 100040' })).toBeVisible();

  // Search over every line, not only the rendered ones (once every line is held, on the client;
  // before that on the server, whose answers wait behind the background download here).
  await expect(page.getByText(/ loaded$/)).toHaveCount(0, { timeout: 120_000 });
  const search = page.getByRole('searchbox', { name: 'Search the log' });
  await search.fill('checksum mismatch');
  await expect(page.getByText('1 of 20', { exact: true })).toBeVisible();
  await expect(region.getByRole('button', { name: 'Line 5005' })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByText('2 of 20', { exact: true })).toBeVisible();
  const second = rows.filter({ has: page.getByRole('button', { name: 'Line 10006' }) });
  await expect(second).toContainText('Skipped partition 1998 of refunds: checksum mismatch');
  await expect(second.locator('mark')).toHaveText('checksum mismatch');
  await search.fill('');

  // Following a #L link scrolls to the line and highlights it; the hostile text is only text.
  await page.goto('/runs/1#L125');
  await expect(page.getByText(TOTAL, { exact: true })).toBeVisible({ timeout: 90_000 });
  const hostile = rows.filter({ has: page.getByRole('button', { name: 'Line 125' }) });
  await expect(hostile).toBeInViewport();
  await expect(hostile).toContainText(HOSTILE);
  await expect(hostile).toHaveClass(/log-row--selected/);
  await expect(region.locator('img')).toHaveCount(0);
  await expect(page.getByText('Line 125 selected')).toBeVisible();

  // A link changed in place (history, a pasted link) is followed too.
  await page.evaluate(() => {
    window.location.hash = '#L50000';
  });
  const far = rows.filter({ has: page.getByRole('button', { name: 'Line 50000' }) });
  await expect(far).toBeInViewport();
  await expect(far).toHaveClass(/log-row--selected/);

  // Clicking a line number puts it in the address; Shift+click makes a range.
  await region.getByRole('button', { name: 'Line 50002' }).click();
  await expect(page).toHaveURL(/\/runs\/1\?tab=logs#L50002$/);
  await region.getByRole('button', { name: 'Line 50006' }).click({ modifiers: ['Shift'] });
  await expect(page).toHaveURL(/\/runs\/1\?tab=logs#L50002-L50006$/);

  // Real scrolling: the wheel moves through the list and rows are replaced, not accumulated.
  await region.hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 4_000);
  await expect(region.getByRole('button', { name: 'Line 50002' })).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(300);

  // Download: the whole log as text, every line, markup as written (offered once it is held).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .txt' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('run-1-log.txt');
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.trimEnd().split('\n');
  expect(lines).toHaveLength(100_040);
  expect(lines[0]).toMatch(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO {2}External Scan run created by System/,
  );
  expect(lines[124]).toContain(`WARN  ${HOSTILE}`);
});

test('follow-tail pauses when scrolled up and jumps back to the newest line', async ({ page }) => {
  await openHugeLog(page);
  const region = page.getByRole('region', { name: 'Run #1 log lines' });
  await expect(page.getByText('Following new lines')).toBeVisible();
  // The simulator streams the log: new lines are pushed, not asked for.
  await expect(page.getByText('New lines arrive live')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check for new lines' })).toHaveCount(0);

  await region.hover();
  await page.mouse.wheel(0, -2_000);
  await expect(page.getByText('Paused: new lines keep arriving below')).toBeVisible();

  // About one line per virtual second.
  await page.evaluate(async () => {
    await fetch('/api/__sim/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advance_ms: 30_000 }),
    });
  });
  const jump = page.getByRole('button', { name: /^Jump to latest \([\d,]+ new\)$/ });
  // The pushed lines land while the rest of the log still loads in the background, on the same
  // (page's) thread as the simulator: on a loaded machine that can take longer than 15 s.
  await expect(jump).toBeVisible({ timeout: 60_000 });
  // By keyboard (the simulator panel, fixed at the bottom of the page, may cover the button).
  await jump.press('Enter');
  await expect(page.getByText('Following new lines')).toBeVisible();
  const last = await page.getByText(/^[\d,]+ lines$/).textContent();
  const count = Number((last ?? '').replace(/\D/g, ''));
  expect(count).toBeGreaterThan(100_040);
  await expect(region.getByRole('button', { name: `Line ${count}` })).toBeInViewport();
});

test('copying a text selection whose start scrolled out of the DOM gives every line from the data', async ({
  page,
}) => {
  await openHugeLog(page, '/runs/1#L3');
  const region = page.getByRole('region', { name: 'Run #1 log lines' });
  // The log opens sized for every line; the linked line's page is the next one asked for.
  await expect(region.getByRole('button', { name: 'Line 8', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clear selection' }).click();
  // Select from inside line 5 to inside line 8, as a drag would.
  await page.evaluate(() => {
    const text = (line: number) =>
      document.querySelector(`[data-line="${line}"] .log-row__msg`)?.firstChild ?? null;
    const [from, to] = [text(5), text(8)];
    if (!from || !to) throw new Error('lines 5 and 8 are not rendered');
    document.getSelection()?.setBaseAndExtent(from, 3, to, 5);
  });
  // The drag carries on down: line 5 leaves the DOM, the selection ends inside line 70.
  await region.evaluate((el) => {
    el.scrollTop += 1_000;
  });
  await expect(region.getByRole('button', { name: 'Line 5', exact: true })).toHaveCount(0);
  await expect(region.getByRole('button', { name: 'Line 70' })).toBeVisible();
  const copied = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const text = document.querySelector('[data-line="70"] .log-row__msg')?.firstChild;
        if (text) document.getSelection()?.extend(text, 4);
        document.addEventListener(
          'copy',
          (event) => resolve(event.clipboardData?.getData('text/plain') ?? ''),
          { once: true },
        );
        // Let the selection change be seen before copying, as between a drag and Ctrl+C.
        setTimeout(() => document.execCommand('copy'), 50);
      }),
  );
  const lines = copied.trimEnd().split('\n');
  expect(lines).toHaveLength(66); // lines 5 to 70, whole
  expect(lines[0]).toMatch(/INFO {2}Compared partition 1\/8000 of orders/);
  expect(lines[65]).toMatch(/INFO {2}Compared partition 66\/8000 of orders/);
});

test('the million-line log of million-log opens at its tail, #L500000 exactly, search counts every line', async ({
  page,
}) => {
  await openWithScenario(page, '/runs/1?tab=logs', 'million-log');
  const region = page.getByRole('region', { name: 'Run #1 log lines' });
  await expect(region).toBeVisible({ timeout: 60_000 });
  // The simulator's clock is paused: the log holds this many lines while the test runs.
  const { total } = await askLog<{ total: number }>(page, 'tail=1');
  expect(total).toBeGreaterThanOrEqual(1_000_000);
  const rows = region.getByRole('listitem');
  const row = (line: number) =>
    rows.filter({ has: page.getByRole('button', { name: `Line ${line}`, exact: true }) });
  /** Whether a line is wholly inside the log's scrolling area (which may sit below the fold). */
  const inLogView = (line: number) =>
    region.evaluate((el, n) => {
      const box = el.querySelector(`[data-line="${n}"]`)?.getBoundingClientRect();
      const view = el.getBoundingClientRect();
      return box !== undefined && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
    }, line);

  // Its newest line first, following, sized for every line (not a thousand pages later).
  await expect.poll(() => inLogView(total)).toBe(true);
  await expect(
    page.getByText(`${total.toLocaleString('en-US')} lines`, { exact: true }),
  ).toBeVisible();
  await expect(page.getByText('Following new lines')).toBeVisible();
  expect(await rows.count()).toBeLessThan(300);

  // A #L link in the middle opens at that very line, its text the server's.
  await page.evaluate(() => {
    window.location.hash = '#L500000';
  });
  const middle = row(500_000);
  await expect.poll(() => inLogView(500_000)).toBe(true);
  await expect(middle).toHaveClass(/log-row--selected/);
  const { entries } = await askLog<{ entries: { message: string }[] }>(page, 'line=500000&limit=1');
  await expect(middle).toContainText(plain(entries[0]?.message ?? 'missing'));
  await expect(row(499_999)).toBeVisible();
  await expect(row(500_001)).toBeVisible();

  // Search over every line: the count is the server's, next goes to the second match.
  const { lines, total_matches } = await askLog<{ lines: number[]; total_matches: number }>(
    page,
    'q=connection%20reset',
  );
  expect(total_matches).toBeGreaterThan(500);
  const search = page.getByRole('searchbox', { name: 'Search the log' });
  await search.fill('connection reset');
  await expect(
    page.getByText(`1 of ${total_matches.toLocaleString('en-US')}`, { exact: true }),
  ).toBeVisible({ timeout: 60_000 });
  await search.press('Enter');
  await expect(
    page.getByText(`2 of ${total_matches.toLocaleString('en-US')}`, { exact: true }),
  ).toBeVisible();
  await expect.poll(() => inLogView(lines[1] ?? 0)).toBe(true);
});
