/**
 * What the log bench (logs.mjs) does inside the page: drive the simulator, add network latency,
 * read what the viewer holds and shows, and time a search, a scroll and a live line.
 */

export const LATENCY_MS = 50;

/** In the page: drives the simulator's control surface; false when it refuses (no scenario). */
export async function sim(page, path, body) {
  return page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(`/api/__sim/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.ok;
    },
    { path, body },
  );
}

/**
 * 50 ms of latency on every request: Chromium's network emulation (CDP) for what goes to the
 * network and, with `inPage` (the in-browser simulator, whose answers the service worker makes up
 * and never reach the network), the same delay before each `/api/` fetch of the page (an init
 * script). The page's `/api/` fetches are recorded either way (requestsSince).
 */
export async function addLatency(context, page, { inPage }) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await context.addInitScript(
    (latency) => {
      const realFetch = window.fetch.bind(window);
      window.__requests = [];
      window.fetch = async (input, init) => {
        const url =
          typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.includes('/api/') && !url.includes('/__sim/')) {
          window.__requests.push({ url, at: performance.now() });
          if (latency > 0) await new Promise((r) => setTimeout(r, latency));
        }
        return realFetch(input, init);
      };
    },
    inPage ? LATENCY_MS : 0,
  );
  return cdp;
}

/** The lines the viewer holds: `data-held` of the viewer, or the status line ("100,040 lines"). */
export const heldLines = (page) => page.evaluate(readHeld);

function readHeld() {
  const log = document.querySelector('.log[data-held]');
  if (log) return Number(log.getAttribute('data-held'));
  for (const span of document.querySelectorAll('.log__status span')) {
    const m = /^([\d,]+) lines?$/.exec(span.textContent ?? '');
    if (m) return Number(m[1].replace(/,/g, ''));
  }
  return 0;
}

export async function waitForHeld(page, atLeast, timeout = 300_000) {
  await page.waitForFunction(
    ({ n, read }) => new Function(`return (${read})()`)() >= n,
    { n: atLeast, read: readHeld.toString() },
    { polling: 100, timeout },
  );
  return page.evaluate(() => performance.now());
}

/** Waits until line `line` is rendered inside the log's scroller; the page's clock then. */
export async function waitForLineOnScreen(page, line, timeout = 300_000) {
  await page.waitForFunction(
    (n) => {
      const scroller = document.querySelector('.log__scroller');
      const row = scroller?.querySelector(`[data-line="${n}"]`);
      if (!row || !row.querySelector('.log-row__msg')?.textContent) return false;
      const a = row.getBoundingClientRect();
      const b = scroller.getBoundingClientRect();
      return a.bottom > b.top && a.top < b.bottom;
    },
    line,
    { polling: 'raf', timeout },
  );
  return page.evaluate(() => performance.now());
}

/** JS heap after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Types a search and times it until the match status shows a count ("1 of 20", "No matches"). */
export async function timeSearch(page, text) {
  return page.evaluate(async (text) => {
    const input = document.querySelector('.log__search input');
    const status = document.querySelector('.log__matches');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const type = (value) => {
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // From an empty search (no count shown), so that the same answer twice ("No matches") is
    // seen as the new one.
    type('');
    await new Promise((resolve) => {
      const empty = () =>
        /\d of|No matches/.test(status.textContent ?? '') ? setTimeout(empty, 0) : resolve();
      empty();
    });
    if (!text) return { ms: 0, status: 'cleared' };
    const start = performance.now();
    type(text);
    const settled = await new Promise((resolve) => {
      const check = () => {
        const now = status.textContent ?? '';
        if (/(\d of [\d,]+|No matches)/.test(now)) resolve(true);
        else if (performance.now() - start > 20_000) resolve(false);
        else setTimeout(check, 0);
      };
      check();
    });
    const ms = performance.now() - start;
    return { ms, status: settled ? status.textContent : `no count after ${Math.round(ms)} ms` };
  }, text);
}

/** Scrolls the log from its first line to its last, one step per frame; frame deltas. */
export async function scrollTopToBottom(page, step) {
  return page.evaluate(async (step) => {
    const scroller = document.querySelector('.log__scroller');
    scroller.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 500));
    const deltas = [];
    let maxLines = 0;
    await new Promise((resolve) => {
      let last = null;
      const frame = (t) => {
        if (last !== null) deltas.push(t - last);
        last = t;
        const end = scroller.scrollHeight - scroller.clientHeight;
        maxLines = Math.max(maxLines, scroller.querySelectorAll('[data-line]').length);
        if (scroller.scrollTop >= end - 1) return resolve();
        scroller.scrollTop = Math.min(end, scroller.scrollTop + step);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    // Two frames for the rows of the last scroll position.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const lastLine = Number(
      [...scroller.querySelectorAll('[data-line]')].at(-1)?.getAttribute('data-line') ?? 0,
    );
    return { deltas, maxLines, lastLine, height: scroller.scrollHeight };
  }, step);
}

/**
 * A line appended on the server, until it is on screen: `advance` moves the simulator's clock by
 * about a line's worth (from Node, or in the page), and the page waits for the held count to grow
 * and the new line to be shown. Wall-clock milliseconds (the same machine's clock on both sides).
 */
export async function liveLatency(page, advance) {
  const before = await heldLines(page);
  const start = Date.now();
  const seen = page.waitForFunction(
    ({ n, read }) => {
      const held = new Function(`return (${read})()`)();
      if (held <= n) return false;
      const row = document.querySelector(`.log__scroller [data-line="${held}"] .log-row__msg`);
      return row ? Date.now() : false;
    },
    { n: before, read: readHeld.toString() },
    { polling: 'raf', timeout: 10_000 },
  );
  await advance();
  try {
    return (await (await seen).jsonValue()) - start;
  } catch {
    return null;
  }
}

/** The `/api/` requests the page made (through its fetch) from `since` on, by kind. */
export const requestsSince = (page, since) =>
  page.evaluate((since) => {
    const kinds = {};
    for (const { url, at } of window.__requests ?? []) {
      if (at < since) continue;
      const path = new URL(url, location.href).pathname.replace(/\/\d+/g, '/{id}');
      kinds[path] = (kinds[path] ?? 0) + 1;
    }
    return kinds;
  }, since);
