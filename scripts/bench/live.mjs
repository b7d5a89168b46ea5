/**
 * Live-update figures (logs.mjs runs them after the log figures): a line appended on the server
 * until it is on screen against a server without the log stream (polling), and a Run launched
 * while the Activity page shows nothing active until its row shows, with and without the Runs
 * stream.
 */
import { formatMs } from './browser.mjs';
import { addLatency, liveLatency, waitForLineOnScreen } from './logs-page.mjs';
import { TARGET, medianOf, openTarget, serverLines, withoutStream } from './target.mjs';

const ms = (n) => formatMs(n, 1);

/** Run #1 of huge-log against a server without the log stream: new lines come by polling. */
export async function pollingLatency(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await withoutStream(context, '/logs/stream');
    const { page, control, ok } = await openTarget(context, base, 'huge-log');
    if (!ok) return;
    const total = await serverLines(page);
    await addLatency(context, page, { inPage: TARGET === 'sim' });
    await page.goto(`${base}/runs/1?tab=logs`);
    await waitForLineOnScreen(page, total);
    const live = [];
    for (let i = 0; i < 5; i++)
      live.push(await liveLatency(page, () => control('clock', { advance_ms: 1_500 })));
    console.log(`server append to screen (polling, no log stream): ${medianOf(live)}`);
  } finally {
    await context.close();
  }
}

/** A Run launched (from outside) while the Activity page shows nothing active, until its row shows. */
export async function newRunOnIdleActivity(browser, base, streams) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    if (!streams) await withoutStream(context, '/operations/stream');
    const { page } = await openTarget(context, base, 'empty');
    await addLatency(context, page, { inPage: TARGET === 'sim' });
    await page.goto(`${base}/`);
    await page.getByText('No runs yet').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3_000); // what loads with the page is done
    const start = Date.now();
    const launch =
      TARGET === 'demo'
        ? fetch(`${base}/api/operations/run`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ type: 'profile', datastore_id: 1 }),
          }).then(async (r) => (await r.json()).id)
        : page.evaluate(async () => {
            const r = await fetch('/api/operations/run', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ type: 'profile', datastore_id: 1 }),
            });
            return (await r.json()).id;
          });
    const id = await launch;
    await page
      .getByRole('rowheader', { name: new RegExp(`^#${id}\\b`) })
      .waitFor({ timeout: 90_000 });
    const took = Date.now() - start;
    console.log(
      `a Run launched on an idle Activity page shows ${ms(took)} later ` +
        `(${streams ? 'with the Runs stream' : 'without streams: the new-Run check'})`,
    );
  } finally {
    await context.close();
  }
}
