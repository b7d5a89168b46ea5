/**
 * The slow check for new Runs: with no stream and nothing active on screen, a Run created on the
 * server appears within one check; at most two requests a minute; none while the tab is hidden,
 * while the list polls, or while the Run stream is live.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ListRunsQuery } from '../api/contract';
import { POLL } from '../config/polling';
import { FakeRunsServer } from '../../test/fake-runs-server';
import { cacheHarness, toPage } from '../../test/run-cache-harness';
import { startNewRunsCheck } from './new-runs-check';
import { setRunFeed } from './run-feed';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  setRunFeed({ status: 'off' });
  vi.useRealTimers();
});

const FIRST: ListRunsQuery = { page: 1, size: 5, sort_created: 'desc' };

async function setup(options: { query?: ListRunsQuery; active?: boolean } = {}) {
  const server = new FakeRunsServer(0);
  for (let i = 0; i < 8; i += 1) server.create({ state: 'success' });
  if (options.active) server.create({ state: 'running' });
  const query = options.query ?? FIRST;
  const cache = cacheHarness(server, { lists: [query], poll: true });
  await vi.advanceTimersByTimeAsync(0);
  const probes: ListRunsQuery[] = [];
  let visible = true;
  const stop = startNewRunsCheck(cache.queryClient, {
    every: POLL.newRuns,
    visible: () => visible,
    listRuns: (probe) => {
      probes.push(probe);
      return Promise.resolve(toPage(server.list(probe)));
    },
  });
  const ids = () => cache.listOf(query)?.items.map((r) => r.id);
  const hide = (hidden: boolean) => {
    visible = !hidden;
  };
  return { server, cache, probes, stop, ids, hide };
}

test('a Run created while nothing on screen is active appears within one check', async () => {
  const { server, probes, ids, cache, stop } = await setup();
  expect(ids()).toEqual([8, 7, 6, 5, 4]);
  await vi.advanceTimersByTimeAsync(POLL.newRuns);
  expect(probes).toEqual([{ page: 1, size: 1, sort_created: 'desc' }]);
  server.create({ state: 'queued' });
  await vi.advanceTimersByTimeAsync(POLL.newRuns);
  expect(ids()).toEqual([9, 8, 7, 6, 5]);
  expect(cache.differences()).toEqual([]);
  stop();
});

test('it costs at most two requests a minute, and the list is re-read only on a change', async () => {
  const { probes, cache, stop } = await setup();
  await vi.advanceTimersByTimeAsync(5 * 60_000);
  expect(probes).toHaveLength(10);
  expect(cache.fetchesOf(['runs', 'list', FIRST])).toBe(1);
  stop();
});

test('on a later page or another sort it compares the total and the newest id it saw', async () => {
  const query: ListRunsQuery = { page: 2, size: 5, sort_created: 'desc', result: ['success'] };
  const { server, ids, cache, stop } = await setup({ query });
  expect(ids()).toEqual([3, 2, 1]);
  await vi.advanceTimersByTimeAsync(POLL.newRuns);
  expect(cache.fetchesOf(['runs', 'list', query])).toBe(1);
  // The same total, but another newest Run: the pages may have moved.
  server.remove(8);
  server.create({ state: 'success' });
  await vi.advanceTimersByTimeAsync(POLL.newRuns);
  expect(cache.fetchesOf(['runs', 'list', query])).toBe(2);
  server.remove(9);
  await vi.advanceTimersByTimeAsync(POLL.newRuns);
  expect(cache.fetchesOf(['runs', 'list', query])).toBe(3);
  expect(ids()).toEqual([2, 1]);
  expect(cache.differences()).toEqual([]);
  stop();
});

test('no checks while the tab is hidden, while the list polls, or while the stream is live', async () => {
  const hidden = await setup();
  hidden.hide(true);
  await vi.advanceTimersByTimeAsync(2 * 60_000);
  expect(hidden.probes).toHaveLength(0);
  hidden.hide(false);
  await vi.advanceTimersByTimeAsync(POLL.newRuns);
  expect(hidden.probes).toHaveLength(1);
  hidden.stop();
  hidden.cache.dispose();

  const polling = await setup({ active: true });
  await vi.advanceTimersByTimeAsync(2 * 60_000);
  expect(polling.probes).toHaveLength(0);
  polling.stop();
  polling.cache.dispose();

  const streamed = await setup();
  setRunFeed({ status: 'live', since: 0 });
  await vi.advanceTimersByTimeAsync(2 * 60_000);
  expect(streamed.probes).toHaveLength(0);
  streamed.stop();
});
