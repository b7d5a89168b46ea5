/**
 * Activity table timings in Debian's Chromium against `vite preview` of the simulator build:
 * time to the first rendered rows for the `default` (~60 Runs) and `busy` (10,000 Runs) scenarios,
 * their ratio, and the time to re-render after changing a filter.
 *
 * The simulator runs in the page (MSW): it seeds its store on page load (busy takes a while) and
 * answers every request on the page's main thread. So the figures are split: boot (from navigation
 * to the list request, which includes seeding), the API answer (the simulator's work), and the
 * render; the simulator's start-up (from its chunk's arrival to the list request: seeding, MSW,
 * app start) is shown apart, so the table's own cost can be compared without the seeding.
 *
 * Each measured load is a warm repeat visit (service worker installed, assets cached) with the
 * simulator's storage cleared, so every load seeds afresh. Medians of RUNS loads.
 */
import { performance } from 'node:perf_hooks';
import { formatMs as ms, launchChromium, median, startPreview } from './browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCENARIOS = ['default', 'busy'];

/** Runs in the page before its scripts: notes when rows appear and when list requests go out. */
function instrument() {
  const marks = { firstRows: null, list: [] };
  window.__bench = marks;
  const rowsSelector = 'table tbody tr[data-run-id]';
  const observer = new MutationObserver(() => {
    if (marks.firstRows === null && document.querySelector(rowsSelector)) {
      marks.firstRows = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/api\/operations\?/.test(url)) return realFetch(input, init);
    const entry = { url, start: performance.now(), answered: null };
    marks.list.push(entry);
    const response = await realFetch(input, init);
    // The client reads the body right away; note when it has it.
    const copy = response.clone();
    void copy.text().then(() => {
      entry.answered = performance.now();
    });
    return response;
  };
}

async function loadOnce(page, base, scenario) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/?scenario=${scenario}&seed=42`);
  await page.waitForFunction(() => window.__bench?.firstRows !== null, null, { timeout: 60_000 });
  const marks = await page.evaluate(() => window.__bench);
  // The simulator's chunk: once it has arrived, the page seeds the store and starts MSW, then
  // the app starts and asks for the list.
  const simChunkEnd = await page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .find((e) => /\/assets\/browser-[^/]+\.js$/.test(e.name))?.responseEnd ?? null,
  );
  const list = marks.list[0];
  const rows = await page.locator('table tbody tr[data-run-id]').count();
  return {
    rows,
    firstRows: marks.firstRows,
    boot: list.start,
    simStart: simChunkEnd === null ? null : list.start - simChunkEnd,
    answer: (list.answered ?? marks.firstRows) - list.start,
    render: marks.firstRows - (list.answered ?? marks.firstRows),
  };
}

/** Opens the Status filter, then times one click on "Failure" until every row shows Failure. */
async function filterOnce(page) {
  await page.getByRole('button', { name: /^Status/ }).click();
  const checkbox = page.getByRole('checkbox', { name: 'Failure' });
  await checkbox.waitFor();
  const handle = await checkbox.elementHandle();
  const result = await page.evaluate(async (input) => {
    const before = window.__bench.list.length;
    const t0 = performance.now();
    input.click();
    await new Promise((resolve) => {
      const check = () => {
        const rows = [...document.querySelectorAll('table tbody tr[data-run-id]')];
        const done =
          rows.length > 0 &&
          rows.every((r) => r.querySelector('.badge[data-state]')?.dataset.state === 'failure');
        if (done) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    const total = performance.now() - t0;
    const request = window.__bench.list[before];
    return {
      total,
      answer: request && request.answered ? request.answered - request.start : null,
    };
  }, handle);
  await page.keyboard.press('Escape');
  return result;
}

export async function reportTable(dir = 'dist-sim') {
  console.log('\n## Activity table in Chromium (vite preview of the simulator build)');
  const { base, close } = await startPreview({ dir, mode: 'sim' });
  const browser = await launchChromium();
  const results = {};
  try {
    for (const scenario of SCENARIOS) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(instrument);
      const page = await context.newPage();
      // Warm-up: installs the service worker and caches the assets.
      await page.goto(`${base}/`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await loadOnce(page, base, scenario);
      const loads = [];
      const filters = [];
      for (let i = 0; i < RUNS; i++) {
        loads.push(await loadOnce(page, base, scenario));
        filters.push(await filterOnce(page));
      }
      await context.close();
      const pick = (key) => median(loads.map((l) => l[key]));
      results[scenario] = {
        rows: loads[0].rows,
        firstRows: pick('firstRows'),
        boot: pick('boot'),
        simStart: median(loads.map((l) => l.simStart ?? 0)),
        answer: pick('answer'),
        render: pick('render'),
        filter: median(filters.map((f) => f.total)),
        filterAnswer: median(filters.filter((f) => f.answer !== null).map((f) => f.answer)),
      };
    }
  } finally {
    await browser.close();
    await close();
  }

  console.log(`warm repeat visits, medians of ${RUNS} loads each; 25 rows on the first page`);
  console.log(
    'scenario  first rows = to list request (of which simulator start: seeding, MSW) + list answer + answer to rows | filter re-render (of which answer)',
  );
  for (const scenario of SCENARIOS) {
    const r = results[scenario];
    console.log(
      `${scenario.padEnd(8)} ${ms(r.firstRows).padStart(10)} = ${ms(r.boot).padStart(6)} (${ms(r.simStart).padStart(6)}) + ${ms(r.answer).padStart(6)} + ${ms(r.render).padStart(6)} | ${ms(r.filter).padStart(6)} (${ms(r.filterAnswer)})`,
    );
  }
  const d = results.default;
  const b = results.busy;
  const withoutSeeding = (r) => r.firstRows - r.simStart;
  console.log(
    `busy / default: first rows ×${(b.firstRows / d.firstRows).toFixed(2)}; ` +
      `without the simulator's start-up (seeding) ×${(withoutSeeding(b) / withoutSeeding(d)).toFixed(2)}; ` +
      `filter re-render ×${(b.filter / d.filter).toFixed(2)}`,
  );
  console.log(
    `the simulator's start-up costs ${ms(b.simStart - d.simStart)} more with 10,000 Runs (seeding in the page; a real API has none of it)`,
  );
  return results;
}

// `node scripts/bench/table.mjs` runs this section alone (after `npm run build:sim`).
if (import.meta.url === `file://${process.argv[1]}`) {
  await reportTable(process.argv[2] ?? 'dist-sim');
}
