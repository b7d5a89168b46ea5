/**
 * Soak (issue 10, item 12): the Activity page and a streaming Run page of the production build,
 * open side by side against the demo server in its `flaky` scenario (about one answer in five
 * fails, one in five is slow, one in twenty is cut), for 10 minutes of simulator time at ×60.
 * Prints, per page: JS heap and DOM growth (after a full GC, start to end), API requests per
 * minute of wall time, the failed answers the page received (5xx and cut), the moments an error
 * was on screen, whether one is still shown at the end (not healed), and uncaught errors.
 * Goals: heap growth ≤ 5 MB, no DOM growth, no uncaught error, every failure retried silently or
 * shown and healed. Standalone: `npm run bench:soak` (builds what it serves when missing).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launchChromium, serveDemo } from './browser.mjs';

const SIM_MINUTES = 10;
const SPEED = 60;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function control(base, path, body, method = 'POST') {
  const response = await fetch(`${base}/api/__sim/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** One page, watched: its requests, failed answers, errors on screen and uncaught errors. */
async function openWatched(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const seen = { requests: 0, failed: 0, uncaught: [] };
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/') && !r.url().includes('/__sim/'))
      seen.requests++;
  });
  page.on('response', (r) => {
    if (r.status() >= 500 && new URL(r.url()).pathname.startsWith('/api/')) seen.failed++;
  });
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) seen.failed++;
  });
  page.on('pageerror', (error) => seen.uncaught.push(error.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  return { context, page, cdp, seen };
}

async function measure({ page, cdp }) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heap: usedSize, nodes };
}

/** Whether an error state is on screen now (an alert, or a state marked as an error). */
const errorShown = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role="alert"], .state--error')].some(
      (el) => el instanceof HTMLElement && el.offsetParent !== null && el.textContent?.trim(),
    ),
  );

export async function benchSoak() {
  if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'ignore' });
  execSync('npx vite build --config vite.demo.config.ts', { stdio: 'ignore' });
  const server = await serveDemo({ env: { SCENARIO: 'flaky' } });
  const browser = await launchChromium();
  console.log(
    `\n## Soak (Chromium, production build, demo server, flaky, ${SIM_MINUTES} min of simulator time at ×${SPEED})`,
  );
  try {
    await control(server.base, 'clock', { paused: true });
    // The API is flaky from the start: ask until it answers.
    let streaming = 1;
    for (let i = 0; i < 10; i++) {
      const answer = await fetch(`${server.base}/api/operations?page=1&size=50&finished=false`);
      if (!answer.ok) continue;
      const list = await answer.json().catch(() => null);
      streaming = list?.items?.find((run) => run.result === 'running')?.id ?? streaming;
      break;
    }
    const pages = {
      Activity: await openWatched(browser, `${server.base}/`),
      [`Run #${streaming} (Logs)`]: await openWatched(
        browser,
        `${server.base}/runs/${streaming}?tab=logs`,
      ),
    };
    // Settled: the first answers (and their retries) are in.
    await new Promise((done) => setTimeout(done, 5_000));
    const start = {};
    for (const [name, p] of Object.entries(pages)) {
      start[name] = { ...(await measure(p)), requests: p.seen.requests, failed: p.seen.failed };
    }
    const shown = Object.fromEntries(Object.keys(pages).map((name) => [name, 0]));
    const began = Date.now();
    await control(server.base, 'clock', { paused: false, speed: SPEED });
    const wall = (SIM_MINUTES * 60_000) / SPEED;
    while (Date.now() - began < wall) {
      await new Promise((done) => setTimeout(done, 1_000));
      for (const [name, p] of Object.entries(pages)) if (await errorShown(p.page)) shown[name]++;
    }
    const minutes = (Date.now() - began) / 60_000;
    const during = Object.fromEntries(
      Object.entries(pages).map(([name, p]) => [name, p.seen.requests - start[name].requests]),
    );
    await control(server.base, 'clock', { paused: true });
    await control(server.base, 'faults', { mode: 'none' }, 'PUT');
    // A healthy API again: whatever is shown heals without a click.
    await new Promise((done) => setTimeout(done, 15_000));
    for (const [name, p] of Object.entries(pages)) {
      const end = await measure(p);
      const s = start[name];
      const requests = during[name];
      console.log(
        `${name}: heap ${mb(s.heap)} → ${mb(end.heap)} (${end.heap >= s.heap ? '+' : ''}${mb(end.heap - s.heap)}), ` +
          `DOM ${s.nodes} → ${end.nodes} elements; ${Math.round(requests / minutes)} API requests a minute; ` +
          `${p.seen.failed - s.failed} failed answers received; an error on screen in ${shown[name]} of ` +
          `${Math.round(wall / 1000)} one-second samples; ${(await errorShown(p.page)) ? 'an error still shown 15 s after the API healed' : 'nothing failed left on screen once the API healed'}; ` +
          `${p.seen.uncaught.length} uncaught errors${p.seen.uncaught.length ? ` (${p.seen.uncaught[0]})` : ''}`,
      );
    }
    for (const p of Object.values(pages)) await p.context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSoak();
