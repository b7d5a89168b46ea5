/**
 * The transport's own test (the one place that checks request shape): every endpoint's method,
 * path, query and headers, and every failure kind as a typed ApiError with a human message.
 * Runs in Node against msw/node with handlers written here.
 */
import fc from 'fast-check';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createApiClient } from './client';
import type { ListRunsQuery, RunWire } from './contract';
import { parseListRunsQuery } from './contract';
import { ApiError, UnrecognisedRunError, isApiError } from './errors';
import { OPERATION_TYPES } from '../domain/operations';

const BASE = 'http://api.test/api';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = createApiClient({ baseUrl: BASE });

const RUN: RunWire = {
  id: 5,
  type: 'scan',
  result: 'running',
  created: '2026-11-28T11:50:00.000Z',
  start_time: '2026-11-28T11:50:02.000Z',
  end_time: null,
  triggered_by: 'ada@example.com',
  schedule: null,
  datastore: { id: 1, name: 'Sales Warehouse', type: 'Snowflake' },
  message: null,
  tags: [],
  status: { total_containers: 14, containers_analyzed: 4, records_processed: 1200 },
};

/** The rejection of a call, which must be an ApiError. */
async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Answers GET /operations/5 with this response. */
function answerRun(response: () => Response | Promise<Response>) {
  server.use(http.get(`${BASE}/operations/5`, response));
}

// ---------------------------------------------------------------------------------------------
// Failures

test.each([
  [400, 'size: Too big: expected number to be <=100', 'The request was not accepted'],
  [403, 'You need the Editor permission on Sales Warehouse', 'Not permitted'],
  [404, 'Run #5 does not exist or was deleted', 'Not found'],
  [
    409,
    'Run #5 is Running: Delete is available once the Run has finished',
    'Not possible in the current state',
  ],
])('%i with a detail becomes an http ApiError with that detail', async (status, detail, title) => {
  answerRun(() => HttpResponse.json({ detail }, { status }));
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    name: 'ApiError',
    kind: 'http',
    status,
    detail,
    title,
    fromApi: true,
    retryable: false,
    method: 'GET',
    url: `${BASE}/operations/5`,
  });
  expect(error.message).toBe(`GET ${BASE}/operations/5: ${detail}`);
  expect(isApiError(error)).toBe(true);
  expect(error.fromApi).toBe(true);
});

test('FastAPI-style validation details become one readable sentence naming the fields', async () => {
  answerRun(() =>
    HttpResponse.json(
      {
        detail: [
          {
            loc: ['query', 'size'],
            msg: 'ensure this value is less than or equal to 100',
            type: 'x',
          },
          { loc: ['body', 'datastore_id'], msg: 'field required', type: 'y' },
        ],
      },
      { status: 422 },
    ),
  );
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({ kind: 'http', status: 422, fromApi: true, retryable: false });
  expect(error.detail).toBe(
    'size: ensure this value is less than or equal to 100; datastore_id: field required',
  );
});

test('an error body without a usable detail still gives a human message', async () => {
  for (const body of [{ detail: null }, { detail: '' }, { detail: [] }]) {
    answerRun(() => HttpResponse.json(body, { status: 500 }));
    const error = await failure(client.getRun(5));
    expect(error).toMatchObject({ status: 500, fromApi: true, retryable: true });
    expect(error.detail, JSON.stringify(body)).toBe('The API answered 500 Internal Server Error');
  }
  answerRun(() => HttpResponse.json({ detail: { code: 'E42', reason: 'busy' } }, { status: 503 }));
  expect((await failure(client.getRun(5))).detail).toBe('{"code":"E42","reason":"busy"}');
  // JSON without `detail` is not the API's error shape: a proxy or gateway answered.
  for (const body of [{}, { message: 'Internal server error' }]) {
    answerRun(() => HttpResponse.json(body, { status: 500 }));
    const error = await failure(client.getRun(5));
    expect(error).toMatchObject({ status: 500, fromApi: false, title: 'Cannot reach the API' });
    expect(error.detail).toMatch(/the address answered 500 Internal Server Error/);
  }
});

test('a 5xx from the API can be retried', async () => {
  answerRun(() => HttpResponse.json({ detail: 'The worker pool is restarting' }, { status: 503 }));
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'http',
    status: 503,
    detail: 'The worker pool is restarting',
    title: 'The API failed',
    fromApi: true,
    retryable: true,
  });
});

test('network down: a network ApiError with status 0 that names the API address', async () => {
  answerRun(() => HttpResponse.error());
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'network',
    status: 0,
    detail: `Cannot reach the API at ${BASE}`,
    title: 'Cannot reach the API',
    fromApi: false,
    retryable: true,
  });
  expect(error.fromApi).toBe(false);
});

