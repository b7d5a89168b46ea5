/**
 * The first view at bare-stack speed (issue 13, item 6): the Activity page of the production
 * build, served by the demo server (`npm run demo`'s), against a bare React + Query + Router shell
 * rendering the same list from the same API (scripts/bench/first-view-shell/, built here).
 *
 * In Chromium with Lighthouse's mobile conditions applied by hand (CPU ×4 slower, 150 ms RTT,
 * 1.6 Mbps down; a 412×823 screen), cold cache, `RUNS` runs each, medians: largest contentful
 * paint (PerformanceObserver), layout shift, the JavaScript loaded before the first rows (gzip),
 * whether a Run details / actions / log / diagram chunk is among it, and whether the list request
 * starts before the page's route chunk has arrived.
 *
 * When Lighthouse is installed (`npm i -D -E lighthouse@12.2.3`: 12.2.3 is the last release that
 * runs on Node 20 and installs from this lock file), it also prints Lighthouse's performance score
 * and LCP (mobile preset, median of RUNS). Standalone: `node scripts/bench/first-view.mjs`.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import chromiumSettings from '../../chromium.json' with { type: 'json' };
import { CHROME_ARGS, formatMs, launchChromium, median, serveDemo } from './browser.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SHELL = join(ROOT, 'bench-results/first-view-shell');
/** Optional: not a dependency (yet), so looked up by name at run time. */
const LIGHTHOUSE = 'lighthouse';
const RUNS = Number(process.env.FIRST_VIEW_RUNS ?? 3);
const PORTS = { dashboard: 4187, shell: 4188 };
/** Chunks the first view must not need: they load when a row expands or a Run page opens. */
const NOT_FIRST =
  /^(RunDetails|RunActions|RunLogPanel|ContainerLogPanel|RunLifecycle|RunTimeline|mermaid|BulkActionBar)/;

const run = (cmd) => execSync(cmd, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const gzipOf = (dist, path) => {
  try {
    return gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
  } catch {
    return 0;
  }
};

/** One cold load: LCP, CLS, the JS before the first rows, and when the list request started. */
async function load(browser, base, dist) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const t0 = Date.now();
  const events = [];
  page.on('request', (r) => events.push({ kind: 'start', url: r.url(), t: Date.now() - t0 }));
  page.on('requestfinished', (r) => events.push({ kind: 'end', url: r.url(), t: Date.now() - t0 }));
  await page.goto(base);
  await page.getByRole('rowheader').first().waitFor({ timeout: 60_000 });
  const rowsAt = Date.now() - t0;
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))),
  );
  const { lcp, cls } = await page.evaluate(() => ({ lcp: window.__lcp, cls: window.__cls }));
  const before = events.filter((e) => e.kind === 'start' && e.t <= rowsAt);
  const js = [
    ...new Set(before.map((e) => new URL(e.url).pathname).filter((p) => p.endsWith('.js'))),
  ];
  const listStart = events.find((e) => e.kind === 'start' && /\/api\/operations\?/.test(e.url))?.t;
  const routeChunkEnd = Math.max(
    ...events
      .filter((e) => e.kind === 'end' && /\/assets\/(ActivityPage|index)-/.test(e.url))
      .map((e) => e.t),
  );
  await context.close();
  return {
    lcp,
    cls,
    js,
    jsGzip: js.reduce((sum, path) => sum + gzipOf(dist, path), 0),
    early: listStart !== undefined && listStart < routeChunkEnd,
    notFirst: js.map((p) => p.split('/').pop()).filter((f) => NOT_FIRST.test(f)),
  };
}

/** Lighthouse's mobile preset (its default) on a Chromium it drives over port 4189. */
async function lighthouseRuns(url) {
  let lighthouse;
  try {
    ({ default: lighthouse } = await import(LIGHTHOUSE));
  } catch {
    return null;
  }
  const port = 4189;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? chromiumSettings.executablePath,
    args: [...CHROME_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const scores = [];
    const lcps = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      scores.push(result.lhr.categories.performance.score);
      lcps.push(result.lhr.audits['largest-contentful-paint'].numericValue);
    }
    return { score: median(scores), lcp: median(lcps) };
  } finally {
    await browser.close();
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export async function benchFirstView({ build = true } = {}) {
  if (build) run('npx vite build');
  run('npx vite build --config vite.demo.config.ts');
  run('npx vite build --config scripts/bench/first-view-shell/vite.config.mjs');
  const targets = [
    { name: 'production build', cwd: ROOT, port: PORTS.dashboard },
    { name: 'bare shell', cwd: SHELL, port: PORTS.shell },
  ];
  const browser = await launchChromium();
  const results = {};
  console.log('\n## First view (Activity), mobile conditions: CPU ×4, 150 ms RTT, 1.6 Mbps');
  for (const target of targets) {
    const server = await serveDemo({ cwd: target.cwd, port: target.port });
    try {
      const dist = join(target.cwd, 'dist');
      const loads = [];
      for (let i = 0; i < RUNS; i++) loads.push(await load(browser, server.base, dist));
      const last = loads[loads.length - 1];
      results[target.name] = { lcp: median(loads.map((l) => l.lcp)), jsGzip: last.jsGzip };
      console.log(
        `${target.name}: LCP ${formatMs(median(loads.map((l) => l.lcp)))} (median of ${RUNS}), ` +
          `CLS ${median(loads.map((l) => l.cls)).toFixed(3)}, first-view JS ${kib(last.jsGzip)} gzip in ${last.js.length} files` +
          (target.cwd === ROOT
            ? `; list request before the route chunk arrived: ${loads.every((l) => l.early) ? 'yes' : 'no'}; details/actions/log/diagram chunks loaded: ${last.notFirst.join(', ') || 'none'}`
            : ''),
      );
      const lh = await lighthouseRuns(server.base);
      if (lh)
        console.log(`  Lighthouse (mobile): performance ${lh.score}, LCP ${formatMs(lh.lcp)}`);
    } finally {
      server.close();
    }
  }
  await browser.close();
  const ratio = results['production build'].lcp / results['bare shell'].lcp;
  console.log(`LCP ratio production / shell: ×${ratio.toFixed(2)} (goal ≤ 1.3)`);
  if (
    !(await import(LIGHTHOUSE).then(
      () => true,
      () => false,
    ))
  )
    console.log('Lighthouse is not installed: npm i -D -E lighthouse@12.2.3 for its score too');
  return { ratio, results };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFirstView();
