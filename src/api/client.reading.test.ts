/**
 * The transport's own test, what it makes of the answers it reads: a page whose envelope fails the
 * contract, imperfect Runs read one by one, a Run of an unknown type or state, and cancellation by
 * an AbortSignal. Runs in Node against msw/node (test/api-server.ts) with handlers written here.
 */
import { delay, http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createApiClient } from './client';
import type { RunWire } from './contract';
import { ApiError, UnrecognisedRunError } from './errors';
import {
  BASE,
  RUN,
  answerRun,
  client,
  failure,
  server,
  serveDuringTests,
} from '../../test/api-server';

serveDuringTests();

// ---------------------------------------------------------------------------------------------
// Answers the client reads, and cancellation

test('a page whose envelope fails the contract is malformed, and the message names the field', async () => {
  server.use(
    http.get(`${BASE}/operations`, () =>
      HttpResponse.json({ items: [RUN], total: -1, page: 1, size: 50, pages: 1 }),
    ),
  );
  const bad = await failure(client.listRuns({ page: 1, size: 50 }));
  expect(bad.kind).toBe('malformed');
  expect(bad.detail).toMatch(/^The API's answer does not match the contract \(total: /);
});

test('a concurrency answer that fails the contract is malformed, naming the field', async () => {
  const sample = { time: 'noon', running: 1, queued: 0 };
  server.use(
    http.get(`${BASE}/operations/concurrency`, () =>
      HttpResponse.json({ worker_limit: null, now: { running: 1, queued: 0 }, samples: [sample] }),
    ),
  );
  const bad = await failure(client.getConcurrency(24));
  expect(bad.kind).toBe('malformed');
  expect(bad.detail).toMatch(/\(samples\.0\.time: /);
});

test('one imperfect Run never hides the others: each is read on its own', async () => {
  const items = [
    RUN,
    { ...RUN, id: 6, created: 'yesterday' },
    { ...RUN, id: 'BEYOND_2_53' },
    { status: RUN.status },
    { ...RUN, id: 7, type: 'sync' },
    { ...RUN, id: 8, result: 'cancelling' },
    { ...RUN, id: 9, type: 'vacuum' },
    {
      ...RUN,
      id: 10,
      schedule: 'nightly',
      status: { total_containers: 4, containers_analyzed: 15, records_processed: -5 },
    },
  ];
  server.use(
    http.get(
      `${BASE}/operations`,
      () =>
        // An id past 2^53, written as the server's JSON text has it (no JS number can hold it).
        new HttpResponse(
          JSON.stringify({ items, total: 8, page: 1, size: 50, pages: 1 }).replace(
            '"BEYOND_2_53"',
            '9007199254740993',
          ),
          { headers: { 'Content-Type': 'application/json' } },
        ),
    ),
  );
  const page = await client.listRuns({ page: 1, size: 50 });
  expect(page.items.map((r) => r.id)).toEqual([5, 7, 10]);
  expect(page.items[1]?.type).toBe('catalog'); // `sync` is Sync's newer name
  const clamped = page.items[2];
  expect(clamped?.progress).toEqual({ processed: 4, total: 4 });
  expect(clamped?.recordsProcessed).toBe(0);
  expect(clamped?.schedule).toBeNull();
  expect(clamped?.issues).toEqual([
    'schedule “nightly” could not be read',
    'records_processed “-5” is not a count: shown as 0',
    'the API reported 15 analyzed of 4: shown as 4 of 4',
  ]);
  expect(page.rejected).toEqual([
    { index: 1, kind: 'invalid', id: 6, problem: 'its creation time “yesterday” is not a date' },
    {
      index: 2,
      kind: 'invalid',
      id: null,
      problem: 'its id 9007199254740992 is beyond 2^53 and cannot be shown exactly',
    },
    { index: 3, kind: 'invalid', id: null, problem: 'an item without an id' },
    expect.objectContaining({
      index: 5,
      kind: 'unrecognised',
      run: expect.objectContaining({ id: 8, stateText: 'cancelling', state: null, type: 'scan' }),
    }),
    expect.objectContaining({
      index: 6,
      kind: 'unrecognised',
      run: expect.objectContaining({ id: 9, typeText: 'vacuum', type: null }),
    }),
  ]);
});

test('one Run of an unknown type or state is an error that still says what it is', async () => {
  answerRun(() => HttpResponse.json({ ...RUN, result: 'cancelling' }));
  const odd = await failure(client.getRun(5));
  expect(odd).toBeInstanceOf(UnrecognisedRunError);
  expect(odd.detail).toBe(
    'Run #5 is a “scan” Run in the state “cancelling”, which this dashboard does not know, so it offers no actions for it',
  );
  const withoutStatus: Partial<RunWire> = { ...RUN };
  delete withoutStatus.status;
  answerRun(() => HttpResponse.json(withoutStatus));
  const run = await client.getRun(5);
  expect(run.progress).toEqual({ processed: 0, total: 0 });
  expect(run.issues).toEqual(['status could not be read: its counters are shown as 0']);
});

test('an AbortSignal cancels the request with an AbortError, not an ApiError', async () => {
  answerRun(async () => {
    await delay('infinite');
    return HttpResponse.json(RUN);
  });
  const controller = new AbortController();
  const pending = client.getRun(5, controller.signal);
  controller.abort();
  const error = await pending.catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ name: 'AbortError' });

  const early = await client.getRun(5, AbortSignal.abort()).catch((e: unknown) => e);
  expect(early).toMatchObject({ name: 'AbortError' });

  // Aborted while the body streams in (real fetch then fails the body read with the reason):
  // a cancellation too, not a malformed answer.
  const streamingClient = createApiClient({
    baseUrl: BASE,
    fetch: async (_input, init) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id": 5,'));
            init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
          },
        }),
        { headers: { 'Content-Type': 'application/json' } },
      ),
  });
  const midway = new AbortController();
  const streaming = streamingClient.getRun(5, midway.signal);
  await delay(10);
  midway.abort();
  expect(await streaming.catch((e: unknown) => e)).toMatchObject({ name: 'AbortError' });

  // Aborted with a reason of its own: still a cancellation, never "Cannot reach the API".
  const reason = new Error('the view was left');
  const withReason = new AbortController();
  const leaving = client.getRun(5, withReason.signal);
  withReason.abort(reason);
  expect(await leaving.catch((e: unknown) => e)).toBe(reason);
});
