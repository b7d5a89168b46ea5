/**
 * The same stream handlers behind a real Node HTTP server, answered through msw's
 * `getResponse(handlers, request)` as a server adapter does: chunks arrive as they are written
 * (nothing buffers the stream), and a client that disconnects stops the stream's ticker. No MSW
 * interception here: the fetch goes over the network to the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { VirtualClock } from '../engine/clock';
import { Simulator, TEST_EPOCH } from '../simulator';
import { createHandlers } from './all';
import { SseReader } from './sse-reader';

const sim = new Simulator({ clock: VirtualClock.manual(TEST_EPOCH) });
const handlers = createHandlers({
  base: '*/api',
  sim: () => sim,
  onChange: () => undefined,
  streams: { tickMs: 20, pingMs: 60_000 },
});

/** The smallest adapter: a Request from the message, the Response's body piped to the socket. */
async function serve(message: IncomingMessage, reply: ServerResponse): Promise<void> {
  const gone = new AbortController();
  reply.on('close', () => gone.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const request = new Request(`http://${message.headers.host}${message.url}`, {
    method: message.method,
    headers,
    signal: gone.signal,
  });
  const response = await getResponse(handlers, request);
  if (!response) {
    reply.writeHead(404).end();
    return;
  }
  reply.writeHead(response.status, Object.fromEntries(response.headers));
  reply.flushHeaders();
  const reader = response.body?.getReader();
  gone.signal.addEventListener('abort', () => void reader?.cancel().catch(() => undefined));
  for (;;) {
    const chunk = await reader?.read().catch(() => undefined);
    if (!chunk || chunk.done) break;
    reply.write(chunk.value);
  }
  reply.end();
}

const server = createServer((message, reply) => void serve(message, reply));
let base = '';

beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((closed) => server.close(() => closed()));
});

test('a log stream over real HTTP: the backlog, live entries as the clock moves, then a disconnect', async () => {
  const client = new AbortController();
  const response = await fetch(`${base}/operations/56/logs/stream`, { signal: client.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = new SseReader(response);
  const run = sim.runs.get(56);
  const last = run
    ? sim
        .logOf(run)
        .filter((e) => e.containerId === null)
        .at(-1)
    : undefined;
  const backlog = await reader.until((e) => Number(e.id) >= (last?.seq ?? 0));
  expect(backlog.length).toBeGreaterThan(3);
  expect(sim.wakeups.size).toBe(1);
  sim.clock.advance(10 * 60_000);
  const live = await reader.take(1);
  expect(Number(live[0]?.id)).toBeGreaterThan(Number(backlog.at(-1)?.id));
  client.abort();
  await vi.waitFor(() => expect(sim.wakeups.size).toBe(0));
});

test('the Runs stream over real HTTP, resumed with Last-Event-ID', async () => {
  const start = sim.feed.lastId;
  sim.clock.advance(30_000);
  const client = new AbortController();
  const response = await fetch(`${base}/operations/stream`, {
    headers: { 'Last-Event-ID': String(start) },
    signal: client.signal,
  });
  const [first] = await new SseReader(response).take(1);
  expect(first?.event).toBe('run');
  expect(Number(first?.id)).toBeGreaterThan(start);
  client.abort();
  await vi.waitFor(() => expect(sim.wakeups.size).toBe(0));
});

test('the plain endpoints answer as usual through the same adapter', async () => {
  const page = await fetch(`${base}/operations/56/logs?tail=2`);
  expect(page.status).toBe(200);
  expect(((await page.json()) as { entries: unknown[] }).entries).toHaveLength(2);
  expect((await fetch(`${base}/operations/56/logs?tail=2&after=1`)).status).toBe(400);
});
