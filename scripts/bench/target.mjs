/**
 * Where the Chromium log and live benches (logs.mjs, live.mjs) run: the production build with the
 * simulator over real HTTP (the demo server, by default) or the in-browser simulator build
 * (BENCH_LOG_TARGET=sim), and what they share there: the simulator's controls, a server without
 * a stream, the median of a few timings.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { formatMs, serveDemo, startPreview } from './browser.mjs';
import { sim } from './logs-page.mjs';

const ms = (n) => formatMs(n, 1);

/** `demo`: the production build over real HTTP; `sim`: the in-browser simulator build. */
export const TARGET = process.env.BENCH_LOG_TARGET === 'sim' ? 'sim' : 'demo';
export const TARGET_NAME = {
  demo: 'production build, simulator over HTTP',
  sim: 'in-browser simulator',
};

/**
 * The simulator's controls: over HTTP from Node (the demo server: no added latency, nothing on
 * the page's thread), or inside the page (the in-browser simulator answers only there).
 */
const controls = (base, page) =>
  TARGET === 'demo'
    ? async (path, body) =>
        (
          await fetch(`${base}/api/__sim/${path}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).ok
    : (path, body) => sim(page, path, body);

/** Makes the page's `fetch` answer 404 for paths ending so: a server without that stream. */
export const withoutStream = (context, suffix) =>
  context.addInitScript((suffix) => {
    const realFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (new URL(url, location.href).pathname.endsWith(suffix))
        return Promise.resolve(new Response('{"detail":"Not Found"}', { status: 404 }));
      return realFetch(input, init);
    };
  }, suffix);

/** Opens a page on the target with the simulator reset to `scenario`, clock paused. */
export async function openTarget(context, base, scenario) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${base}/`);
  if (TARGET === 'sim')
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const control = controls(base, page);
  await control('clock', { paused: true });
  const ok = await control('reset', { scenario, seed: 42 });
  return { page, control, ok };
}

export const medianOf = (xs) => {
  const shown = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return shown.length
    ? `median ${ms(shown[Math.floor(shown.length / 2)])}, max ${ms(shown.at(-1))} ` +
        `(${shown.length} of ${xs.length} seen)`
    : `none of ${xs.length} seen`;
};

/** Lines of Run #1's log on the server now (the clock is paused), without the added latency. */
export const serverLines = (page) =>
  page.evaluate(async () => {
    const get = async (q) => (await fetch(`/api/operations/1/logs?${q}`)).json();
    const tail = await get('tail=1');
    if (typeof tail.total === 'number') return tail.total;
    let after = 0;
    let lines = 0;
    for (;;) {
      const page = await get(`after=${after}`);
      lines += page.entries.length;
      after = page.next_after;
      if (page.entries.length < 1000) return lines;
    }
  });

/**
 * Serves the target, building what it serves when that is missing (`npm run bench` has built
 * dist and dist-sim already). `base` and `close()`.
 */
export async function serveTarget() {
  const run = (cmd) => execSync(cmd, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (TARGET === 'sim') {
    if (!existsSync('dist-sim/index.html')) run('npx vite build --mode sim --outDir dist-sim');
    return startPreview({ dir: 'dist-sim', mode: 'sim' });
  }
  if (!existsSync('dist/index.html')) run('npx vite build');
  run('npx vite build --config vite.demo.config.ts');
  return serveDemo();
}
