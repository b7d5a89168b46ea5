/**
 * The transport's own test, the one place that checks request shape: every endpoint's method,
 * path, query and headers, the answers mapped to the dashboard model, and the list query
 * round-tripping through the server's parser. Runs in Node against msw/node (test/api-server.ts)
 * with handlers written here.
 */
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createApiClient } from './client';
import type { ListRunsQuery } from './contract';
import { parseListRunsQuery } from './contract';
import { OPERATION_TYPES } from '../domain/operations';
import { BASE, RUN, client, server, serveDuringTests } from '../../test/api-server';

serveDuringTests();

// ---------------------------------------------------------------------------------------------
// Requests

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

const CONCURRENT = { running: 3, queued: 5 };
const SAMPLE = { time: '2026-11-28T12:00:00.000Z', running: 3, queued: 5 };

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
      if (path === '/operations/concurrency')
        return HttpResponse.json({ worker_limit: 3, now: CONCURRENT, samples: [SAMPLE] });
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
  await client.getConcurrency(24);
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
    'GET /api/operations/concurrency?hours=24',
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
  expect(await client.getConcurrency(24)).toEqual({
    workerLimit: 3,
    now: { running: 3, queued: 5 },
    samples: [{ time: Date.parse('2026-11-28T12:00:00.000Z'), running: 3, queued: 5 }],
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
