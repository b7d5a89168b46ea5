/**
 * Outages against the real thing (issue 10, SPEC §4 "Outages heal by themselves"): the production
 * build served by the demo server, the simulator over real HTTP. The API goes away (the server
 * stops, then starts again on the same port), answers nothing but failures from the first request
 * on, or hangs; the pages keep what they have, back off to a few requests a minute, and heal
 * without a click. The pages' clocks are driven by hand (api-meter.ts), so a minute of backoff is
 * counted exactly and takes a few seconds.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { advance, advanceUntil, apiLog, apiRequests, meterApi } from './api-meter';
import type { Started } from './stack';
import { startDemo } from './stack';

let demo: Started;

test.beforeEach(async () => {
  demo = await startDemo();
});
test.afterEach(async () => {
  await demo?.stop();
});

async function control(path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${demo.url}/api/__sim/${path}`, {
    method: path === 'faults' ? 'PUT' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(answer.ok, `${path}: ${answer.status}`).toBe(true);
}

/** The id of a Run that is still going, so its page has a stream and a reason to ask. */
async function activeRunId(): Promise<number> {
  const answer = await fetch(`${demo.url}/api/operations?finished=false&size=1`);
  const page = (await answer.json()) as { items: { id: number }[] };
  const [run] = page.items;
  if (run === undefined) throw new Error('the simulator has no active Run');
  return run.id;
}

const banner = (page: Page) => page.getByRole('status').filter({ hasText: /API unreachable/ });
const rows = (page: Page) =>
  page.getByRole('table', { name: /^Runs/ }).getByRole('rowheader', { name: /^#\d+/ });

test('the API stops and starts again: Activity and a Run page keep what they show, marked stale, ask at most 6 times in the first minute, and heal without a click', async ({
  context,
}) => {
  test.setTimeout(180_000);
  // Runs stand still, so what is on screen before the outage is what must stay.
  await control('clock', { paused: true });
  const id = await activeRunId();
  await meterApi(context);
  const activity = await context.newPage();
  const run = await context.newPage();
  await activity.goto(demo.url);
  await run.goto(`${demo.url}/runs/${id}`);
  await expect(rows(activity).first()).toBeVisible();
  const heading = run.getByRole('heading', { name: new RegExp(`Run #${id}\\b`) });
  await expect(heading).toBeVisible();
  const shown = await rows(activity).count();

  // The pages' clock stands still from here: every request below is counted at its time.
  await context.clock.pauseAt(Date.now() + 1_000);
  const before = { activity: await apiRequests(activity), run: await apiRequests(run) };
  const port = demo.port;
  await demo.stop();
  // One minute of the pages' time with the API gone, second by second, both pages at once.
  await advance(context, 60);
  const during = {
    activity: (await apiRequests(activity)) - before.activity,
    run: (await apiRequests(run)) - before.run,
  };
  console.log(`requests in the first minute of the outage: ${JSON.stringify(during)}`);
  expect(during.activity, (await apiLog(activity, before.activity)).join('\n')).toBeLessThanOrEqual(
    6,
  );
  expect(during.run, (await apiLog(run, before.run)).join('\n')).toBeLessThanOrEqual(6);
  // Both pages say so, keep their data, and mark it stale with its age.
  await expect(banner(activity)).toContainText(/API unreachable since \d/);
  await expect(banner(activity).getByRole('button', { name: 'Retry now' })).toBeVisible();
  await expect(rows(activity)).toHaveCount(shown);
  await expect(activity.getByText(/^Stale: from /)).toBeVisible();
  await expect(banner(run)).toBeVisible();
  await expect(heading).toBeVisible();
  await expect(run.getByText(/^Stale: from /).first()).toBeVisible();

  // The API is back where it was: the next probe finds it, and every view heals by itself.
  demo = await startDemo({ port });
  const back = { activity: await apiRequests(activity), run: await apiRequests(run) };
  const healed = async () =>
    !(await banner(activity).isVisible()) && !(await banner(run).isVisible());
  const took = await advanceUntil(context, healed, 45).catch(async (error: unknown) => {
    const log = [
      ...(await apiLog(activity, back.activity)),
      '--',
      ...(await apiLog(run, back.run)),
    ];
    throw new Error(`${String(error)}\n${log.join('\n')}`);
  });
  console.log(`healed ${took} s after the API came back`);
  // From here time flows again: the views re-read what they show as they would.
  await context.clock.resume();
  for (const page of [activity, run]) await expect(page.getByText(/^Stale: from /)).toHaveCount(0);
  await expect(rows(activity).first()).toBeVisible();
  await expect(heading).toBeVisible();
});

test('the API fails from the very first request: the shell, a clear message and no false "not found"; the pages load by themselves once it answers', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const id = await activeRunId();
  await control('faults', { mode: 'down' });
  await meterApi(context);
  const activity = await context.newPage();
  const run = await context.newPage();
  await activity.goto(demo.url);
  await run.goto(`${demo.url}/runs/${id}`);
  for (const page of [activity, run]) {
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(banner(page)).toContainText(/API unreachable since \d/);
  }
  await expect(activity.getByText(/^Retrying in \d+ s/).first()).toBeVisible();
  // The API gave no answer: nothing on screen says the Run does not exist.
  await expect(run.getByText(/not found|deleted/i)).toHaveCount(0);

  await context.clock.pauseAt(Date.now() + 1_000);
  await control('faults', { mode: 'none' });
  const healed = async () =>
    (await rows(activity).count()) > 0 &&
    (await run.getByRole('heading', { name: new RegExp(`Run #${id}\\b`) }).count()) > 0;
  console.log(
    `first load healed ${await advanceUntil(context, healed, 45)} s after the API answered`,
  );
  for (const page of [activity, run]) await expect(banner(page)).toBeHidden();
});

test('a server that stops answering: a Run page opened then shows its shell at once, the wait ends at the read timeout with a clear message, and it heals once answers come', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const id = await activeRunId();
  await meterApi(context);
  const page = await context.newPage();
  await control('faults', { mode: 'hang' });
  await page.goto(`${demo.url}/runs/${id}`);
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('navigation').first()).toBeVisible();

  await context.clock.pauseAt(Date.now() + 1_000);
  // No answer to wait for: the page's own timeout (15 s for a read) ends the request.
  await advance(context, 16, { answers: false });
  await expect(banner(page)).toContainText(/API unreachable since \d/);
  await expect(page.getByRole('alert')).toContainText(/did not answer within 15 s/);
  await expect(page.getByText('Refreshing…')).toHaveCount(0);

  // Answers come again (the requests left hanging end as network failures).
  await control('faults', { mode: 'none' });
  const heading = page.getByRole('heading', { name: new RegExp(`Run #${id}\\b`) });
  const took = await advanceUntil(context, async () => (await heading.count()) > 0, 45);
  console.log(`the hung Run page healed ${took} s after answers came again`);
  await expect(banner(page)).toBeHidden();
});

