/**
 * Log viewer figures in Chromium against the production build and the simulator served over real
 * HTTP by the demo server (`npm run demo`'s; BENCH_LOG_TARGET=sim: `vite preview` of dist-sim,
 * the in-browser simulator, MSW in a service worker answering on the page's main thread), with
 * 50 ms of latency on every API request (logs-page.mjs), for the `huge-log` scenario (Run #1,
 * ~100,000 lines) and `million-log` (Run #1, 1,000,000 lines, still streaming):
 *   - time from navigation to the newest line on screen, and until every line is held;
 *   - JS heap (after a full GC) with every line held; nodes in the DOM;
 *   - time from typing a search to its match count, over every line;
 *   - frame times while scrolling from the first line to the last;
 *   - latency from a line appended on the server to its appearance on screen, pushed by the log
 *     stream and (huge-log) with polling, against a server without streams;
 *   - API requests per minute on the Run page, by path;
 *   - time for a Run launched on an idle Activity page to appear, with and without the stream;
 *   - appending lines while following: re-renders of rows already shown (logs-append.mjs).
 */
import { formatMs, launchChromium } from './browser.mjs';
import { newRunOnIdleActivity, pollingLatency } from './live.mjs';
import { appendWhileFollowing } from './logs-append.mjs';
import {
  addLatency,
  heapAfterGc,
  liveLatency,
  requestsSince,
  scrollTopToBottom,
  timeSearch,
  waitForHeld,
  waitForLineOnScreen,
} from './logs-page.mjs';
import { TARGET, TARGET_NAME, medianOf, openTarget, serveTarget, serverLines } from './target.mjs';

const SCROLL_STEP_PX = 2_000;

/**
 * Today's baseline beside each figure: forward paging (1,000 lines a request, oldest first, as
 * SPEC §3 reads a log), measured on main before tail-first loading (same 50 ms, a loaded machine).
 */
const BASELINE = {
  'huge-log': 'forward paging on main: 30.6 s, 101 requests',
  'million-log': 'forward paging: 1,001 requests of 1,000 lines before the newest (not run)',
};
/** Searches timed per scenario: a common text, one found nowhere, a rare one. */
const SEARCHES = {
  'huge-log': ['partition', 'no such text in any line', 'mismatch'],
  'million-log': ['batch', 'no such text in any line', 'connection reset'],
};
const SCENARIOS = (process.env.BENCH_LOG_SCENARIOS ?? 'huge-log,million-log').split(',');

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const ms = (n) => formatMs(n, 1);
const count = (n) => n.toLocaleString('en-US');
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function benchScenario(browser, base, scenario) {
  console.log(`\n## Log viewer (${scenario}, Chromium, ${TARGET_NAME[TARGET]}, 50 ms latency)`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, control, ok } = await openTarget(context, base, scenario);
    if (!ok) {
      console.log(`the simulator has no ${scenario} scenario: skipped`);
      return null;
    }
    const total = await serverLines(page);
    const cdp = await addLatency(context, page, { inPage: TARGET === 'sim' });

    await page.goto(`${base}/runs/1?tab=logs`);
    const newestMs = await waitForLineOnScreen(page, total);
    const before = Object.entries(await requestsSince(page, 0))
      .filter(([path]) => path.endsWith('/logs'))
      .reduce((s, [, n]) => s + n, 0);
    console.log(
      `newest line (${count(total)}) on screen ${ms(newestMs)} after navigation, ` +
        `${count(before)} log requests (baseline: ${BASELINE[scenario] ?? 'n/a'})`,
    );
    const heldMs = await waitForHeld(page, total);
    const requests = await requestsSince(page, 0);
    const logRequests = Object.entries(requests)
      .filter(([path]) => path.endsWith('/logs'))
      .reduce((s, [, n]) => s + n, 0);
    console.log(
      `every line held ${ms(heldMs)} after navigation (${count(logRequests)} log requests)`,
    );
    const heap = await heapAfterGc(cdp);
    const dom = await page.evaluate(() => ({
      lines: document.querySelectorAll('[data-line]').length,
      nodes: document.querySelectorAll('*').length,
    }));
    console.log(
      `JS heap with ${count(total)} lines held: ${mb(heap)}; DOM: ${dom.lines} line nodes, ` +
        `${count(dom.nodes)} elements in the page`,
    );

    const searches = [];
    for (const text of SEARCHES[scenario] ?? SEARCHES['huge-log']) {
      const result = await timeSearch(page, text);
      searches.push(`"${text}" ${ms(result.ms)} (${result.status})`);
    }
    await timeSearch(page, '').catch(() => null);
    console.log(`search over every line, typing to count: ${searches.join('; ')}`);

    const scroll = await scrollTopToBottom(page, SCROLL_STEP_PX);
    const sorted = [...scroll.deltas].sort((a, b) => a - b);
    console.log(
      `scrolling top to bottom, ${count(SCROLL_STEP_PX)} px per frame, ` +
        `${count(sorted.length)} frames, to line ${count(scroll.lastLine)} ` +
        `(scroll height ${count(scroll.height)} px): frame p50 ${ms(percentile(sorted, 50))}, ` +
        `p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}; ` +
        `at most ${scroll.maxLines} line nodes`,
    );

    const jump = page.getByRole('button', { name: /^Jump to latest/ });
    if (await jump.isVisible()) await jump.press('Enter');
    const live = [];
    for (let i = 0; i < 5; i++)
      live.push(await liveLatency(page, () => control('clock', { advance_ms: 1_500 })));
    const transport = await page.evaluate(
      () => document.querySelector('.log')?.getAttribute('data-live') ?? 'polling',
    );
    console.log(`server append to screen (${transport}): ${medianOf(live)}`);

    const since = await page.evaluate(() => performance.now());
    await page.waitForTimeout(15_000);
    const perMinute = Object.entries(await requestsSince(page, since))
      .map(([path, n]) => `${path} ${n * 4}`)
      .join(', ');
    console.log(`requests per minute on the Run page (${transport}): ${perMinute || 'none'}`);

    let rerendered = 0;
    if (scenario === 'huge-log') {
      const once = await appendWhileFollowing(page, 200);
      rerendered = once.rerenders + once.mutated;
      console.log(
        `appending ${count(once.added)} lines while following: rows that stayed on screen ` +
          `${once.stayed}, re-rendered ${once.rerenders}, DOM mutations inside them ${once.mutated}`,
      );
    }
    return { newestMs, heldMs, heap, domLines: dom.lines, p95: percentile(sorted, 95), rerendered };
  } finally {
    await context.close();
  }
}

export async function benchLogs() {
  const server = await serveTarget();
  const browser = await launchChromium();
  const results = [];
  try {
    for (const scenario of SCENARIOS) {
      const result = await benchScenario(browser, server.base, scenario);
      if (result) results.push(result);
    }
    console.log(`\n## Live updates (Chromium, ${TARGET_NAME[TARGET]}, 50 ms latency)`);
    await pollingLatency(browser, server.base);
    await newRunOnIdleActivity(browser, server.base, true);
    await newRunOnIdleActivity(browser, server.base, false);
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    domLines: Math.max(0, ...results.map((r) => r.domLines)),
    rerendered: results.reduce((s, r) => s + r.rerendered, 0),
  };
}

// `npm run bench:logs`: only this section (BENCH_LOG_TARGET=sim: on the simulator build).
if (import.meta.url === `file://${process.argv[1]}`) await benchLogs();
