/**
 * What the Chromium sections of the bench (diagram.mjs, table.mjs, logs.mjs) share: launching
 * Debian's Chromium with the flags of playwright.config.ts, serving a build with `vite preview` on
 * a free port, and the median and millisecond formatting of their figures.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import chromiumSettings from '../../chromium.json' with { type: 'json' };

/** The launch flags Playwright uses too (chromium.json). */
export const CHROME_ARGS = chromiumSettings.args;

/** Debian's Chromium, or the one `CHROME_PATH` names, with CHROME_ARGS. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? chromiumSettings.executablePath,
    args: CHROME_ARGS,
  });
}

const HOST = '127.0.0.1';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Serves the build in `dir` with `vite preview` (in this process, with vite.config.ts) on a free
 * port (or BENCH_PORT); `mode` as `vite preview --mode` (`sim` for the simulator build). `base` has no trailing
 * slash; `close()` stops the server.
 */
export async function startPreview({ dir, mode = 'production' }) {
  // BENCH_PORT: a port of one's own on a shared machine (otherwise any free one).
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const server = await preview({
    mode,
    logLevel: 'silent',
    build: { outDir: dir },
    preview: { host: HOST, port, strictPort: true, open: false },
  });
  return { base: `http://${HOST}:${port}`, close: () => server.close() };
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The demo server (`npm run demo`'s, dist-demo/server.mjs) serving `<cwd>/dist` and the simulator
 * over real HTTP on `port` (a free one by default), with `env` (SCENARIO, SEED); resolves once it
 * answers. `close()` stops it (SIGTERM).
 */
export async function serveDemo({ cwd = ROOT, port, env = {} } = {}) {
  const listen =
    port ?? (process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort());
  const child = spawn(process.execPath, [join(ROOT, 'dist-demo/server.mjs')], {
    cwd,
    env: { ...process.env, ...env, PORT: String(listen), HOST },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://${HOST}:${listen}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${base}/index.html`);
      return { base, close: () => child.kill('SIGTERM') };
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`the demo server on port ${listen} did not start`);
}

/** The median; of an even count, the mean of the two middle values. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `12 ms` (rounded), or with `digits` decimals: `12.3 ms`. */
export const formatMs = (x, digits = 0) => `${digits ? x.toFixed(digits) : Math.round(x)} ms`;
