/**
 * The simulator over HTTP: the MSW handlers (the same ones the browser worker uses) answered by
 * msw/node, called with fetch and with the typed client. Checks the status codes and `{ detail }`
 * bodies of bad requests, and that every answer passes the client's schemas.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../src/api/client';
import { logPageSchema, logSearchSchema } from '../../src/api/contract';
import { ApiError } from '../../src/api/errors';
import { VirtualClock } from '../engine/clock';
import { createTestBackend } from '../node';
import { TEST_EPOCH } from '../simulator';

const BASE = 'http://sim.test/api';
const { sim, server } = createTestBackend();
const client = createApiClient({ baseUrl: BASE });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  sim.clock = VirtualClock.manual(TEST_EPOCH);
  sim.reset('default', 42);
});
afterAll(() => server.close());

async function call(
  method: string,
  path: string,
  body?: string | object,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/** A 400 whose `detail` matches. */
async function expect400(
  method: string,
  path: string,
  body: string | object | undefined,
  detail: RegExp,
) {
  const answer = await call(method, path, body);
  expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
  expect((answer.json as { detail: string }).detail).toMatch(detail);
}

// ---------------------------------------------------------------------------------------------
// The __sim control surface (SPEC §6)

test('reset answers 204 and switches scenario and seed', async () => {
  expect(await call('POST', '/__sim/reset', { scenario: 'empty' })).toEqual({
    status: 204,
    json: null,
  });
  expect(sim.runs.size).toBe(0);
  expect(await call('POST', '/__sim/reset', { scenario: 'default', seed: 7 })).toMatchObject({
    status: 204,
  });
  expect(sim.seed).toBe(7);
  expect(sim.runs.size).toBeGreaterThan(50);
  // An empty body means the default scenario with the default seed.
  expect((await call('POST', '/__sim/reset')).status).toBe(204);
  expect(sim).toMatchObject({ scenario: 'default', seed: 42 });
});

test('reset refuses unknown scenarios and malformed bodies with 400 and a message', async () => {
  const before = JSON.stringify(sim.snapshot());
  await expect400('POST', '/__sim/reset', { scenario: 'chaos' }, /^scenario: .*"default"/);
  await expect400('POST', '/__sim/reset', '{"scenario": ', /The body must be JSON/);
  await expect400('POST', '/__sim/reset', '[]', /expected object/);
  await expect400('POST', '/__sim/reset', { seed: -1 }, /^seed: /);
  await expect400('POST', '/__sim/reset', { seed: 'abc' }, /^seed: /);
  await expect400('POST', '/__sim/reset', { scenerio: 'empty' }, /scenerio/);
  expect(JSON.stringify(sim.snapshot())).toBe(before);
});

test('the clock control advances, pauses and sets the speed; bad bodies answer 400', async () => {
  const moved = await call('POST', '/__sim/clock', { advance_ms: 60_000 });
  expect(moved).toEqual({
    status: 200,
    json: { now: new Date(TEST_EPOCH + 60_000).toISOString(), paused: false, speed: 1 },
  });
  expect((await call('POST', '/__sim/clock', { paused: true, speed: 10 })).json).toMatchObject({
    paused: true,
    speed: 10,
  });
  expect((await call('GET', '/__sim/clock')).json).toMatchObject({ paused: true, speed: 10 });
  await expect400('POST', '/__sim/clock', { advance_ms: -5 }, /^advance_ms: /);
  await expect400('POST', '/__sim/clock', { advance_ms: '1h' }, /^advance_ms: /);
  await expect400('POST', '/__sim/clock', { speed: 0 }, /^speed: /);
  await expect400('POST', '/__sim/clock', { paused: 'yes' }, /^paused: /);
  await expect400('POST', '/__sim/clock', 'soon', /The body must be JSON/);
  expect(sim.now()).toBe(TEST_EPOCH + 60_000);
});

test('the user control switches the acting user; bad bodies answer 400', async () => {
  const viewer = await call('PUT', '/__sim/user', { role: 'Member', permission: 'Viewer' });
  expect(viewer.status).toBe(200);
  expect(viewer.json).toMatchObject({ role: 'Member', permissions: { '1': 'Viewer' } });
  expect((await call('GET', '/users/me')).json).toEqual(viewer.json);
  await expect400('PUT', '/__sim/user', { role: 'Root' }, /^role: /);
  await expect400('PUT', '/__sim/user', { permission: 'Editor' }, /^role: /);
  await expect400('PUT', '/__sim/user', { role: 'Member', permission: 'Owner' }, /^permission: /);
  await expect400('PUT', '/__sim/user', '{role: Admin}', /The body must be JSON/);
  expect(sim.user.role).toBe('Member');
});

