/**
 * Live updates of the whole app (SPEC §4 "Live", docs/api.md "Live streams") against the
 * simulator's own change feed (`GET /operations/stream`, mocks/handlers/streams.ts): a Run's
 * changes arrive by push with no list request, a dropped stream resumes with `Last-Event-ID` and
 * misses nothing, a `reset` re-reads, a malformed event is skipped; with streams answering 404
 * the app polls, and the slow check still finds new Runs. The simulator's clock moves by hand.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { getResponse, http } from 'msw';
import { expect, onTestFinished, test, vi } from 'vitest';
import { streamHandlers } from '../../mocks/handlers/streams';
import { paths } from '../../src/api/contract';
import type * as Polling from '../../src/config/polling';
import { getRunFeed } from '../../src/queries/run-feed';
import { advanceClock, backend, resetBackend, sim } from '../backend';
import { renderApp } from '../render';

// Short intervals, so that polling, were it on, would show within the quiet spells below.
vi.mock('../../src/config/polling', async (importOriginal) => {
  const original = await importOriginal<typeof Polling>();
  return {
    ...original,
    POLL: { ...original.POLL, live: 500, newRuns: 500 },
    STREAM: { ...original.STREAM, batchMs: 50 },
  };
});

const SLOW = { timeout: 10_000 };
const STREAM_URL = `*/api${paths.operationsStream}`;

/**
 * The simulator's change feed, passed through so the test can cut it (as a network drop would)
 * or slip a malformed event in, and see the `Last-Event-ID` of every connection.
 */
function interceptStream() {
  const simStream = streamHandlers({ base: '*/api', sim: () => sim, onChange: () => undefined });
  const cuts = new Set<(extra?: string) => void>();
  const resumeIds: (string | null)[] = [];
  backend.server.use(
    http.get(STREAM_URL, async ({ request }) => {
      resumeIds.push(request.headers.get('last-event-id'));
      const answer = await getResponse(simStream, request);
      if (!answer?.body) throw new Error('the simulator did not answer the stream');
      const reader = answer.body.getReader();
      const encoder = new TextEncoder();
      let cut: ((extra?: string) => void) | null = null;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          cut = (extra) => {
            if (extra) controller.enqueue(encoder.encode(extra));
            cuts.delete(cut ?? (() => undefined));
            void reader.cancel();
            try {
              controller.close();
            } catch {
              // Already closed.
            }
          };
          cuts.add(cut);
        },
        async pull(controller) {
          const { done, value } = await reader.read();
          try {
            if (done) controller.close();
            else controller.enqueue(value);
          } catch {
            // Cut while reading.
          }
        },
        cancel: () => reader.cancel(),
      });
      return new Response(body, { status: answer.status, headers: answer.headers });
    }),
  );
  return {
    resumeIds,
    /** Drops every open connection, after `extra` (half an event, say) when given. */
    drop(extra?: string) {
      for (const cut of [...cuts]) cut(extra);
    },
  };
}

/** Requests from now on for a page of the Runs list, and for one Run's detail. */
function countRequests(): { readonly lists: () => number; readonly details: () => number } {
  let lists = 0;
  let details = 0;
  const listener = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith(paths.operations)) lists += 1;
    else if (/\/operations\/\d+$/.test(path)) details += 1;
  };
  backend.server.events.on('request:start', listener);
  onTestFinished(() => backend.server.events.removeListener('request:start', listener));
  return { lists: () => lists, details: () => details };
}

/** A Run launched on the server (not through the dashboard): its id. */
function launchOnServer(): number {
  const result = sim.launch({ type: 'profile', datastore_id: 1 });
  if (result.status !== 201 && result.status !== 200) throw new Error('launch refused');
  return result.body.id;
}

/** The table row of one Run. */
function rowOf(id: number): HTMLElement {
  const table = screen.getByRole('table', { name: /^Runs/ });
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) }));
  if (!row) throw new Error(`No row for Run #${id}`);
  return row;
}

const rowHeader = (id: number) =>
  screen.queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) });

async function live() {
  await waitFor(() => expect(getRunFeed().status).toBe('live'), SLOW);
}

