/**
 * Live updates of the whole app (SPEC §4 "Live"): with the Run-change stream, a Run launched on
 * the server appears on an idle Activity page, changes arrive without re-reading the list, a
 * deletion elsewhere removes the row, and a failed stream gives way to polling; without a
 * stream, the slow check still finds new Runs. The stream is an MSW handler of this file, fed by
 * hand from the simulator's own Runs (the simulator's streams come with their own tests).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { expect, test, vi } from 'vitest';
import { paths } from '../../src/api/contract';
import type * as Polling from '../../src/config/polling';
import { getRunFeed } from '../../src/queries/run-feed';
import { advanceClock, backend, resetBackend, sim } from '../backend';
import { renderApp } from '../render';

// Short intervals, so the journeys take a second, not a minute.
vi.mock('../../src/config/polling', async (importOriginal) => {
  const original = await importOriginal<typeof Polling>();
  return {
    ...original,
    POLL: { ...original.POLL, live: 500, newRuns: 500 },
    STREAM: { ...original.STREAM, batchMs: 50 },
  };
});

const SLOW = { timeout: 5_000 };

/** `GET /operations/stream` as an open SSE answer the test writes events to. */
function serveStream() {
  const open = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const encoder = new TextEncoder();
  let nextId = 1;
  let answer: (() => Response) | null = null;
  backend.server.use(
    http.get(`*/api${paths.operationsStream}`, ({ request }) => {
      if (answer) return answer();
      let self: ReadableStreamDefaultController<Uint8Array> | null = null;
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => {
          self = controller;
          open.add(controller);
        },
        cancel: () => {
          if (self) open.delete(self);
        },
      });
      request.signal.addEventListener('abort', () => {
        if (self) open.delete(self);
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    }),
  );
  return {
    send(event: 'run' | 'deleted', data: unknown) {
      const text = `id: ${nextId++}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const controller of open) controller.enqueue(encoder.encode(text));
    },
    /** Drops every open stream; from now on the server has none (404). */
    goAway() {
      answer = () => new Response('{"detail":"Not Found"}', { status: 404 });
      for (const controller of open) controller.close();
      open.clear();
    },
  };
}

/** Every request for a page of the Runs list from now on. */
function listRequests(): { readonly count: () => number } {
  let count = 0;
  backend.server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith(paths.operations)) count += 1;
  });
  return { count: () => count };
}

/** A Run launched on the server (not through the dashboard): its id. */
function launchOnServer(): number {
  const result = sim.launch({ type: 'profile', datastore_id: 1 });
  if (result.status !== 201 && result.status !== 200) throw new Error('launch refused');
  return result.body.id;
}

const listShape = (id: number) => {
  const run = sim.runs.get(id);
  if (!run) throw new Error(`no Run #${id}`);
  return sim.toWire(run, false);
};

const rowHeader = (id: number) =>
  screen.queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) });

/** The table row of one Run. */
function rowOf(id: number): HTMLElement {
  const table = screen.getByRole('table', { name: /^Runs/ });
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name: new RegExp(`^#${id}(?!\\d)`) }));
  if (!row) throw new Error(`No row for Run #${id}`);
  return row;
}

async function live() {
  await waitFor(() => expect(getRunFeed().status).toBe('live'), SLOW);
}

/** Lets time pass in which nothing should happen (polling would, every 500 ms). */
const quietFor = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

test('with the stream, a Run launched on the server appears on an idle Activity page by itself', async () => {
  resetBackend('empty');
  const stream = serveStream();
  renderApp('/');
  await screen.findByText('No runs yet', {}, SLOW);
  await live();
  const id = launchOnServer();
  stream.send('run', listShape(id));
  const table = await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  expect(within(table).getByRole('rowheader', { name: new RegExp(`^#${id}`) })).toBeVisible();
});

test('with the stream, a change on screen arrives without a list request, and nothing polls', async () => {
  const stream = serveStream();
  renderApp('/');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  await live();
  await quietFor(300);
  const lists = listRequests();
  // The simulator still says 7 of 14: only the stream says 8, so a list request would undo it.
  const wire = listShape(56);
  stream.send('run', { ...wire, status: { ...wire.status, containers_analyzed: 8 } });
  const row = rowOf(56);
  expect(await within(row).findByText('8 / 14 Tables', {}, SLOW)).toBeVisible();
  await quietFor(1_500);
  expect(within(row).getByText('8 / 14 Tables')).toBeVisible();
  expect(lists.count()).toBe(0);
});

test('with the stream, a Run deleted elsewhere leaves the table', async () => {
  const stream = serveStream();
  renderApp('/');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  await live();
  expect(rowHeader(50)).toBeVisible();
  expect(sim.delete(50).status).toBe(204);
  stream.send('deleted', { id: 50 });
  await waitFor(() => expect(rowHeader(50)).not.toBeInTheDocument(), SLOW);
});

test('when the stream goes away, polling takes over again', async () => {
  const stream = serveStream();
  renderApp('/');
  await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  await live();
  stream.goAway();
  await waitFor(() => expect(getRunFeed().status).toBe('unavailable'), SLOW);
  advanceClock(60 * 60_000);
  await waitFor(() => expect(rowOf(56)).toHaveTextContent(/Success|Failure/), SLOW);
});

test('without a stream, the slow check finds a Run launched while nothing on screen is active', async () => {
  resetBackend('empty');
  renderApp('/');
  await screen.findByText('No runs yet', {}, SLOW);
  await waitFor(() => expect(getRunFeed().status).toBe('unavailable'), SLOW);
  const id = launchOnServer();
  const table = await screen.findByRole('table', { name: /^Runs/ }, SLOW);
  expect(within(table).getByRole('rowheader', { name: new RegExp(`^#${id}`) })).toBeVisible();
});
