/**
 * The demo server in-process on a free port, over a small build folder made here: caching headers,
 * the SPA fallback, 404s, path traversal, 413, compression, and the simulator's API round trip.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DemoServer } from './demo-server';
import { RUNTIME_CONFIG, startDemoServer } from './demo-server';
import { rawRequest } from './raw-request';

const SECRET = 'the secret beside the build folder';
const INDEX = '<!doctype html><title>Runs Activity</title><div id="root"></div>\n';
const APP = `export const rows = [${Array.from({ length: 400 }, (_, i) => `'row ${i}'`).join(', ')}];\n`;

const folder = mkdtempSync(join(tmpdir(), 'demo-server-'));
const dist = join(folder, 'dist');
let demo: DemoServer;
const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(demo.port, path, { headers });

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(folder, 'secret.txt'), SECRET);
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'theme-boot.js'), 'document.documentElement.dataset.theme = "light";\n');
  writeFileSync(join(dist, 'runtime-config.js'), '// the build’s own, replaced by the demo\n');
  writeFileSync(join(dist, 'mockServiceWorker.js'), '// must never be served\n');
  writeFileSync(join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), APP);
  writeFileSync(join(dist, 'assets', 'tiny-Xy9.css'), 'body{margin:0}\n');
  demo = await startDemoServer({ port: 0, host: '127.0.0.1', dist, scenario: 'default', seed: 7 });
});
afterAll(async () => {
  await demo.close();
  rmSync(folder, { recursive: true, force: true });
});

test('hashed assets are cached for a year; index.html and the boot scripts are revalidated', async () => {
  const asset = await get('/assets/index-AbC123.js');
  expect(asset.status).toBe(200);
  expect(asset.headers).toMatchObject({
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  expect(asset.body.toString()).toBe(APP);
  for (const path of ['/', '/index.html', '/theme-boot.js', '/runtime-config.js']) {
    expect((await get(path)).headers['cache-control'], path).toBe('no-cache');
  }
  const index = await get('/');
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  const again = await get('/', { 'If-None-Match': String(index.headers.etag) });
  expect(again.status).toBe(304);
});

test("runtime-config.js is the demo's own: the API on this origin, the simulator's panel on", async () => {
  const config = await get('/runtime-config.js');
  expect(config.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(config.body.toString()).toBe(RUNTIME_CONFIG);
  expect(RUNTIME_CONFIG).toBe(
    "window.__RUNS_DASHBOARD_CONFIG__ = { apiBaseUrl: '/api', simulator: true };\n",
  );
});

test('paths that are not files fall back to index.html; missing files are real 404s', async () => {
  for (const path of ['/runs/12', '/lifecycle?tab=diagram', '/runs/12/logs']) {
    const page = await get(path);
    expect([page.status, page.body.toString()], path).toEqual([200, INDEX]);
    expect(page.headers['cache-control']).toBe('no-cache');
  }
  for (const path of ['/assets/missing.js', '/assets/', '/missing.png', '/mockServiceWorker.js']) {
    const missing = await get(path);
    expect(missing.status, path).toBe(404);
    expect(missing.body.toString()).not.toContain('<div id="root">');
  }
  expect((await rawRequest(demo.port, '/', { method: 'POST', body: '{}' })).status).toBe(405);
});

test('no path leaves the build folder', async () => {
  const attempts = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%00',
    '/%252e%252e%252fsecret.txt',
    '/%252e%252e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/./secret.txt',
    '/api/../secret.txt',
    '/api/%2e%2e/%2e%2e/secret.txt',
  ];
  for (const path of attempts) {
    const answer = await get(path);
    expect([400, 404], path).toContain(answer.status);
    expect(answer.body.toString(), path).not.toContain(SECRET);
  }
});

test('request bodies over 1 MB answer 413 with a detail, with or without a Content-Length', async () => {
  const big = JSON.stringify({ type: 'scan', datastore_id: 1, pad: 'x'.repeat(1_100_000) });
  for (const chunked of [false, true]) {
    const answer = await rawRequest(demo.port, '/api/operations/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
      chunked,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body.toString())).toEqual({
      detail: 'The request body is larger than 1 MB',
    });
  }
});

test('text answers above 1 KB are compressed as accepted; small ones and images are not', async () => {
  const br = await get('/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
  expect(br.headers).toMatchObject({ 'content-encoding': 'br', vary: 'Accept-Encoding' });
  expect(brotliDecompressSync(br.body).toString()).toBe(APP);
  const gzip = await get('/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip;q=1, br;q=0.5' });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.body).toString()).toBe(APP);
  for (const accept of ['identity', 'br;q=0, gzip;q=0', '']) {
    const plain = await get('/assets/index-AbC123.js', { 'Accept-Encoding': accept });
    expect(plain.headers['content-encoding'], accept).toBeUndefined();
  }
  const tiny = await get('/assets/tiny-Xy9.css', { 'Accept-Encoding': 'br' });
  expect(tiny.headers['content-encoding']).toBeUndefined();
  const icon = await get('/favicon.ico', { 'Accept-Encoding': 'br' });
  expect(icon.headers['content-encoding']).toBeUndefined();

  const page = await get('/api/operations?page=1&size=20', { 'Accept-Encoding': 'gzip' });
  expect(page.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
  expect(JSON.parse(gunzipSync(page.body).toString())).toMatchObject({ page: 1, size: 20 });
  const me = await get('/api/users/me', { 'Accept-Encoding': 'gzip, br' });
  expect(me.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(me.body.toString())).toMatchObject({ email: 'ada@example.com' });
});

test("the simulator's API answers with the handlers' own status, headers and bodies", async () => {
  const base = `${demo.url.replace('localhost', '127.0.0.1')}/api`;
  const page = await fetch(`${base}/operations?page=1&size=2`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^application\/json/);
  const { items, total } = (await page.json()) as { items: { id: number }[]; total: number };
  expect(items).toHaveLength(2);
  expect(total).toBe(demo.sim.runs.size);
  const missing = await fetch(`${base}/operations/99999`);
  expect([missing.status, await missing.json()]).toEqual([
    404,
    { detail: 'Run #99999 does not exist or was deleted' },
  ]);
  const launched = await fetch(`${base}/operations/run`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'scan', datastore_id: 1 }),
  });
  expect(launched.status).toBe(201);

  const reset = await fetch(`${base}/__sim/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario: 'empty' }),
  });
  expect(reset.status).toBe(204);
  expect(await (await fetch(`${base}/operations?page=1&size=2`)).json()).toMatchObject({
    items: [],
    total: 0,
  });
  const clock = (await (await fetch(`${base}/__sim/clock`)).json()) as { now: string };
  expect(Math.abs(Date.parse(clock.now) - Date.now())).toBeLessThan(60_000); // real time
});

test('faults over real HTTP: down is a network error, hang ends when the client gives up', async () => {
  const base = `${demo.url.replace('localhost', '127.0.0.1')}/api`;
  const setMode = (mode: string) =>
    fetch(`${base}/__sim/faults`, { method: 'PUT', body: JSON.stringify({ mode }) });
  await setMode('down');
  await expect(fetch(`${base}/users/me`)).rejects.toThrow(TypeError);
  await setMode('hang');
  const waiting = fetch(`${base}/users/me`, { signal: AbortSignal.timeout(300) });
  await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError' });
  await expect.poll(() => demo.sim.faults.hangingCount).toBe(0);
  await setMode('none');
  expect((await fetch(`${base}/users/me`)).status).toBe(200);
});
