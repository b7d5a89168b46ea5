/**
 * What the first lifecycle diagram costs: the JavaScript fetched to draw it (raw and gzip) and the
 * time until its SVG appears, measured in Debian's Chromium against `vite preview` of the
 * production build (no simulator: the Lifecycle page needs no API). Also checks that mermaid is
 * not in the entry chunk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatMs, launchChromium, median, startPreview } from './browser.mjs';

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const RUNS = 3;
const SVG = 'figure svg[aria-roledescription="flowchart-v2"]';
/** A string only mermaid's own code holds. */
const MERMAID_MARKER = 'Maximum text size in diagram exceeded';

/** Sizes of the JS files behind these URLs, read from the build (gzip as sizes.mjs computes it). */
function sizesOf(dir, urls) {
  return [...urls].map((url) => {
    const file = new URL(url).pathname.replace(/^\//, '');
    const buf = readFileSync(join(dir, file));
    return {
      file: file.replace(/^assets\//, ''),
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
    };
  });
}

const sum = (list, key) => list.reduce((s, c) => s + c[key], 0);

function recordScripts(page) {
  const urls = new Set();
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.request().resourceType() === 'script' || type.includes('javascript')) {
      urls.add(response.url());
    }
  });
  return urls;
}

/** From the Activity page, follow the nav link to Lifecycle: what loads for the first diagram. */
async function inAppNavigation(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`, { waitUntil: 'networkidle' });
  const urls = recordScripts(page);
  const t0 = Date.now();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Lifecycle' })
    .click();
  await page.locator(SVG).first().waitFor({ state: 'visible' });
  const ms = Date.now() - t0;
  await context.close();
  return { urls, ms };
}

/** Opening /lifecycle directly in a fresh browser context (empty cache). */
async function coldLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = recordScripts(page);
  await page.goto(`${url}/lifecycle`);
  const ms = await page.waitForFunction(
    (selector) => (document.querySelector(selector) ? performance.now() : false),
    SVG,
  );
  const value = await ms.jsonValue();
  await context.close();
  return { urls, ms: value };
}

export async function reportFirstDiagram(dir, build) {
  console.log('\n## First lifecycle diagram (Chromium, production build, vite preview)');
  const entryWithMermaid = build.chunks.filter(
    (c) => build.entry.files.includes(c.file) && c.text.includes(MERMAID_MARKER),
  );
  console.log(
    entryWithMermaid.length === 0
      ? 'Mermaid in the entry chunk: no'
      : `Mermaid in the entry chunk: YES (${entryWithMermaid.map((c) => c.file).join(', ')})`,
  );
  const preview = await startPreview({ dir });
  const browser = await launchChromium();
  try {
    const nav = [];
    const cold = [];
    for (let i = 0; i < RUNS; i++) {
      nav.push(await inAppNavigation(browser, preview.base));
      cold.push(await coldLoad(browser, preview.base));
    }
    const first = sizesOf(dir, nav[0].urls).sort((a, b) => b.raw - a.raw);
    const navMs = nav.map((r) => r.ms);
    console.log(
      `Activity -> Lifecycle (in-app): ${first.length} JS files fetched, ${kib(sum(first, 'raw'))} raw / ${kib(sum(first, 'gzip'))} gzip; SVG after ${formatMs(median(navMs))} (median of ${RUNS}: ${navMs.join(', ')} ms)`,
    );
    for (const c of first) {
      console.log(
        `  ${c.file.padEnd(44)} ${kib(c.raw).padStart(10)} raw ${kib(c.gzip).padStart(10)} gzip`,
      );
    }
    const all = sizesOf(dir, cold[0].urls);
    const coldMs = cold.map((r) => Math.round(r.ms));
    console.log(
      `Cold load of /lifecycle: ${all.length} JS files, ${kib(sum(all, 'raw'))} raw / ${kib(sum(all, 'gzip'))} gzip; SVG at ${formatMs(median(coldMs))} after navigation start (median of ${RUNS}: ${coldMs.join(', ')} ms)`,
    );
    const mermaidFetched = first.some((c) =>
      readFileSync(join(dir, 'assets', c.file), 'utf8').includes(MERMAID_MARKER),
    );
    console.log(`Mermaid fetched only with the first diagram: ${mermaidFetched ? 'yes' : 'NO'}`);
    return { entryWithMermaid: entryWithMermaid.length, mermaidFetched };
  } finally {
    await browser.close();
    await preview.close();
  }
}