test('under flaky faults, each confirmed Rerun makes exactly one Run, however its answer is lost, and Retry never makes a second', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await control('clock', { paused: true });
  const list = await fetch(
    `${demo.url}/api/operations?operation_type=scan&finished=true&size=1&sort_created=desc`,
  );
  const [parent] = ((await list.json()) as { items: { id: number }[] }).items;
  if (parent === undefined) throw new Error('the simulator has no finished Run');
  const faulted: string[] = [];
  page.on('response', (response) => {
    if (/\/operations\/rerun\//.test(response.url()) && response.status() >= 400)
      faulted.push(String(response.status()));
  });
  page.on('requestfailed', (request) => {
    if (/\/operations\/rerun\//.test(request.url())) faulted.push('no answer');
  });

  const children = async () => {
    const answer = await fetch(`${demo.url}/api/operations?size=100&sort_created=desc`);
    const { items } = (await answer.json()) as { items: { parent_id?: number | null }[] };
    return items.filter((run) => run.parent_id === parent.id).length;
  };
  const before = await children();
  const clicks = 5;
  for (let click = 0; click < clicks; click += 1) {
    await page.goto(`${demo.url}/runs/${parent.id}`);
    const rerun = page.getByRole('button', { name: 'Rerun', exact: true });
    await expect(rerun).toBeVisible();
    await control('faults', { mode: 'flaky' });
    await rerun.click();
    await page
      .getByRole('dialog', { name: `Rerun Run #${parent.id}?` })
      .getByRole('button', { name: `Rerun Run #${parent.id}` })
      .click();
    // Until the page says it made the Run: every notice that offers Retry gets it.
    const created = () =>
      page.getByText(new RegExp(`^Created Run #\\d+, a rerun of Run #${parent.id}`)).count();
    const moved = () => !page.url().endsWith(`/runs/${parent.id}`);
    // The action's notice (a read failing meanwhile has its own alert, with Retry now).
    const retry = page
      .getByRole('alert')
      .filter({ hasText: /rerun/i })
      .getByRole('button', { name: 'Retry', exact: true });
    await expect
      .poll(
        async () => {
          if ((await created()) > 0 || moved()) return true;
          // Named "Retrying…" while its attempt is out.
          if ((await retry.count()) === 1) await retry.click();
          return false;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    await control('faults', { mode: 'none' });
  }

  console.log(`rerun answers lost or refused on the way: ${faulted.join(', ') || 'none'}`);
  expect(await children()).toBe(before + clicks);
});

test('offline: said at once, nothing goes out while it lasts, and everything is asked again as soon as the browser is back online', async ({
  context,
}) => {
  await meterApi(context);
  const page = await context.newPage();
  await page.goto(demo.url);
  await expect(rows(page).first()).toBeVisible();
  await context.clock.pauseAt(Date.now() + 1_000);

  await context.setOffline(true);
  const offline = page.getByRole('status').filter({ hasText: /You are offline/ });
  await advance(context, 1);
  await expect(offline).toBeVisible();
  const before = await apiRequests(page);
  await advance(context, 30);
  expect(await apiLog(page, before)).toEqual([]);

  await context.setOffline(false);
  await advance(context, 1);
  await expect(offline).toBeHidden();
  const again = await apiLog(page, before);
  console.log(`back online, within 1 s: ${again.join(', ')}`);
  expect(again.some((line) => /\/api\/operations\?/.test(line))).toBe(true);
  await expect(rows(page).first()).toBeVisible();
});
