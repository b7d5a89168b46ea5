/**
 * Appending lines while following, in the log bench (logs.mjs): renders of the rows already shown
 * (counted by the render probe of the simulator build, src/features/logs/render-probe.ts) and DOM
 * mutations inside them (MutationObserver).
 */
import { heldLines, sim } from './logs-page.mjs';

async function waitForLines(page, atLeast) {
  await page.waitForFunction(
    (n) => {
      const log = document.querySelector('.log[data-held]');
      if (log) return Number(log.getAttribute('data-held')) >= n;
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
export async function appendWhileFollowing(page, seconds) {
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
  // Polling asks every 2 s; the button asks at once (a healthy stream needs neither).
  const check = page.getByRole('button', { name: 'Check for new lines' });
  if (await check.isVisible()) await check.click();
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
