/**
 * `npm run contract:check` against the demo server (in-process, on a free port): everything
 * passes; in front of it a SPEC §3-only server (no extensions) passes too, with each extension
 * reported absent; a server that is not the API fails, saying so.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DemoServer } from '../../mocks/http/demo-server';
import { startDemoServer } from '../../mocks/http/demo-server';
import { main, runChecks } from './run';

const folder = mkdtempSync(join(tmpdir(), 'contract-check-'));
let demo: DemoServer;
const servers: ReturnType<typeof createServer>[] = [];

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const EXTENSION_FIELDS = ['has_logs', 'aborted_by', 'parent_id', 'relaunch', 'queue_position'];
const EXTENSION_LOG_PARAMS = ['tail', 'before', 'line', 'limit', 'q'];

/**
 * SPEC §3 only: the demo server without activity, concurrency, streams, log forms or extension
 * fields.
 */
async function spec3Only(): Promise<string> {
  return listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (/\/(stream|activity|concurrency)$/.test(url.pathname))
      return json(404, { detail: 'Not found' });
    if (url.pathname.endsWith('/logs'))
      for (const p of EXTENSION_LOG_PARAMS) url.searchParams.delete(p);
    void fetch(`${demo.url}${url.pathname}${url.search}`).then(async (answer) => {
      const body = (await answer.json()) as Record<string, unknown>;
      const strip = (run: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(run).filter(([key]) => !EXTENSION_FIELDS.includes(key)));
      if (Array.isArray(body.items))
        body.items = (body.items as Record<string, unknown>[]).map(strip);
      else if ('result' in body) return json(answer.status, strip(body));
      if ('entries' in body) {
        delete body.total;
        delete body.prev_before;
      }
      json(answer.status, body);
    });
  });
}

beforeAll(async () => {
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Runs Activity</title>\n');
  demo = await startDemoServer({ port: 0, host: '127.0.0.1', dist: folder });
  // The clock stands still: no Run is created between two pages of a check.
  const paused = await fetch(`${demo.url}/api/__sim/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paused: true }),
  });
  expect(paused.ok).toBe(true);
});
afterAll(async () => {
  for (const server of servers) server.close();
  await demo.close();
  rmSync(folder, { recursive: true, force: true });
});

test('every check passes against the demo server, every extension offered', async () => {
  const lines: string[] = [];
  const code = await main([`${demo.url}/api`], (text) => lines.push(text));
  const printed = lines.join('\n');
  expect(printed, printed).toContain('every extension offered');
  expect(printed).not.toMatch(/FAIL|ABSENT|SKIP/);
  expect(code).toBe(0);
});

test('a SPEC §3-only server passes, with each missing extension reported absent', async () => {
  const base = `${await spec3Only()}/api`;
  const results = await runChecks(base);
  const by = (kind: string) => results.filter((r) => r.outcome.kind === kind).map((r) => r.name);
  expect(by('fail')).toEqual([]);
  expect(by('absent')).toEqual([
    'activity (heatmap)',
    'concurrency (running and queued)',
    'Run fields: has_logs, queue_position, parent_id',
    'logs: tail',
    'logs: line',
    'logs: search (q)',
    'stream: GET /operations/{id}/logs/stream',
    'stream: GET /operations/stream',
  ]);
  const lines: string[] = [];
  expect(await main([base], (text) => lines.push(text))).toBe(0);
  expect(lines.join('\n')).toContain('extensions not offered: activity (heatmap);');
});

test('a server that is not the API fails, and says where to look', async () => {
  const html = await listen((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Welcome to nginx!</title>');
  });
  const lines: string[] = [];
  expect(await main([html], (text) => lines.push(text))).toBe(1);
  const printed = lines.join('\n');
  expect(printed).toContain(
    "answered text/html, not JSON: <!doctype html><title>Welcome to nginx!</title> — is this the API's base URL?",
  );
  expect(printed).toMatch(/\d+ of \d+ checks failed/);
});

test('a bad argument: usage, or what is wrong with the URL (exit 2)', async () => {
  const lines: string[] = [];
  expect(await main([], (text) => lines.push(text))).toBe(2);
  expect(await main(['localhost:4173/api'], (text) => lines.push(text))).toBe(2);
  expect(lines).toEqual([
    'Usage: npm run contract:check -- <API base URL>   e.g. http://localhost:4173/api',
    '"localhost:4173/api" has no http:// or https:// scheme: write it as http://localhost:4173/api',
  ]);
});
