/**
 * Log viewer figures in Chromium, against `vite preview` of dist-sim with the `huge-log` scenario
 * (Run #1, an External Scan streaming ~100,000 lines, about one line per virtual second):
 *   - time until every line is loaded (and the bare API time for the same pages, for reference);
 *   - line nodes in the DOM (the viewer is virtualized);
 *   - frame times while scrolling from the first line to the last (requestAnimationFrame deltas);
 *   - appending 1,000 lines while following: renders of the rows already shown (counted by the
 *     render probe of the simulator build, src/features/logs/render-probe.ts) and DOM mutations
 *     inside them (MutationObserver).
 */
import { formatMs, launchChromium, startPreview } from './browser.mjs';

const SCROLL_STEP_PX = 2_000;

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const ms = (n) => formatMs(n, 1);
const count = (n) => n.toLocaleString('en-US');

/** In the page: drives the simulator's control surface. */
async function sim(page, path, body) {
  await page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(`/api/__sim/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
    },
    { path, body },
  );
}

/** The number in the log's status line ("100,040 lines"). */
const heldLines = (page) =>
  page.evaluate(() => {
    for (const span of document.querySelectorAll('.log__status span')) {
      const m = /^([\d,]+) lines?$/.exec(span.textContent ?? '');
      if (m) return Number(m[1].replace(/,/g, ''));
    }
    return 0;
  });

async function waitForLines(page, atLeast) {
  await page.waitForFunction(
    (n) => {
      for (const span of document.querySelectorAll('.log__status span')) {
        const m = /^([\d,]+) lines?$/.exec(span.textContent ?? '');
        if (m && Number(m[1].replace(/,/g, '')) >= n) return true;
      }
      return false;
    },
    atLeast,
    { polling: 'raf', timeout: 120_000 },
  );
}

/**
 * Appends lines while following: advances the virtual clock, asks for new lines, and reports
 * renders of (and DOM mutations inside) rows that were on screen before and still are after.
 */
async function appendWhileFollowing(page, seconds) {
  const before = await heldLines(page);
  await page.evaluate(() => {
    const probe = new Map();
    window.__logRowRenders = probe;
    const rows = document.querySelector('.log__rows');
    const kept = new Map();
    for (const row of rows.querySelectorAll('[data-seq]')) kept.set(row.dataset.seq, row);
    const mutations = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(rows, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    window.__appendProbe = { probe, kept, mutations, observer };
  });
  await sim(page, 'clock', { advance_ms: seconds * 1000 });
  await page.getByRole('button', { name: 'Check for new lines' }).click();
  await waitForLines(page, before + Math.floor(seconds * 0.95));
  // Two frames for the follow scroll and the rows it mounts.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const after = await heldLines(page);
  const result = await page.evaluate(() => {
    const { probe, kept, mutations, observer } = window.__appendProbe;
    observer.disconnect();
    window.__logRowRenders = undefined;
    const stayed = [...kept.values()].filter((row) => row.isConnected);
    const stayedSeqs = new Set(stayed.map((row) => Number(row.dataset.seq)));
    let rerenders = 0;
    let renders = 0;
    for (const [seq, n] of probe) {
      renders += n;
      if (stayedSeqs.has(seq)) rerenders += n;
    }
    const touched = mutations.filter((m) => stayed.some((row) => row.contains(m.target)));
    const shown = document.querySelectorAll('.log__rows [data-seq]').length;
    return { stayed: stayed.length, rerenders, renders, mutated: touched.length, shown };
  });
  return { added: after - before, ...result };
}

export async function benchLogs({ dir = 'dist-sim' } = {}) {
  console.log('\n## Log viewer (huge-log, Chromium)');
  const preview = await startPreview({ dir, mode: 'sim' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${preview.base}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await sim(page, 'clock', { paused: true });
    await sim(page, 'reset', { scenario: 'huge-log', seed: 42 });

    // Bare API time for the same pages, for reference (service worker + simulator + JSON).
    const api = await page.evaluate(async () => {
      const start = performance.now();
      let after = 0;
      let lines = 0;
      let requests = 0;
      for (;;) {
        const page = await (await fetch(`/api/operations/1/logs?after=${after}`)).json();
        requests++;
        lines += page.entries.length;
        after = page.next_after;
        if (page.entries.length < 1000) break;
      }
      return { lines, requests, ms: performance.now() - start };
    });

    // 1. Time until every line is loaded, from the start of the navigation.
    await page.goto(`${preview.base}/runs/1?tab=logs`);
    await waitForLines(page, api.lines);
    const loadMs = await page.evaluate(() => performance.now());
    const lines = await heldLines(page);
    console.log(
      `all ${count(lines)} lines loaded ${ms(loadMs)} after navigation ` +
        `(${api.requests} requests; the bare API takes ${ms(api.ms)} for them)`,
    );

    // 2. Line nodes in the DOM.
    const dom = await page.evaluate(() => ({
      lines: document.querySelectorAll('[data-line]').length,
      nodes: document.querySelector('.log__scroller').querySelectorAll('*').length,
    }));
    console.log(
      `line nodes in the DOM: ${dom.lines} (${dom.nodes} elements in the log's scroller)`,
    );

    // 3. Scrolling from the first line to the last, one step per frame.
    const scroll = await page.evaluate(async (step) => {
      const scroller = document.querySelector('.log__scroller');
      scroller.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 300));
      const deltas = [];
      let maxLines = 0;
      let longFrames = 0;
      const observer =
        'PerformanceObserver' in window &&
        PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')
          ? new PerformanceObserver((list) => {
              longFrames += list.getEntries().length;
            })
          : null;
      observer?.observe({ type: 'long-animation-frame' });
      // Main-thread work per frame: from the scroll event (the viewer renders in it) to the end
      // of layout, forced at the start of the next animation frame callback.
      const work = [];
      let scrolledAt = null;
      const onScroll = (event) => {
        if (event.target === scroller) scrolledAt = performance.now();
      };
      window.addEventListener('scroll', onScroll, { capture: true });
      await new Promise((resolve) => {
        let last = null;
        const frame = (t) => {
          if (last !== null) deltas.push(t - last);
          last = t;
          const end = scroller.scrollHeight - scroller.clientHeight; // forces layout
          if (scrolledAt !== null) work.push(performance.now() - scrolledAt);
          scrolledAt = null;
          maxLines = Math.max(maxLines, scroller.querySelectorAll('[data-line]').length);
          if (scroller.scrollTop >= end - 1) return resolve();
          scroller.scrollTop = Math.min(end, scroller.scrollTop + step);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      observer?.disconnect();
      window.removeEventListener('scroll', onScroll, { capture: true });
      const lastLine = Number(
        [...scroller.querySelectorAll('[data-line]')].at(-1)?.getAttribute('data-line') ?? 0,
      );
      return { deltas, work, maxLines, longFrames: observer ? longFrames : null, lastLine };
    }, SCROLL_STEP_PX);
    const sorted = [...scroll.deltas].sort((a, b) => a - b);
    const work = [...scroll.work].sort((a, b) => a - b);
    const late = scroll.deltas.filter((d) => d > 17.5).length;
    console.log(
      `scrolling top to bottom, ${count(SCROLL_STEP_PX)} px (≈ 100 lines) per frame, ` +
        `${count(scroll.deltas.length)} frames, to line ${count(scroll.lastLine)}:\n` +
        `  frame time (rAF deltas, a 60 Hz display gives 16.7 ms) p50 ${ms(percentile(sorted, 50))}, ` +
        `p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, ` +
        `max ${ms(sorted.at(-1) ?? 0)}; ${late} of ${count(sorted.length)} frames late (> 17.5 ms)` +
        (scroll.longFrames === null ? '' : `, ${scroll.longFrames} long animation frames`) +
        `\n  main-thread work per frame (scroll event to layout done) p50 ` +
        `${ms(percentile(work, 50))}, p95 ${ms(percentile(work, 95))}, max ${ms(work.at(-1) ?? 0)}` +
        `; at most ${scroll.maxLines} line nodes at any time`,
    );

    // 4. Appending 1,000 lines while following.
    const jump = page.getByRole('button', { name: /^Jump to latest/ });
    if (await jump.isVisible()) await jump.press('Enter');
    await page.getByText('Following new lines').waitFor();
    const once = await appendWhileFollowing(page, 1_000);
    console.log(
      `appending ${count(once.added)} lines at once while following: ${once.renders} row renders ` +
        `(${once.shown} rows now shown); rows that stayed on screen: ${once.stayed}, ` +
        `re-rendered ${once.rerenders}, DOM mutations inside them ${once.mutated}`,
    );
    const steps = [];
    for (let i = 0; i < 50; i++) steps.push(await appendWhileFollowing(page, 20));
    const sum = (key) => steps.reduce((s, r) => s + r[key], 0);
    console.log(
      `appending ${count(sum('added'))} lines in 50 appends of ~20 while following: ` +
        `rows that stayed on screen across an append: ${count(sum('stayed'))}, re-rendered ` +
        `${sum('rerenders')}, DOM mutations inside them ${sum('mutated')}; ` +
        `${count(sum('renders'))} row renders in all (the new rows)`,
    );
    const rerendered = once.rerenders + sum('rerenders') + once.mutated + sum('mutated');
    return {
      loadMs,
      domLines: dom.lines,
      p95: percentile(sorted, 95),
      workP95: percentile(work, 95),
      rerendered,
    };
  } finally {
    await browser.close();
    await preview.close();
  }
}
