/**
 * Live updates in Chromium on the simulator build: the Activity page follows the Run-change stream
 * (`GET /operations/stream`) and does not poll while it is healthy; without the stream it polls
 * while a Run is active and otherwise only checks for new Runs, at most twice a minute. The
 * page's timers run on Playwright's clock, moved by hand a second at a time (so a minute takes a
 * few real seconds), and the simulator's clock is paused: nothing moves unless the test moves it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advanceClock, resetSim, waitForSimulator } from './sim';

/** The API requests the page makes from now on, by path (the simulator's controls left out). */
function countApiRequests(page: Page) {
  const counts = new Map<string, number>();
  let counting = true;
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (!counting || !pathname.startsWith('/api/') || pathname.startsWith('/api/__sim/')) return;
    const path = /^\/api\/operations\/\d+$/.test(pathname) ? '/api/operations/{id}' : pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
  });
  return {
    of: (path: string) => counts.get(path) ?? 0,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    /** Stops counting; answers what was counted, by path. */
    stop: () => {
      counting = false;
      return Object.fromEntries(counts);
    },
  };
}

/** Lets the page's timers run for `ms`, a second at a time, letting its I/O through between. */
async function runPageTimers(page: Page, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 1_000) {
    await page.clock.runFor(Math.min(1_000, left));
    // Real time for the answers in flight (the simulator answers at once).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}

/** Makes the page's `fetch` answer 404 for the Run-change stream: a server without streams. */
async function withoutStreams(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const realFetch = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, location.href).pathname.endsWith('/operations/stream')) {
        return Promise.resolve(
          new Response('{"detail":"Not Found"}', {
            status: 404,
            headers: { 'Content-Type': 'application/json' },
          }),
        );
      }
      return realFetch(input, init);
    };
  });
}

/** Opens the Activity page on an empty simulator (clock paused), optionally with one Run launched. */
async function openActivity(page: Page, options: { readonly activeRun: boolean }) {
  await page.clock.install();
  await page.goto('/');
  await waitForSimulator(page);
  await resetSim(page, 'empty');
  let id: number | null = null;
  if (options.activeRun) {
    id = await page.evaluate(async () => {
      const response = await fetch('/api/operations/run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'profile', datastore_id: 1 }),
      });
      return ((await response.json()) as { id: number }).id;
    });
  }
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  if (id === null) await expect(page.getByText('No runs yet')).toBeVisible();
  else await expect(page.getByRole('rowheader', { name: new RegExp(`^#${id}`) })).toBeVisible();
  // What loads with the page (and a first stream's re-read) is done within a few seconds.
  await runPageTimers(page, 5_000);
  return id;
}

test('a Run launched on an idle Activity page appears and turns Running from the stream, with no list poll', async ({
  page,
}) => {
  await openActivity(page, { activeRun: false });
  const launched = await page.evaluate(async () => {
    const response = await fetch('/api/operations/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'profile', datastore_id: 1 }),
    });
    return ((await response.json()) as { id: number }).id;
  });
  const row = page.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: new RegExp(`^#${launched}`) }),
  });
  // The stream says a Run is new: one re-read of the list brings its row.
  await runPageTimers(page, 2_000);
  await expect(row).toContainText('Queued');

  const requests = countApiRequests(page);
  await advanceClock(page, 5_000);
  await runPageTimers(page, 1_000);
  await expect(row).toContainText('Running');
  // A poll would go every 3 s while a Run is active: none in 30 s while the stream is healthy.
  await runPageTimers(page, 30_000);
  await expect(row).toContainText('Running');
  expect(requests.of('/api/operations')).toBe(0);
  // The concurrency chart is told by the stream, not carried by it: the Run's start re-reads it
  // once. Nothing else is asked.
  expect(requests.stop()).toEqual({ '/api/operations/concurrency': 1 });
});

for (const streams of [true, false]) {
  for (const activeRun of [false, true]) {
    const label = `${activeRun ? 'a Run active' : 'nothing active'}, ${streams ? 'with' : 'without'} streams`;
    test(`requests in a minute on the Activity page: ${label}`, async ({ page }) => {
      test.setTimeout(180_000);
      if (!streams) await withoutStreams(page);
      await openActivity(page, { activeRun });
      const requests = countApiRequests(page);
      await runPageTimers(page, 60_000);
      const counted = requests.stop();
      const total = Object.values(counted).reduce((a, b) => a + b, 0);
      test.info().annotations.push({
        type: 'requests per minute',
        description: `${label}: ${total} ${JSON.stringify(counted)}`,
      });
      console.log(`requests per minute, ${label}: ${total} ${JSON.stringify(counted)}`);
      if (streams) expect(total).toBe(0);
      else if (activeRun) expect(counted['/api/operations']).toBeGreaterThanOrEqual(15);
      else expect(total).toBeLessThanOrEqual(2);
    });
  }
}

for (const streams of [true, false]) {
  const label = `the Run page of an active Run, ${streams ? 'with' : 'without'} streams`;
  test(`requests in a minute on ${label}`, async ({ page }) => {
    test.setTimeout(180_000);
    if (!streams) await withoutStreams(page);
    const id = await openActivity(page, { activeRun: true });
    await page.getByRole('link', { name: new RegExp(`^#${id}`) }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`Run #${id}`) })).toBeVisible();
    await runPageTimers(page, 5_000);
    const requests = countApiRequests(page);
    await runPageTimers(page, 60_000);
    const counted = requests.stop();
    const total = Object.values(counted).reduce((a, b) => a + b, 0);
    // The Run's log is not the Run-change stream's: its own stream or polling is counted apart.
    console.log(`requests per minute, ${label}: ${total} ${JSON.stringify(counted)}`);
    if (streams) expect(requests.of('/api/operations/{id}')).toBe(0);
    else expect(requests.of('/api/operations/{id}')).toBeGreaterThanOrEqual(15);
  });
}
