import { expect, test, vi } from 'vitest';
import type { OpenEventStreamOptions, StreamState } from '../api/event-stream';
import type { logStreamEvents } from '../api/contract';
import type { LogEntry } from '../api/map';
import { canStream, followLogStream } from './log-live';
import { LogLoader } from './log-loader';
import { ALL_FEATURES, ModelLogServer, SPEC3_ONLY } from './log-test-server';

type Options = OpenEventStreamOptions<typeof logStreamEvents>;

/** A stream opener the test drives by hand: what it was asked, and its callbacks. */
function fakeStream() {
  let options: Options | null = null;
  const open = vi.fn((o: Options) => {
    options = o;
    const state: StreamState = { status: 'connecting', since: 0 };
    return {
      getState: () => state,
      getLastEventId: () => o.lastEventId ?? null,
      getStats: () => ({ events: 0, malformed: 0, connections: 1 }),
      done: new Promise<StreamState>(() => undefined),
    };
  });
  const current = () => {
    if (!options) throw new Error('no stream opened');
    return options;
  };
  const state = (status: 'live' | 'reconnecting' | 'unavailable') =>
    current().onState?.(
      status === 'reconnecting'
        ? { status, since: 0, attempt: 1, nextAttemptAt: 1_000, reason: 'dropped' }
        : status === 'live'
          ? { status, since: 0 }
          : { status, since: 0, reason: 'HTTP 404' },
    );
  const entry = (e: LogEntry) =>
    current().onEvent({
      type: 'entry',
      id: String(e.seq),
      data: {
        seq: e.seq,
        time: new Date(e.time).toISOString(),
        level: e.level,
        message: e.message,
        container_id: e.containerId,
        line: e.line ?? undefined,
      },
    });
  return { open: open as never, opened: open, current, state, entry };
}

async function openLoader(server: ModelLogServer) {
  const loader = new LogLoader((query) => server.page(query));
  await loader.refresh();
  return loader;
}

test('streams from the newest line held; no poll while live, polling again when it drops', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 100);
  const loader = await openLoader(server);
  expect(canStream(loader)).toBe(true);
  const stream = fakeStream();
  const onFallback = vi.fn();
  const close = followLogStream(loader, {
    runId: 1,
    containerId: 7,
    onFallback,
    open: stream.open,
  });
  expect(stream.current().lastEventId).toBe(String(server.log.at(-1)?.seq));
  expect(stream.current().query?.get('container')).toBe('7');

  stream.state('live');
  expect(loader.streaming).toBe(true);
  server.append(3);
  for (const e of server.log.slice(-3)) stream.entry(e);
  await Promise.resolve();
  expect(loader.store.total).toBe(103);
  expect(loader.store.entryAt(103)?.seq).toBe(server.log.at(-1)?.seq);

  stream.state('reconnecting');
  expect(loader.streaming).toBe(false);
  expect(onFallback).toHaveBeenCalledTimes(1);
  // A resume that replays lines already held takes them once.
  stream.state('live');
  for (const e of server.log.slice(-2)) stream.entry(e);
  await Promise.resolve();
  expect(loader.store.held).toBe(103);

  stream.current().onEvent({ type: 'complete', id: '1', data: { next_after: 1, total: 103 } });
  expect(loader.store.complete).toBe(true);
  expect(canStream(loader)).toBe(false);
  close();
  expect(loader.streaming).toBe(false);
});

test('a server without the stream: unavailable, so the log is polled', async () => {
  const server = new ModelLogServer(ALL_FEATURES, 10);
  const loader = await openLoader(server);
  const stream = fakeStream();
  const onFallback = vi.fn();
  followLogStream(loader, { runId: 1, containerId: null, onFallback, open: stream.open });
  stream.state('live');
  stream.state('unavailable');
  expect(loader.streaming).toBe(false);
  expect(onFallback).toHaveBeenCalledTimes(1);
});

test('a log numbered by position (a SPEC §3 server) is never streamed', async () => {
  const loader = await openLoader(new ModelLogServer(SPEC3_ONLY, 10));
  expect(canStream(loader)).toBe(false);
});