test('an HTML page instead of JSON (a static server answering 200) is not the API', async () => {
  answerRun(() =>
    HttpResponse.html('<!doctype html><html><body><div id="root"></div></body></html>'),
  );
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'malformed',
    status: 200,
    title: 'Cannot reach the API',
    fromApi: false,
    retryable: true,
  });
  expect(error.detail).toBe(
    `Cannot reach the API at ${BASE}: it answered with an HTML page instead of JSON (is the API address configured?)`,
  );
  // Without a content type, the markup itself gives it away.
  answerRun(() => new HttpResponse('<html><body>Hello</body></html>', { status: 200 }));
  expect((await failure(client.getRun(5))).kind).toBe('malformed');
});

test('an HTML 404 or 502 page is reported as no API there, not as a missing Run', async () => {
  answerRun(() => HttpResponse.html('<html><h1>404 Not Found</h1></html>', { status: 404 }));
  const notFound = await failure(client.getRun(5));
  expect(notFound).toMatchObject({
    kind: 'http',
    status: 404,
    fromApi: false,
    title: 'Cannot reach the API',
    retryable: true,
  });
  expect(notFound.detail).toBe(
    `Cannot reach the API at ${BASE}: the address answered 404 Not Found with an HTML page (is the API address configured?)`,
  );
  answerRun(() => new HttpResponse('upstream connect error', { status: 502 }));
  const gateway = await failure(client.getRun(5));
  expect(gateway).toMatchObject({ status: 502, fromApi: false, title: 'Cannot reach the API' });
  expect(gateway.detail).toMatch(/answered 502 Bad Gateway with no JSON error/);
});

test('an answer that is not JSON at all is malformed', async () => {
  answerRun(() => HttpResponse.text('OK'));
  const error = await failure(client.getRun(5));
  expect(error).toMatchObject({
    kind: 'malformed',
    status: 200,
    detail: 'The API answered with something that is not JSON',
    title: 'The API gave an answer the dashboard cannot read',
    fromApi: true,
    retryable: true,
  });
});

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

// ---------------------------------------------------------------------------------------------
// Requests

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** Records every request and answers it as the endpoint would. */
function record(): Seen[] {
  const seen: Seen[] = [];
  const clock = { now: '2026-11-28T12:00:00.000Z', paused: false, speed: 1 };
  const user = { email: 'ada@example.com', role: 'Member', permissions: { '1': 'Editor' } };
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const url = new URL(request.url);
      seen.push({
        method: request.method,
        url,
        headers: request.headers,
        body: await request.text(),
      });
      const path = url.pathname.replace('/api', '');
      if (request.method === 'DELETE' || path === '/__sim/reset')
        return new HttpResponse(null, { status: 204 });
      if (path === '/operations')
        return HttpResponse.json({ items: [RUN], total: 1, page: 1, size: 50, pages: 1 });
      if (path.endsWith('/logs'))
        return HttpResponse.json({ entries: [], next_after: 10, complete: false });
      if (path === '/operations/activity')
        return HttpResponse.json([{ date: '2026-11-28', count: 3 }]);
      if (path === '/datastores')
        return HttpResponse.json([{ id: 1, name: 'Sales', type: 'Snowflake' }]);
      if (path === '/users/me' || path === '/__sim/user') return HttpResponse.json(user);
      if (path === '/__sim/clock') return HttpResponse.json(clock);
      return HttpResponse.json(RUN, { status: request.method === 'GET' ? 200 : 201 });
    }),
  );
  return seen;
}

const shape = (s: Seen) =>
  `${s.method} ${s.url.pathname}${s.url.search}${s.body ? ` ${s.body}` : ''}`;

test('one request per endpoint, with the method, path, query and body of SPEC §3', async () => {
  const seen = record();
  await client.listRuns({ page: 2, size: 25, operation_type: ['scan'] });
  await client.getRun(5);
  await client.abortRun(5);
  await client.resumeRun(5);
  await client.rerunRun(5);
  await expect(client.deleteRun(5)).resolves.toBeUndefined();
  await client.getLogs(5, { after: 10 });
  await client.getLogs(5, { after: 0, container: 1003 });
  await client.getActivity({ startDate: '2026-10-29', endDate: '2026-11-28' });
  await client.listDatastores();
  await client.getMe();
  await client.launchRun({ type: 'promote', datastore_id: 2 });
  await client.simReset({ scenario: 'busy', seed: 7 });
  await client.simClock({ advance_ms: 1000 });
  await client.getSimClock();
  await client.simUser({ role: 'Admin' });
  expect(seen.map(shape)).toEqual([
    'GET /api/operations?page=2&size=25&operation_type=scan',
    'GET /api/operations/5',
    'PUT /api/operations/abort/5',
    'PUT /api/operations/resume/5',
    'PUT /api/operations/rerun/5',
    'DELETE /api/operations/5',
    'GET /api/operations/5/logs?after=10',
    'GET /api/operations/5/logs?after=0&container=1003',
    'GET /api/operations/activity?start_date=2026-10-29&end_date=2026-11-28',
    'GET /api/datastores',
    'GET /api/users/me',
    'POST /api/operations/run {"type":"promote","datastore_id":2}',
    'POST /api/__sim/reset {"scenario":"busy","seed":7}',
    'POST /api/__sim/clock {"advance_ms":1000}',
    'GET /api/__sim/clock',
    'PUT /api/__sim/user {"role":"Admin"}',
  ]);
  for (const s of seen) {
    expect(s.headers.get('accept')).toBe('application/json');
    expect(s.headers.get('content-type')).toBe(s.body ? 'application/json' : null);
    expect(s.headers.get('authorization')).toBeNull();
  }
});