// ---------------------------------------------------------------------------------------------
// The operations API (SPEC §3): bad requests and errors

test('a bad list query answers 400 naming the parameter', async () => {
  await expect400('GET', '/operations?size=500', undefined, /^size: /);
  await expect400('GET', '/operations?page=0', undefined, /^page: /);
  await expect400('GET', '/operations?operation_type=sync', undefined, /^operation_type\.0: /);
  await expect400('GET', '/operations?result=done', undefined, /^result\.0: /);
  await expect400('GET', '/operations?datastore=one', undefined, /^datastore\.0: /);
  await expect400('GET', '/operations?has_logs=yes', undefined, /^has_logs: /);
  await expect400('GET', '/operations?start_date=2026-02-30', undefined, /^start_date: /);
  await expect400('GET', '/operations?sort_created=newest', undefined, /^sort_created: /);
});

test('bad ids, cursors, dates and launch bodies answer 400; unknown Runs 404', async () => {
  await expect400('GET', '/operations/abc', undefined, /whole number/);
  await expect400('PUT', '/operations/abort/1.5', undefined, /whole number/);
  await expect400('GET', '/operations/56/logs?after=-1', undefined, /^after must be/);
  await expect400('GET', '/operations/56/logs?container=orders', undefined, /^container must be/);
  await expect400('GET', '/operations/activity', undefined, /start_date and end_date/);
  await expect400(
    'GET',
    '/operations/activity?start_date=2026-11-30&end_date=2026-11-01',
    undefined,
    /start_date ≤ end_date/,
  );
  await expect400('GET', '/operations/concurrency?hours=0', undefined, /^hours must be/);
  await expect400('GET', '/operations/concurrency?hours=169', undefined, /from 1 to 168$/);
  await expect400('POST', '/operations/run', '{', /The body must be JSON/);
  await expect400('POST', '/operations/run', { type: 'scan' }, /^datastore_id: /);
  await expect400('POST', '/operations/run', { type: 'vacuum', datastore_id: 1 }, /^type: /);

  const missing = await call('GET', '/operations/9999');
  expect(missing).toEqual({
    status: 404,
    json: { detail: 'Run #9999 does not exist or was deleted' },
  });
  expect((await call('PUT', '/operations/resume/9999')).status).toBe(404);
  expect((await call('DELETE', '/operations/9999')).status).toBe(404);
});

test('actions over HTTP: 201 for a relaunch, 409 for an invalid state, 204 for a delete', async () => {
  const launched = await call('POST', '/operations/run', { type: 'scan', datastore_id: 2 });
  expect(launched.status).toBe(201);
  const id = (launched.json as { id: number }).id;
  const refused = await call('DELETE', `/operations/${id}`);
  expect(refused.status).toBe(409);
  expect((refused.json as { detail: string }).detail).toBe(
    `Run #${id} is Queued: Delete is available once the Run has finished`,
  );
  expect((await call('PUT', `/operations/abort/${id}`)).json).toMatchObject({ result: 'aborted' });
  expect((await call('PUT', `/operations/rerun/${id}`)).status).toBe(201);
  expect((await call('PUT', `/operations/resume/${id}`)).status).toBe(201);
  expect(await call('DELETE', `/operations/${id}`)).toEqual({ status: 204, json: null });
  expect((await call('GET', `/operations/${id}`)).status).toBe(404);
});

// ---------------------------------------------------------------------------------------------
// Logs of any size and live streams (docs/api.md "Logs", "Live streams")

test('a bad log query answers 400 naming the parameter', async () => {
  const logs = '/operations/56/logs';
  await expect400(
    'GET',
    `${logs}?tail=5&after=3`,
    undefined,
    /^tail cannot be combined with after/,
  );
  await expect400('GET', `${logs}?q=x&line=2`, undefined, /^q cannot be combined with line/);
  await expect400(
    'GET',
    `${logs}?tail=1001`,
    undefined,
    /^tail must be a whole number from 1 to 1000/,
  );
  await expect400('GET', `${logs}?tail=0`, undefined, /^tail must be/);
  await expect400('GET', `${logs}?line=0`, undefined, /^line must be a line number/);
  await expect400('GET', `${logs}?before=-3`, undefined, /^before must be a whole number/);
  await expect400(
    'GET',
    `${logs}?limit=10001`,
    undefined,
    /^limit must be a whole number from 1 to 10000/,
  );
  await expect400('GET', `${logs}?line=3&limit=1.5`, undefined, /^limit must be/);
  await expect400('GET', `${logs}?tail=5&limit=10`, undefined, /^limit does not apply to tail/);
  await expect400('GET', `${logs}?q=`, undefined, /^q must be the text to search for/);
  expect((await call('GET', '/operations/9999/logs?tail=5')).status).toBe(404);
});

