/**
 * The demo server as a process, as `npm run demo:serve` runs it: the server is built the same way
 * (vite.demo.config.ts, into a folder of its own under .vite/), and run in a folder that holds a
 * small `dist/`. A stop by SIGTERM or SIGINT exits 0 quickly; a taken port or a bad setting exits
 * 1 with a message that says what to do.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.vite', 'demo-server-test');
const SERVER = join(OUT, 'server.mjs');
const folder = mkdtempSync(join(tmpdir(), 'demo-cli-'));

beforeAll(async () => {
  mkdirSync(join(folder, 'dist'), { recursive: true });
  writeFileSync(join(folder, 'dist', 'index.html'), '<!doctype html><title>demo</title>\n');
  await build({
    configFile: join(ROOT, 'vite.demo.config.ts'),
    root: ROOT,
    logLevel: 'error',
    build: { outDir: OUT, sourcemap: false },
  });
}, 120_000);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [SERVER], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exited };
}

/** The port the server says it listens on, once it says so. */
async function started(server: Run): Promise<number> {
  await expect.poll(server.output, { timeout: 30_000, interval: 50 }).toMatch(/localhost:\d+/);
  return Number(/localhost:(\d+)/.exec(server.output())?.[1]);
}

test.each(['SIGTERM', 'SIGINT'] as const)(
  '%s stops the server: open requests end, exit code 0 within a second',
  async (signal) => {
    const server = run({ PORT: '0' });
    const port = await started(server);
    const api = `http://127.0.0.1:${port}/api`;
    expect((await fetch(`${api}/operations?page=1&size=2`)).status).toBe(200);
    // A request the server holds open: it must not keep the process alive.
    await fetch(`${api}/__sim/faults`, { method: 'PUT', body: '{"mode":"hang"}' });
    const held = fetch(`${api}/users/me`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const asked = Date.now();
    server.child.kill(signal);
    expect(await server.exited).toBe(0);
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(await held).toBeInstanceOf(Error);
    expect(server.output()).toContain(`${signal}: stopping`);
  },
  60_000,
);

test('a taken port: a message that says what to do, exit code 1', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const server = run({ PORT: String(port) });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`Port ${port} is already in use — set PORT to another port`);
  } finally {
    blocker.close();
  }
}, 60_000);

test('bad settings: each named with what it takes, exit code 1', async () => {
  const server = run({ PORT: 'eighty', SEED: '-1', SCENARIO: 'chaos' });
  expect(await server.exited).toBe(1);
  expect(server.output()).toContain('PORT="eighty" is not valid: expected a whole number 0–65535');
  expect(server.output()).toContain('SEED="-1" is not valid');
  expect(server.output()).toContain('SCENARIO="chaos" is not a scenario: expected one of default');
}, 60_000);
