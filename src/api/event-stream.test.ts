/**
 * The SSE client over a fake server whose streams the test writes byte by byte: framing, ids,
 * resume, heartbeat, malformed and cut events, "no stream here", backoff and cancellation. The
 * fake server and `setup` are in test/event-stream-server.ts.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Breaker, realClock } from './breaker';
import { ApiError } from './errors';
import { openEventStream } from './event-stream';
import { events, fakeServer, flush, setup } from '../../test/event-stream-server';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('frames events across chunks: types, ids, multi-line data; comments and unknown types pass', async () => {
  const { server, received, status } = setup();
  await flush();
  expect(status()).toBe('live');
  expect(server.last.url).toBe('https://api.example/api/things/stream');
  expect(server.last.headers.get('Accept')).toBe('text/event-stream');
  expect(server.last.headers.get('Authorization')).toBe('Bearer secret');
  expect(server.last.headers.get('Last-Event-ID')).toBeNull();

  server.last.write(': ping\n\nid: 1\nevent: tick\nda');
  server.last.write('ta: {"n": 1}\n\n');
  server.last.write('event: other\ndata: {}\n\nid: 2\nevent: tick\ndata: {"n":\ndata: 2}\n\n');
  await flush();
  expect(received).toEqual([
    { type: 'tick', id: '1', data: { n: 1 } },
    { type: 'tick', id: '2', data: { n: 2 } },
  ]);
});

test('after a drop it resumes with Last-Event-ID of the last complete event, after a backoff', async () => {
  const { server, received, states, stream, status } = setup({ lastEventId: '7' });
  await flush();
  expect(server.last.headers.get('Last-Event-ID')).toBe('7');
  server.last.write('id: 8\nevent: tick\ndata: {"n":8}\n\nid: 9\nevent: tick\ndata: {"n"');
  server.last.close();
  await flush();
  // The event cut mid-way is dropped; the resume id is the last complete one.
  expect(received.map((e) => e.id)).toEqual(['8']);
  expect(stream.getLastEventId()).toBe('8');
  expect(stream.getState()).toMatchObject({
    status: 'reconnecting',
    attempt: 1,
    reason: 'the server closed the stream',
  });
  const reconnecting = stream.getState();
  if (reconnecting.status !== 'reconnecting') throw new Error('not reconnecting');
  expect(reconnecting.nextAttemptAt - Date.now()).toBe(1_000);

  await vi.advanceTimersByTimeAsync(999);
  expect(server.connections).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(server.connections).toHaveLength(2);
  expect(server.last.headers.get('Last-Event-ID')).toBe('8');
  expect(status()).toBe('live');
  expect(states.map((s) => s.status)).toEqual(['connecting', 'live', 'reconnecting', 'live']);
});

test('a connection silent for 30 s is dead: pings keep it alive, silence reconnects it', async () => {
  const { server, status, stream } = setup();
  await flush();
  await vi.advanceTimersByTimeAsync(20_000);
  server.last.write(': ping\n\n');
  await vi.advanceTimersByTimeAsync(20_000);
  expect(server.connections).toHaveLength(1);
  expect(status()).toBe('live');

  await vi.advanceTimersByTimeAsync(10_000);
  expect(stream.getState()).toMatchObject({
    status: 'reconnecting',
    reason: 'no event or ping for 30 s',
  });
  await vi.advanceTimersByTimeAsync(1_000);
  expect(server.connections).toHaveLength(2);
  expect(status()).toBe('live');
});

test('a malformed event is counted, reported and skipped; the stream goes on', async () => {
  const { server, received, malformed, stream, status } = setup();
  await flush();
  server.last.write('id: 1\nevent: tick\ndata: {not json\n\n');
  server.last.write('id: 2\nevent: tick\ndata: {"n":"two"}\n\n');
  server.last.write('id: 3\nevent: tick\ndata: {"n":3}\n\n');
  await flush();
  expect(received.map((e) => e.id)).toEqual(['3']);
  expect(malformed).toEqual([
    'tick#1: the data is not JSON',
    expect.stringMatching(/^tick#2: n: /),
  ]);
  expect(stream.getStats()).toEqual({ events: 1, malformed: 2, connections: 1 });
  expect(stream.getLastEventId()).toBe('3');
  expect(status()).toBe('live');
});

test('a handler that throws does not stop the stream', async () => {
  const server = fakeServer();
  const seen: number[] = [];
  const problems: string[] = [];
  openEventStream({
    baseUrl: '/api',
    path: '/s',
    events,
    fetch: server.fetch,
    onEvent: (event) => {
      if (event.type !== 'tick') return;
      if (event.data.n === 1) throw new Error('boom');
      seen.push(event.data.n);
    },
    onMalformed: (event) => problems.push(event.reason),
    signal: new AbortController().signal,
  });
  await flush();
  server.last.write('event: tick\ndata: {"n":1}\n\nevent: tick\ndata: {"n":2}\n\n');
  await flush();
  expect(seen).toEqual([2]);
  expect(problems).toEqual(['its handler failed: Error: boom']);
});

test.each([
  ['404', () => new Response('{"detail":"Not Found"}', { status: 404 })],
  ['405', () => new Response(null, { status: 405 })],
  ['501', () => new Response(null, { status: 501 })],
  [
    '400 from a route that takes "stream" for an id',
    () => Response.json({ detail: 'x' }, { status: 400 }),
  ],
  [
    'an HTML page with 200',
    () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }),
  ],
  ['204', () => new Response(null, { status: 204 })],
])('%s means the server has no stream: unavailable, no retry', async (_name, answer) => {
  const { server, stream } = setup();
  server.answerWith(answer);
  const final = await stream.done;
  expect(final).toMatchObject({ status: 'unavailable' });
  expect(final.status === 'unavailable' && final.reason).toMatch(/no stream at \/things\/stream/);
  await vi.advanceTimersByTimeAsync(120_000);
  expect(server.connections).toHaveLength(1);
});

test('a busy or failing server is tried again at a growing backoff, honouring Retry-After', async () => {
  const { server, stream, status } = setup();
  server.answerWith(() => new Response(null, { status: 503, headers: { 'Retry-After': '10' } }));
  await flush();
  expect(stream.getState()).toMatchObject({ status: 'reconnecting', attempt: 1 });
  await vi.advanceTimersByTimeAsync(9_999);
  expect(server.connections).toHaveLength(1);
  server.answerWith(() => {
    throw new TypeError('Failed to fetch');
  });
  await vi.advanceTimersByTimeAsync(1);
  expect(server.connections).toHaveLength(2);
  expect(stream.getState()).toMatchObject({
    status: 'reconnecting',
    attempt: 2,
    reason: 'no answer',
  });
  await vi.advanceTimersByTimeAsync(2_000);
  expect(server.connections).toHaveLength(3);
  expect(stream.getState()).toMatchObject({ status: 'reconnecting', attempt: 3 });
  server.answerWith(null);
  await vi.advanceTimersByTimeAsync(4_000);
  expect(server.connections).toHaveLength(4);
  expect(status()).toBe('live');
});

test('a connection that drops before anything arrives counts as a failure (no reconnect storm)', async () => {
  const { server, stream } = setup();
  await flush();
  server.last.drop();
  await flush();
  expect(stream.getState()).toMatchObject({ status: 'reconnecting', attempt: 1 });
  await vi.advanceTimersByTimeAsync(1_000);
  server.last.close();
  await flush();
  expect(stream.getState()).toMatchObject({ status: 'reconnecting', attempt: 2 });
});

test('aborting closes it: no more events, no reconnect, also while waiting to reconnect', async () => {
  const { server, received, controller, stream } = setup();
  await flush();
  server.last.write('event: tick\ndata: {"n":1}\n\n');
  await flush();
  controller.abort();
  server.last.write('event: tick\ndata: {"n":2}\n\n');
  expect(await stream.done).toMatchObject({ status: 'closed', reason: 'aborted' });
  expect(received).toHaveLength(1);

  const second = setup();
  await flush();
  second.server.last.close();
  await flush();
  expect(second.status()).toBe('reconnecting');
  second.controller.abort();
  expect(await second.stream.done).toMatchObject({ status: 'closed', reason: 'aborted' });
  await vi.advanceTimersByTimeAsync(60_000);
  expect(second.server.connections).toHaveLength(1);
});

test('an event type in endOn ends the stream: closed, not reconnected', async () => {
  const { server, received, stream } = setup({ endOn: ['complete'] });
  await flush();
  server.last.write('id: 5\nevent: complete\ndata: {}\n\nevent: tick\ndata: {"n":1}\n\n');
  expect(await stream.done).toMatchObject({ status: 'closed', reason: 'ended' });
  expect(received.map((e) => e.type)).toEqual(['complete']);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(server.connections).toHaveLength(1);
});

test('the server may set the first reconnect wait with retry:', async () => {
  const { server } = setup();
  await flush();
  server.last.write('retry: 5000\n\n: ping\n\n');
  server.last.close();
  await vi.advanceTimersByTimeAsync(4_999);
  expect(server.connections).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(server.connections).toHaveLength(2);
});

test("with the client's breaker: a connection that gets no answer opens it, reconnections wait for its probes, and one that opens closes it", async () => {
  const breaker = new Breaker({ ...realClock, random: () => 0 });
  const { server, stream, status } = setup({ breaker });
  await flush();
  expect(status()).toBe('live');
  server.answerWith(() => {
    throw new TypeError('Failed to fetch');
  });
  server.last.write(': ping\n\n');
  server.last.close();
  await vi.advanceTimersByTimeAsync(1_000);
  // The reconnection 1 s after the drop gets no answer: the API is down for every read.
  expect(server.connections).toHaveLength(2);
  expect(breaker.getState()).toMatchObject({ status: 'unreachable', attempts: 1 });
  // A read's turn to probe comes 1 s later; the stream's own wait (2 s) ends while it is out.
  const read = breaker.admit();
  await vi.advanceTimersByTimeAsync(1_000);
  await read;
  await vi.advanceTimersByTimeAsync(5_000);
  expect(server.connections).toHaveLength(2);
  breaker.failed(
    new ApiError({ kind: 'network', status: 0, detail: 'x', method: 'GET', url: '/' }),
  );
  // The breaker's next turn, 2 s after the read's failure, is the stream's.
  server.answerWith(null);
  await vi.advanceTimersByTimeAsync(1_999);
  expect(server.connections).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(1);
  expect(server.connections).toHaveLength(3);
  expect(status()).toBe('live');
  expect(breaker.getState()).toEqual({ status: 'ok' });
  expect(stream.getStats().connections).toBe(3);
});

test('with the breaker offline, nothing reconnects until the browser is back online', async () => {
  const breaker = new Breaker({ ...realClock, random: () => 0 });
  const { server, status } = setup({ breaker });
  await flush();
  breaker.setOnline(false);
  server.last.close();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(server.connections).toHaveLength(1);
  expect(status()).toBe('reconnecting');
  breaker.setOnline(true);
  await flush();
  expect(server.connections).toHaveLength(2);
  expect(status()).toBe('live');
});

test('a stream that alone answers 503 while the breaker is closed leaves it closed: reads are not held back for it', async () => {
  const breaker = new Breaker({ ...realClock, random: () => 0 });
  const { server, stream } = setup({ breaker });
  server.answerWith(() => new Response(null, { status: 503 }));
  await flush();
  expect(stream.getState()).toMatchObject({ status: 'reconnecting', attempt: 1 });
  expect(breaker.getState()).toEqual({ status: 'ok' });
  await vi.advanceTimersByTimeAsync(1_000);
  expect(server.connections).toHaveLength(2);
  expect(breaker.getState()).toEqual({ status: 'ok' });
});