/** Lets time pass in which nothing should happen (polling would, every 500 ms). */
const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a Run launched on an idle Activity page appears, then becomes Running, from the stream', async () => {
  resetBackend('empty');
  renderApp('/');
  await screen.findByText('No runs yet', {}, SLOW);
  await live();
  const id = launchOnServer();
  advanceClock(0);
  await waitFor(() => expect(rowHeader(id)).toBeVisible(), SLOW);
  expect(rowOf(id)).toHaveTextContent('Queued');
  await quietFor(300);
  const requests = countRequests();
  advanceClock(5_000);
  await waitFor(() => expect(rowOf(id)).toHaveTextContent('Running'), SLOW);
  await quietFor(1_500);
  expect(requests.lists()).toBe(0);
});

test('an active Run on the Activity page changes from the stream; nothing polls meanwhile', async () => {
  renderApp('/');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  await live();
  await quietFor(300);
  const requests = countRequests();
  await quietFor(1_500);
  expect(requests.lists()).toBe(0);
  advanceClock(60 * 60_000);
  await waitFor(() => expect(rowOf(56)).toHaveTextContent(/Success|Failure/), SLOW);
});

test('the open Run follows the stream, and does not poll while nothing changes', async () => {
  renderApp('/runs/56?tab=lifecycle');
  const lifecycle = { name: /^Lifecycle of Run #56 \(Scan\), now (\w+)/ };
  expect(await screen.findByRole('figure', lifecycle, SLOW)).toHaveAccessibleName(/now Running/);
  await live();
  await quietFor(300);
  const requests = countRequests();
  await quietFor(1_500);
  expect(requests.details()).toBe(0);
  advanceClock(60 * 60_000);
  await waitFor(
    () =>
      expect(screen.getByRole('figure', lifecycle)).toHaveAccessibleName(/now (Success|Failure)/),
    SLOW,
  );
});

test('after a dropped stream it resumes with Last-Event-ID and misses nothing', async () => {
  const stream = interceptStream();
  renderApp('/');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  await live();
  // A Run launched while connected, so the client holds an event id to resume after.
  const first = launchOnServer();
  const launchedAt = sim.feed.lastId;
  advanceClock(0);
  await waitFor(() => expect(rowHeader(first)).toBeVisible(), SLOW);
  stream.drop('id: 999999\nevent: run\ndata: {"id": 56, "res');
  await waitFor(() => expect(getRunFeed().status).toBe('reconnecting'), SLOW);
  // While disconnected: a Run launched, one deleted, one started.
  const second = launchOnServer();
  expect(sim.delete(50).status).toBe(204);
  advanceClock(5_000);
  await live();
  // It resumed after the last whole event it had (the cut one's id never counts).
  expect(stream.resumeIds).toHaveLength(2);
  expect(stream.resumeIds[0]).toBeNull();
  expect(Number(stream.resumeIds[1])).toBeGreaterThanOrEqual(launchedAt);
  expect(Number(stream.resumeIds[1])).toBeLessThan(999_999);
  await waitFor(() => expect(rowHeader(second)).toBeVisible(), SLOW);
  await waitFor(() => expect(rowHeader(50)).not.toBeInTheDocument(), SLOW);
});

test('a malformed event is skipped; a reset of the server re-reads the lists', async () => {
  const stream = interceptStream();
  renderApp('/');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  await live();
  stream.drop('id: 1\nevent: run\ndata: {"not": "a run"}\n\nevent: deleted\ndata: [\n\n');
  await live();
  expect(rowHeader(56)).toBeVisible();
  resetBackend('empty');
  expect(await screen.findByText('No runs yet', {}, SLOW)).toBeVisible();
});

test('with streams answering 404, the Activity page polls an active Run to its end', async () => {
  backend.server.use(
    http.get(STREAM_URL, () => new Response('{"detail":"Not Found"}', { status: 404 })),
  );
  renderApp('/');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  await waitFor(() => expect(getRunFeed().status).toBe('unavailable'), SLOW);
  const requests = countRequests();
  advanceClock(60 * 60_000);
  await waitFor(() => expect(rowOf(56)).toHaveTextContent(/Success|Failure/), SLOW);
  expect(requests.lists()).toBeGreaterThan(0);
});

test('with streams answering 404, the slow check finds a Run launched while nothing is active', async () => {
  backend.server.use(
    http.get(STREAM_URL, () => new Response('{"detail":"Not Found"}', { status: 404 })),
  );
  resetBackend('empty');
  renderApp('/');
  await screen.findByText('No runs yet', {}, SLOW);
  await waitFor(() => expect(getRunFeed().status).toBe('unavailable'), SLOW);
  const id = launchOnServer();
  await waitFor(() => expect(rowHeader(id)).toBeVisible(), SLOW);
});
