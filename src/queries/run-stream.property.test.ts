/**
 * Whatever happens on the server — Runs created, changed, deleted — interleaved with dropped
 * connections (some cut mid-event), a server that forgets its history (so a resume gets `reset`),
 * polls (every Runs query asks again) and answers that race the events, the cache ends showing exactly what the server would answer:
 * every list (filters, pages, sorts) and every detail.
 */
import type { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { ListRunsQuery } from '../api/contract';
import { openEventStream } from '../api/event-stream';
import type { RunState } from '../domain/states';
import { FakeRunsServer } from '../../test/fake-runs-server';
import { cacheHarness } from '../../test/run-cache-harness';
import { getRunFeed } from './run-feed';
import { startRunStream } from './run-stream';
import { runKeys } from './runs';

const LISTS: ListRunsQuery[] = [
  { page: 1, size: 4, sort_created: 'desc' },
  { page: 2, size: 4, sort_created: 'desc' },
  { page: 1, size: 4, sort_created: 'asc' },
  { page: 1, size: 5, result: ['running', 'queued'] },
  { page: 1, size: 5, has_logs: true },
  { page: 1, size: 5, finished: true },
  { page: 1, size: 3, datastore: [1] },
];
const DETAILS = [1, 2, 3, 4];

const state = fc.constantFrom<RunState>('queued', 'running', 'success', 'failure', 'aborted');
const op = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    state,
    datastore: fc.constantFrom(1, 2),
    hasLogs: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    pick: fc.nat(),
    state: fc.option(state, { nil: undefined }),
    analyzed: fc.option(fc.nat(10), { nil: undefined }),
    hasLogs: fc.option(fc.boolean(), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), cut: fc.boolean() }),
  fc.record({ kind: fc.constant('forget' as const) }),
  // A poll: every Runs query on screen asks the server again, racing the events.
  fc.record({ kind: fc.constant('poll' as const) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 6 }) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reconnects and batches at once; the heartbeat never fires. */
const fastClock = {
  now: () => Date.now(),
  random: () => 0,
  setTimer: (fn: () => void, ms: number) => {
    const timer = setTimeout(fn, ms >= 1_000_000 ? ms : 1);
    return () => clearTimeout(timer);
  },
};

async function apply(server: FakeRunsServer, client: QueryClient, step: Op): Promise<void> {
  const ids = [...server.runs.keys()];
  const pick = (n: number) => ids[n % Math.max(1, ids.length)];
  switch (step.kind) {
    case 'create':
      server.create({ state: step.state, datastore: step.datastore, hasLogs: step.hasLogs });
      return;
    case 'update': {
      const id = pick(step.pick);
      if (id === undefined) return;
      const { state: next, analyzed, hasLogs } = step;
      server.update(id, {
        ...(next && { state: next }),
        ...(analyzed !== undefined && { analyzed }),
        ...(hasLogs !== undefined && { hasLogs }),
      });
      return;
    }
    case 'delete': {
      const id = pick(step.pick);
      if (id !== undefined) server.remove(id);
      return;
    }
    case 'drop':
      server.drop(step.cut ? 'id: 999\nevent: run\ndata: {"id": 3, "res' : '');
      return;
    case 'forget':
      server.forget();
      return;
    case 'poll':
      void client.refetchQueries({ queryKey: runKeys.all, type: 'active' });
      return;
    case 'wait':
      await sleep(step.ms);
      return;
  }
}

/** Until nothing is fetching, the stream is live and it stays so for a while. */
async function settle(isBusy: () => boolean): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < 600 && quiet < 6; i += 1) {
    await sleep(5);
    quiet = isBusy() ? 0 : quiet + 1;
  }
}

test('after any interleaving of changes, polls, drops and resets, the cache equals the server', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 25 }), fc.nat(), async (steps, seed) => {
      const server = new FakeRunsServer(6);
      let turn = seed;
      const cache = cacheHarness(server, {
        lists: LISTS,
        details: DETAILS,
        delay: () => (turn++ % 4) * 2,
      });
      const stop = startRunStream(cache.queryClient, {
        open: (o) =>
          openEventStream({
            ...o,
            baseUrl: 'http://api.test',
            fetch: server.fetch,
            clock: fastClock,
            heartbeatMs: 1_000_000,
          }),
        page: null,
        batchMs: 0,
        newRunsCheck: null,
      });
      try {
        await sleep(1);
        for (const step of steps) await apply(server, cache.queryClient, step);
        await settle(() => cache.queryClient.isFetching() > 0 || getRunFeed().status !== 'live');
        expect(cache.differences()).toEqual([]);
      } finally {
        stop();
        cache.dispose();
      }
    }),
    { numRuns: 60 },
  );
}, 120_000);
