/**
 * The deployment under test, on this machine: the demo server (`npm run demo`'s, the API) and
 * Debian's nginx in front of it, started through `deploy/run-debian.sh` — the same checks and
 * template as the Docker image — each on a free port, and stopped again.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');
const RUN_DEBIAN = join(ROOT, 'deploy/run-debian.sh');
const HOST = '127.0.0.1';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface Started {
  readonly url: string;
  readonly port: number;
  /** What it printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Resolves once `url` answers at all (any status), or fails with what the process printed. */
async function answering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}:\n${output()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`${url} did not answer within 20 s:\n${output()}`);
}

function launch(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => text, exited, stop };
}

/**
 * The demo server over `dist/`, counting the Authorization headers its API receives: on a free
 * port, or on `port` (to start it again where a page left it), with more of its settings in `env`.
 */
export async function startDemo(
  options: { readonly port?: number; readonly env?: Record<string, string> } = {},
): Promise<Started> {
  const port = options.port ?? (await freePort());
  const run = launch(process.execPath, ['dist-demo/server.mjs'], {
    ...options.env,
    PORT: String(port),
    HOST,
    DEMO_RECORD_AUTHORIZATION: '1',
  });
  const url = `http://${HOST}:${port}`;
  await answering(`${url}/runtime-config.js`, run.child, run.output);
  return { url, port, output: run.output, stop: run.stop };
}

export interface NginxSettings {
  readonly API_UPSTREAM: string;
  readonly API_TOKEN?: string;
}

/** nginx in the foreground through deploy/run-debian.sh, serving dist/. */
export async function startNginx(settings: NginxSettings): Promise<Started> {
  const port = await freePort();
  const prefix = mkdtempSync(join(tmpdir(), 'runs-nginx-test-'));
  const run = launch('sh', [RUN_DEBIAN], {
    ...settings,
    LISTEN_PORT: String(port),
    STATIC_ROOT: DIST,
    NGINX_PREFIX: prefix,
  });
  const url = `http://${HOST}:${port}`;
  await answering(`${url}/runtime-config.js`, run.child, run.output);
  return {
    url,
    port,
    output: run.output,
    stop: async () => {
      await run.stop();
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** deploy/run-debian.sh with settings it must refuse: its exit code and what it printed. */
export async function refusedStart(
  settings: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const run = launch('sh', [RUN_DEBIAN], { STATIC_ROOT: DIST, LISTEN_PORT: '1', ...settings });
  const timer = setTimeout(() => void run.stop(), 10_000);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
}