test('the answers are mapped to the dashboard model', async () => {
  record();
  // A SPEC §3 answer: no `total` (null) and no `prev_before` (absent).
  expect(await client.getLogs(5, { after: 0 })).toEqual({
    entries: [],
    nextAfter: 10,
    complete: false,
    total: null,
  });
  expect(await client.getSimClock()).toEqual({
    now: Date.parse('2026-11-28T12:00:00.000Z'),
    paused: false,
    speed: 1,
  });
  const page = await client.listRuns({ page: 1, size: 50 });
  expect(page).toMatchObject({ total: 1, page: 1, size: 50, pages: 1 });
  expect(page.items[0]).toMatchObject({
    id: 5,
    state: 'running',
    progress: { processed: 4, total: 14 },
  });
});

test('the bearer token is sent when configured', async () => {
  const seen = record();
  await createApiClient({ baseUrl: BASE, token: 's3cret' }).getMe();
  await createApiClient({ baseUrl: BASE, token: null }).getMe();
  await createApiClient({ baseUrl: BASE, token: '' }).getMe();
  expect(seen.map((s) => s.headers.get('authorization'))).toEqual(['Bearer s3cret', null, null]);
});

test('the base URL is joined without doubled or missing slashes', async () => {
  const seen = record();
  for (const base of [BASE, `${BASE}/`, `${BASE}///`]) {
    const c = createApiClient({ baseUrl: base });
    expect(c.baseUrl).toBe(BASE);
    await c.getRun(5);
  }
  server.use(http.get('http://gateway.test/dq/v2/api/operations/5', () => HttpResponse.json(RUN)));
  const prefixed = createApiClient({ baseUrl: 'http://gateway.test/dq/v2/api/' });
  expect((await prefixed.getRun(5)).id).toBe(5);
  expect(seen.map((s) => s.url.href)).toEqual(Array(3).fill(`${BASE}/operations/5`));
});

test('a custom fetch is used when given', async () => {
  const calls: string[] = [];
  const custom = createApiClient({
    baseUrl: 'http://nowhere.test/api',
    fetch: async (input) => {
      calls.push(String(input));
      return HttpResponse.json(RUN);
    },
  });
  expect((await custom.getRun(5)).id).toBe(5);
  expect(calls).toEqual(['http://nowhere.test/api/operations/5']);
});

// ---------------------------------------------------------------------------------------------
// The list query: what the client sends is what the server parses

const listQueryArb: fc.Arbitrary<ListRunsQuery> = fc.record(
  {
    page: fc.integer({ min: 1, max: 500 }),
    size: fc.integer({ min: 1, max: 100 }),
    operation_type: fc.uniqueArray(fc.constantFrom(...OPERATION_TYPES), { maxLength: 7 }),
    result: fc.uniqueArray(
      fc.constantFrom('queued', 'running', 'success', 'failure', 'aborted' as const),
      {
        maxLength: 5,
      },
    ),
    datastore: fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 4 }),
    has_logs: fc.boolean(),
    finished: fc.boolean(),
    id: fc.integer({ min: 0, max: 1_000_000 }),
    start_date: fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    end_date: fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    sort_created: fc.constantFrom('asc', 'desc' as const),
    sort_duration: fc.constantFrom('asc', 'desc' as const),
  },
  { requiredKeys: ['page', 'size'] },
);

test('list queries round-trip: the client serialises what parseListRunsQuery reads back', async () => {
  let parsed: ReturnType<typeof parseListRunsQuery> | null = null;
  server.use(
    http.get(`${BASE}/operations`, ({ request }) => {
      parsed = parseListRunsQuery(new URL(request.url).searchParams);
      return HttpResponse.json({ items: [], total: 0, page: 1, size: 1, pages: 0 });
    }),
  );
  await fc.assert(
    fc.asyncProperty(listQueryArb, async (query) => {
      await client.listRuns(query);
      expect(parsed).toEqual({
        ok: true,
        query: { operation_type: [], result: [], datastore: [], ...query },
      });
    }),
    { numRuns: 100 },
  );
});
