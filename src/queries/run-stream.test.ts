/**
 * The Run stream into the query cache, over a fake server's SSE: events patch what is cached,
 * lists are re-read only when a Run may move, drops resume, `reset` re-reads, polling stops while
 * the stream is live, and a hidden tab or an offline browser drops it until it returns.
 */
import { QueryObserver, environmentManager } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import type { ListRunsQuery } from '../api/contract';
import { openEventStream } from '../api/event-stream';
import { FakeRunsServer } from '../../test/fake-runs-server';
import { cacheHarness } from '../../test/run-cache-harness';
import { concurrencyKeys } from './activity';
import { logKeys } from './logs';
import { getRunFeed } from './run-feed';
import type { OpenRunStream, PageSignals } from './run-stream';
import { startRunStream } from './run-stream';
import { runKeys } from './runs';

// Node has no window: TanStack Query would take it for a server and never poll.
beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const ALL: ListRunsQuery = { page: 1, size: 10, sort_created: 'desc' };
const RUNNING: ListRunsQuery = { ...ALL, result: ['running'] };
const STORE_2: ListRunsQuery = { ...ALL, datastore: [2] };

function fakePage() {
  const state = { visible: true, online: true };
  const listeners = new Set<() => void>();
  const set = (change: Partial<typeof state>) => {
    Object.assign(state, change);
    for (const listener of listeners) listener();
  };
  const page: PageSignals = {
    visible: () => state.visible,
    online: () => state.online,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { page, set };
}

async function setup(
  options: { lists?: ListRunsQuery[]; details?: number[]; poll?: boolean } = {},
) {
  const server = new FakeRunsServer(6);
  const cache = cacheHarness(server, { lists: options.lists ?? [ALL], ...options });
  await vi.advanceTimersByTimeAsync(0);
  const { page, set } = fakePage();
  const open: OpenRunStream = (o) =>
    openEventStream({ ...o, baseUrl: 'http://api.test', fetch: server.fetch });
  const stop = startRunStream(cache.queryClient, { open, page, newRunsCheck: null });
  // Live, and the lists fetched before it re-read once (changes before it are unknown).
  await vi.advanceTimersByTimeAsync(600);
  const fetches = (query: ListRunsQuery = ALL) => cache.fetchesOf(runKeys.list(query));
  const settle = () => vi.advanceTimersByTimeAsync(600);
  return { server, cache, set, stop, fetches, settle, status: () => getRunFeed().status };
}

test('a change to a Run on a page is written in place, with no list request; its detail follows', async () => {
  const { server, cache, fetches, settle, status, stop } = await setup({ details: [1] });
  expect(status()).toBe('live');
  expect(fetches()).toBe(2);
  server.update(1, { analyzed: 5, hasLogs: true });
  await vi.advanceTimersByTimeAsync(0);
  expect(cache.listOf(ALL)?.items.find((r) => r.id === 1)?.progress.processed).toBe(5);
  const detail = cache.queryClient.getQueryData<{ progress: { processed: number } }>(
    runKeys.detail(1),
  );
  expect(detail?.progress.processed).toBe(5);
  await settle();
  expect(fetches()).toBe(2);
  expect(cache.fetchesOf(runKeys.detail(1))).toBe(3);
  expect(cache.differences()).toEqual([]);
  stop();
});

test('new Runs are read into the lists they may be on, once for a burst', async () => {
  const { server, cache, fetches, settle, stop } = await setup({ lists: [ALL, STORE_2] });
  server.create({ datastore: 1 });
  server.create({ datastore: 1 });
  server.create({ datastore: 1 });
  await settle();
  expect(fetches()).toBe(3);
  expect(fetches(STORE_2)).toBe(2);
  expect(
    cache
      .listOf(ALL)
      ?.items.slice(0, 3)
      .map((r) => r.id),
  ).toEqual([9, 8, 7]);
  expect(cache.differences()).toEqual([]);
  stop();
});

test('a change that moves a Run across a filter re-reads that list, and only that one', async () => {
  const { server, cache, fetches, settle, stop } = await setup({ lists: [ALL, RUNNING] });
  const running = [...server.runs.values()].find((r) => r.state === 'running');
  if (!running) throw new Error('no running Run');
  server.update(running.id, { state: 'success' });
  await settle();
  expect(fetches(RUNNING)).toBe(3);
  expect(fetches()).toBe(2);
  expect(cache.differences()).toEqual([]);
  stop();
});

test('a Run that starts or ends re-reads the concurrency chart; progress alone does not', async () => {
  const { server, cache, settle, stop } = await setup();
  const key = concurrencyKeys.window(24);
  const reads = { count: 0 };
  const unwatch = cache.queryClient.getQueryCache().subscribe((event) => {
    const ours = event.query.queryKey.join() === key.join();
    if (ours && event.type === 'updated' && event.action.type === 'fetch') reads.count += 1;
  });
  const unsubscribe = new QueryObserver(cache.queryClient, {
    queryKey: key,
    queryFn: () => null,
  }).subscribe(() => {});
  await vi.advanceTimersByTimeAsync(0);
  const running = [...server.runs.values()].find((r) => r.state === 'running');
  if (!running) throw new Error('no running Run');
  // Seen once, so its state before the next change is known.
  server.update(running.id, { analyzed: 1 });
  await settle();
  const before = reads.count;
  server.update(running.id, { analyzed: 2 });
  await settle();
  expect(reads.count).toBe(before);
  server.update(running.id, { state: 'success' });
  await settle();
  expect(reads.count).toBe(before + 1);
  // A new Run re-reads it with the heatmap.
  server.create({ datastore: 1 });
  await settle();
  expect(reads.count).toBe(before + 2);
  unwatch();
  unsubscribe();
  stop();
});

test('a deleted Run leaves every list and its logs at once; its detail on screen says it is gone', async () => {
  const { server, cache, settle, stop } = await setup({ details: [2] });
  cache.queryClient.setQueryData(logKeys.log(2, null), 'a log');
  cache.queryClient.setQueryData(runKeys.detail(3), 'a detail no view shows');
  server.remove(2);
  server.remove(3);
  await vi.advanceTimersByTimeAsync(0);
  expect(cache.listOf(ALL)?.items.map((r) => r.id)).not.toContain(2);
  expect(cache.listOf(ALL)?.total).toBe(4);
  expect(cache.queryClient.getQueryData(logKeys.log(2, null))).toBeUndefined();
  expect(cache.queryClient.getQueryData(runKeys.detail(3))).toBeUndefined();
  await settle();
  const detail = cache.queryClient.getQueryState(runKeys.detail(2));
  expect(detail?.error).toMatchObject({ status: 404 });
  expect(cache.differences()).toEqual([]);
  stop();
});

test('after a drop it resumes after the last event; when the server forgot it, reset re-reads', async () => {
  const { server, cache, fetches, settle, status, stop } = await setup();
  server.update(1, { analyzed: 1 });
  await vi.advanceTimersByTimeAsync(0);
  server.drop('id: 99\nevent: run\ndata: {"id"');
  server.update(1, { analyzed: 2 });
  server.update(3, { analyzed: 3 });
  await vi.advanceTimersByTimeAsync(0);
  expect(status()).toBe('reconnecting');
  await vi.advanceTimersByTimeAsync(1_250);
  expect(server.streamRequests).toEqual([null, String(server.lastEventId - 2)]);
  expect(status()).toBe('live');
  expect(cache.differences()).toEqual([]);
  expect(fetches()).toBe(2);

  server.drop();
  server.update(4, { analyzed: 4 });
  server.forget();
  await vi.advanceTimersByTimeAsync(1_250);
  await settle();
  expect(fetches()).toBe(3);
  expect(cache.differences()).toEqual([]);
  stop();
});

test('nothing about Runs polls while the stream is live; polling comes back when it fails', async () => {
  const { server, fetches, status, stop } = await setup({ poll: true });
  expect(status()).toBe('live');
  const before = fetches();
  await vi.advanceTimersByTimeAsync(30_000);
  expect(fetches()).toBe(before);

  server.streamAnswer = () => new Response('{"detail":"Not Found"}', { status: 404 });
  server.drop();
  await vi.advanceTimersByTimeAsync(1_250);
  expect(status()).toBe('unavailable');
  await vi.advanceTimersByTimeAsync(3_000);
  expect(fetches()).toBe(before + 1);
  await vi.advanceTimersByTimeAsync(3_000);
  expect(fetches()).toBe(before + 2);
  stop();
});

test('a hidden tab drops the stream after a grace and catches up when it returns', async () => {
  const { server, cache, set, status, stop } = await setup();
  server.update(1, { analyzed: 3 });
  set({ visible: false });
  await vi.advanceTimersByTimeAsync(5_000);
  expect(status()).toBe('live');
  await vi.advanceTimersByTimeAsync(5_000);
  expect(status()).toBe('paused');
  const resumeFrom = String(server.lastEventId);
  server.update(2, { analyzed: 9 });
  server.create();
  set({ visible: true });
  await vi.advanceTimersByTimeAsync(600);
  expect(server.streamRequests.at(-1)).toBe(resumeFrom);
  expect(status()).toBe('live');
  expect(cache.differences()).toEqual([]);
  stop();
});

test('offline drops the stream at once; online resumes it', async () => {
  const { server, cache, set, status, stop } = await setup();
  set({ online: false });
  expect(getRunFeed()).toMatchObject({ status: 'paused', reason: 'offline' });
  server.update(2, { analyzed: 4 });
  set({ online: true });
  await vi.advanceTimersByTimeAsync(600);
  expect(status()).toBe('live');
  expect(server.streamRequests).toHaveLength(2);
  expect(cache.differences()).toEqual([]);
  stop();
  expect(status()).toBe('off');
});

test('a server without the stream: polling stays, and the stream is asked again on return', async () => {
  const server = new FakeRunsServer(3);
  server.streamAnswer = () => new Response(null, { status: 404 });
  const cache = cacheHarness(server, { lists: [ALL] });
  const { page, set } = fakePage();
  const stop = startRunStream(cache.queryClient, {
    open: (o) => openEventStream({ ...o, baseUrl: 'http://api.test', fetch: server.fetch }),
    page,
    newRunsCheck: null,
  });
  await vi.advanceTimersByTimeAsync(60_000);
  expect(getRunFeed().status).toBe('unavailable');
  expect(server.streamRequests).toHaveLength(1);
  set({ visible: false });
  set({ visible: true });
  await vi.advanceTimersByTimeAsync(0);
  expect(server.streamRequests).toHaveLength(2);
  stop();
});