test('each form of the log query answers in the shape of the contract', async () => {
  sim.clock.advance(5 * 60_000);
  const page = async (query: string) => {
    const answer = await call('GET', `/operations/56/logs?${query}`);
    expect(answer.status, query).toBe(200);
    return logPageSchema.parse(answer.json);
  };
  const tail = await page('tail=3');
  const total = tail.total ?? 0;
  expect(tail.entries.map((e) => e.line)).toEqual([total - 2, total - 1, total]);
  const back = await page(`before=${tail.prev_before ?? 0}&limit=2`);
  expect(back.entries.at(-1)?.line).toBe((tail.entries[0]?.line ?? 0) - 1);
  const line = await page('line=2&limit=10000');
  expect(line.entries[0]?.line).toBe(2);
  expect((await page('after=0&limit=2')).entries).toHaveLength(2);
  const search = await call('GET', '/operations/56/logs?q=PROCESSING');
  expect(logSearchSchema.parse(search.json).lines.length).toBeGreaterThan(0);
});

test('the streams answer an uncached event stream; an unknown Run 404', async () => {
  for (const path of ['/operations/stream', '/operations/56/logs/stream']) {
    const controller = new AbortController();
    const response = await fetch(`${BASE}${path}`, { signal: controller.signal });
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    controller.abort();
  }
  expect((await call('GET', '/operations/9999/logs/stream')).status).toBe(404);
});

// ---------------------------------------------------------------------------------------------
// The simulator honours the client's contract

test('every answer of the simulator passes the typed client and its schemas', async () => {
  sim.clock.advance(5 * 60_000);
  const seen: number[] = [];
  for (let page = 1; ; page++) {
    const answer = await client.listRuns({ page, size: 25 });
    seen.push(...answer.items.map((r) => r.id));
    if (page >= answer.pages) break;
  }
  expect(seen).toHaveLength(sim.runs.size);
  for (const id of seen) {
    const run = await client.getRun(id);
    expect(run.id).toBe(id);
    const logs = await client.getLogs(id, { after: 0 });
    expect(logs.entries.length).toBeGreaterThan(0);
    for (const c of run.containerResults ?? []) {
      await client.getLogs(id, { after: 0, container: c.container.id });
    }
  }
  expect(await client.getActivity({ startDate: '2026-10-29', endDate: '2026-11-28' })).toHaveLength(
    31,
  );
  // Not read as a Run id by `/operations/{id}`.
  const concurrency = await client.getConcurrency(24);
  expect(concurrency).toMatchObject({ workerLimit: 3, now: { running: 3, queued: 3 } });
  expect(concurrency.samples).toHaveLength(97);
  expect(concurrency.samples.at(-1)?.time).toBe(sim.now());
  expect((await client.listDatastores()).length).toBeGreaterThan(0);
  expect((await client.getMe()).email).toBe('ada@example.com');
  const launched = await client.launchRun({ type: 'promote', datastore_id: 1 });
  expect(launched.state).toBe('running');
  expect((await client.abortRun(launched.id)).state).toBe('aborted');
  expect((await client.resumeRun(launched.id)).relaunch).toBe('resume');
  expect((await client.rerunRun(launched.id)).relaunch).toBe('rerun');
  await client.deleteRun(launched.id);
  await client.simReset({ scenario: 'empty' });
  expect((await client.simClock({ advance_ms: 1_000 })).now).toBe(sim.now());
  expect((await client.getSimClock()).paused).toBe(false);
  expect((await client.simUser({ role: 'Admin' })).role).toBe('Admin');
});

test('the client turns the simulator refusals into ApiErrors with their detail', async () => {
  await client.simUser({ role: 'Member', permission: 'Viewer' });
  const error = await client.abortRun(56).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({
    kind: 'http',
    status: 403,
    detail: 'You need the Editor permission on Sales Warehouse to abort Run #56',
    title: 'Not permitted',
    fromApi: true,
    retryable: false,
  });
});
