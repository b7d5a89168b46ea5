/**
 * The Server-Sent Events answer on its own (sse.ts), with a source the test controls and fake
 * timers: framing, waking, pings after a silence, the end, and that cancelling or aborting stops
 * the ticker and the subscription (no timer left).
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { SseSource } from './sse';
import { frame, sseResponse } from './sse';
import { SseReader, parseMessage } from './sse-reader';

const TIMING = { tickMs: 250, pingMs: 10_000 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A source that sends what the test pushes, and counts its subscribers. */
function setup(abort = new AbortController()) {
  const pending: { text: string; done?: boolean }[] = [];
  const wakes = new Set<() => void>();
  const source: SseSource = {
    pull: () => pending.shift() ?? null,
    subscribe: (wake) => {
      wakes.add(wake);
      return () => wakes.delete(wake);
    },
  };
  const response = sseResponse(abort.signal, source, TIMING);
  const push = (text: string, done = false) => {
    pending.push({ text, done });
    for (const wake of wakes) wake();
  };
  return { response, reader: new SseReader(response), push, wakes, abort };
}

test('frames carry event, id and data; data lines split; the reader reads them back', () => {
  expect(frame({ id: 7, event: 'entry', data: '{"seq":7}' })).toBe(
    'event: entry\nid: 7\ndata: {"seq":7}\n\n',
  );
  expect(frame({ data: 'a\nb' })).toBe('data: a\ndata: b\n\n');
  expect(parseMessage('event: entry\nid: 7\ndata: a\ndata: b')).toEqual({
    event: 'entry',
    id: '7',
    data: 'a\nb',
  });
  expect(parseMessage(': ping')).toEqual({ comment: 'ping' });
});

test('the answer is an uncached event stream', () => {
  const { response, abort } = setup();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  expect(response.headers.get('cache-control')).toBe('no-cache');
  abort.abort();
});

test('what the source has goes out at once; a wake-up sends what came later', async () => {
  const { reader, push, abort } = setup();
  push(frame({ id: 1, event: 'entry', data: '1' }));
  expect(await reader.next()).toEqual({ id: '1', event: 'entry', data: '1' });
  push(frame({ id: 2, event: 'entry', data: '2' }));
  expect(await reader.next()).toEqual({ id: '2', event: 'entry', data: '2' });
  abort.abort();
});

test('a silence of pingMs sends a `: ping` comment, and only then', async () => {
  const { reader, abort } = setup();
  const next = reader.next();
  await vi.advanceTimersByTimeAsync(TIMING.pingMs - TIMING.tickMs);
  let settled = false;
  void next.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  expect(settled).toBe(false);
  await vi.advanceTimersByTimeAsync(TIMING.tickMs);
  expect(await next).toEqual({ comment: 'ping' });
  abort.abort();
});

test('a last chunk closes the stream and stops the ticker', async () => {
  const { reader, push, wakes } = setup();
  expect(vi.getTimerCount()).toBe(1);
  push(frame({ id: 9, event: 'complete', data: '{}' }), true);
  expect(await reader.next()).toMatchObject({ event: 'complete' });
  expect(await reader.next()).toBeNull();
  expect(vi.getTimerCount()).toBe(0);
  expect(wakes.size).toBe(0);
});

test('cancelling the body stops the ticker and the subscription', async () => {
  const { reader, wakes } = setup();
  expect([vi.getTimerCount(), wakes.size]).toEqual([1, 1]);
  await reader.cancel();
  expect([vi.getTimerCount(), wakes.size]).toEqual([0, 0]);
});

test('aborting the request stops them too, and ends the stream', async () => {
  const { reader, wakes, abort } = setup();
  const next = reader.next();
  abort.abort();
  expect(await next).toBeNull();
  expect([vi.getTimerCount(), wakes.size]).toEqual([0, 0]);
});

test('a request aborted before the answer is made never starts a ticker', () => {
  const abort = new AbortController();
  abort.abort();
  const { wakes } = setup(abort);
  expect([vi.getTimerCount(), wakes.size]).toEqual([0, 0]);
});
