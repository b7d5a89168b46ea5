/** Bundle figures: entry JavaScript (raw and gzip) and the total, with and without the simulator. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function chunkSizes(dir) {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const buf = readFileSync(join(assets, file));
      return {
        file,
        raw: buf.length,
        gzip: gzipSync(buf, { level: 9 }).length,
        text: buf.toString('utf8'),
      };
    });
}

/** The entry script and what index.html preloads with it: what the first view must download. */
function entryFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/assets\/([^"]+\.js)"/g))
    files.add(m[1]);
  return files;
}

export function measureBuild(dir) {
  const chunks = chunkSizes(dir);
  const entry = entryFiles(dir);
  const sum = (list, key) => list.reduce((s, c) => s + c[key], 0);
  const entryChunks = chunks.filter((c) => entry.has(c.file));
  return {
    chunks,
    entry: { raw: sum(entryChunks, 'raw'), gzip: sum(entryChunks, 'gzip'), files: [...entry] },
    total: { raw: sum(chunks, 'raw'), gzip: sum(chunks, 'gzip') },
  };
}

/** Strings that only the simulator or MSW contain. */
const SIMULATOR_MARKERS = [
  'runs-dashboard.simulator.v1',
  'mockServiceWorker',
  'Sales Warehouse',
  // MSW's log prefix. A bare "msw" also matches mermaid's gantt duration pattern /[Mdhmswy]/.
  '[MSW]',
];

export function reportSizes(prodDir, simDir) {
  const prod = measureBuild(prodDir);
  const sim = measureBuild(simDir);
  console.log('\n## Bundle sizes');
  for (const [name, m] of [
    ['production (no simulator)', prod],
    ['with simulator', sim],
  ]) {
    console.log(
      `${name}: entry JS ${kib(m.entry.raw)} raw / ${kib(m.entry.gzip)} gzip; all JS ${kib(m.total.raw)} raw / ${kib(m.total.gzip)} gzip`,
    );
  }
  console.log('\nProduction chunks:');
  for (const c of prod.chunks.sort((a, b) => b.raw - a.raw)) {
    const flag = prod.entry.files.includes(c.file) ? ' (entry)' : '';
    console.log(
      `  ${c.file.padEnd(40)} ${kib(c.raw).padStart(11)} raw ${kib(c.gzip).padStart(10)} gzip${flag}`,
    );
  }
  const leaks = prod.chunks.filter((c) => SIMULATOR_MARKERS.some((m) => c.text.includes(m)));
  console.log(
    leaks.length === 0
      ? 'Simulator or MSW code in the production build: none'
      : `Simulator or MSW code in the production build: FOUND in ${leaks.map((c) => c.file).join(', ')}`,
  );
  return { prod, sim, leaks: leaks.length };
}
