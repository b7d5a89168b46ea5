/**
 * Fault injection (docs/api.md, SPEC §6 `flaky`) through msw/node, with fetch and the typed
 * client. Slow answers wait through an injected sleep that only records how long it was asked to
 * wait, so nothing here waits for real.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { createApiClient } from '../../src/api/client';
import { ApiError } from '../../src/api/errors';
import { VirtualClock } from '../engine/clock';
import type { Fault } from '../service/faults';
import { Simulator, TEST_EPOCH } from '../simulator';
import { createHandlers } from './all';
import type { HandlerContext } from './context';
import { faultHandlers, sleep } from './faults';

const BASE = 'http://sim.test/api';
const sim = new Simulator({ clock: VirtualClock.manual(TEST_EPOCH) });
const waits: number[] = [];
const context: HandlerContext = {
  base: '*/api',
  sim: () => sim,
  onChange: () => undefined,
  sleep: async (ms) => {
    waits.push(ms);
  },
};
const streamed = new TextEncoder();
const server = setupServer(
  ...createHandlers(context),
  // A stand-in event stream (the simulator's own streams live elsewhere), behind the faults too.
  ...faultHandlers(context, [
    http.get(
      '*/api/test-stream',
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(streamed.encode('event: entry\ndata: 1\n\n'));
              controller.enqueue(streamed.encode('event: entry\ndata: 2\n\n'));
              controller.close();
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        ),
    ),
  ]),
);
const client = createApiClient({ baseUrl: BASE });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  sim.reset('default', 42);
  waits.length = 0;
});
afterAll(() => server.close());

const call = (method: string, path: string, body?: object) =>
  fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

/** Every API request meets this fault. */
const always = (fault: Fault) => vi.spyOn(sim.faults, 'draw').mockReturnValue(fault);

test('GET and PUT /__sim/faults read and set the mode; a reset sets it back', async () => {
  expect(await (await call('GET', '/__sim/faults')).json()).toEqual({ mode: 'none' });
  const put = await call('PUT', '/__sim/faults', { mode: 'down' });
  expect([put.status, await put.json()]).toEqual([200, { mode: 'down' }]);
  expect(await (await call('GET', '/__sim/faults')).json()).toEqual({ mode: 'down' });
  const bad = await call('PUT', '/__sim/faults', { mode: 'chaos' });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { detail: string }).detail).toMatch(/^mode: .*"flaky"/);
  expect((await call('POST', '/__sim/reset', {})).status).toBe(204);
  expect(sim.faults.mode).toBe('none');
});

test('the flaky scenario is the default data with the flaky faults on', async () => {
  const plain = new Simulator({ clock: VirtualClock.manual(TEST_EPOCH) });
  expect((await call('POST', '/__sim/reset', { scenario: 'flaky' })).status).toBe(204);
  expect(sim.faults.mode).toBe('flaky');
  expect(sim.snapshot()).toEqual(plain.snapshot());
});

test('down: every API request fails as a network error; the controls still answer', async () => {
  await call('PUT', '/__sim/faults', { mode: 'down' });
  await expect(fetch(`${BASE}/operations?page=1&size=5`)).rejects.toThrow(TypeError);
  const error = await client.getMe().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ kind: 'network', status: 0 });
  expect((await call('GET', '/__sim/clock')).status).toBe(200);
  await call('PUT', '/__sim/faults', { mode: 'none' });
  expect((await client.getMe()).email).toBe('ada@example.com');
});

test('hang: no answer until the client gives up, and nothing is left waiting', async () => {
  await call('PUT', '/__sim/faults', { mode: 'hang' });
  const controller = new AbortController();
  const pending = fetch(`${BASE}/datastores`, { signal: controller.signal });
  await vi.waitFor(() => expect(sim.faults.hangingCount).toBe(1));
  controller.abort();
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  await vi.waitFor(() => expect(sim.faults.hangingCount).toBe(0));
});

test('hang: a request left waiting ends when the mode changes', async () => {
  await call('PUT', '/__sim/faults', { mode: 'hang' });
  const pending = client.listDatastores();
  await vi.waitFor(() => expect(sim.faults.hangingCount).toBe(1));
  await call('PUT', '/__sim/faults', { mode: 'none' });
  await expect(pending).rejects.toMatchObject({ kind: 'network' });
  expect(sim.faults.hangingCount).toBe(0);
});

test('a 503 carries Retry-After and a detail, and the request is not handled', async () => {
  always({ kind: 'busy', retryAfter: 2 });
  const size = sim.runs.size;
  const response = await call('POST', '/operations/run', { type: 'scan', datastore_id: 1 });
  expect(response.status).toBe(503);
  expect(response.headers.get('Retry-After')).toBe('2');
  expect(await response.json()).toEqual({
    detail: 'The service is busy (simulated fault); retry in 2 s',
  });
  expect(sim.runs.size).toBe(size);
});

test('a 502 is a gateway HTML page sent after the request was handled', async () => {
  always({ kind: 'gateway' });
  const size = sim.runs.size;
  const error = await client.launchRun({ type: 'scan', datastore_id: 1 }).catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'http', status: 502, fromApi: false });
  expect((error as ApiError).detail).toMatch(/502 Bad Gateway with an HTML page/);
  expect(sim.runs.size).toBe(size + 1);
});

test('a cut answer sends the status, headers and part of the JSON, then errors', async () => {
  always({ kind: 'none' });
  const whole = await (await fetch(`${BASE}/users/me`)).text();
  always({ kind: 'cut' });
  const response = await fetch(`${BASE}/users/me`);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  await expect(reader.read()).rejects.toThrow('cut mid-answer');
});

test('a cut event stream sends its first event, then errors', async () => {
  always({ kind: 'cut' });
  const response = await fetch(`${BASE}/test-stream`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toBe('event: entry\ndata: 1\n\n');
  await expect(reader.read()).rejects.toThrow('cut mid-answer');
});

test('a slow answer waits 1-3 s (injected sleep), then answers normally', async () => {
  always({ kind: 'slow', ms: 2_500 });
  expect((await client.getMe()).email).toBe('ada@example.com');
  expect(waits).toEqual([2_500]);
});

test('flaky: about one answer in five fails, one in five is slow, one in twenty is cut', async () => {
  await call('PUT', '/__sim/faults', { mode: 'flaky' });
  const N = 600;
  const seen: Record<string, number> = { ok: 0, 500: 0, 502: 0, 503: 0, cut: 0 };
  for (let i = 0; i < N; i++) {
    const response = await fetch(`${BASE}/users/me`);
    const text = await response.text().catch(() => null);
    const outcome = text === null ? 'cut' : response.ok ? 'ok' : String(response.status);
    seen[outcome] = (seen[outcome] ?? 0) + 1;
    if (response.status === 503)
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    if (response.status === 502) expect(text).toMatch(/^<!DOCTYPE html>/);
  }
  const failed = (seen[500] ?? 0) + (seen[502] ?? 0) + (seen[503] ?? 0);
  expect(failed / N).toBeGreaterThan(0.15);
  expect(failed / N).toBeLessThan(0.25);
  for (const status of [500, 502, 503]) expect(seen[status]).toBeGreaterThan(N / 30);
  expect(waits.length / N).toBeGreaterThan(0.15);
  expect(waits.length / N).toBeLessThan(0.25);
  expect(waits.every((ms) => ms >= 1_000 && ms <= 3_000)).toBe(true);
  expect((seen.cut ?? 0) / N).toBeGreaterThan(0.025);
  expect((seen.cut ?? 0) / N).toBeLessThan(0.075);
}, 30_000); // 600 requests: generous, the machine is shared

test('flaky: the same seed and order of requests give the same faults; a reset starts again', () => {
  const draws = (s: Simulator) => Array.from({ length: 50 }, () => s.faults.draw());
  const a = new Simulator({ scenario: 'flaky', seed: 7 });
  const b = new Simulator({ scenario: 'flaky', seed: 7 });
  const first = draws(a);
  expect(draws(b)).toEqual(first);
  expect(draws(a)).not.toEqual(first);
  a.reset('flaky', 7);
  expect(draws(a)).toEqual(first);
  expect(draws(new Simulator({ scenario: 'flaky', seed: 8 }))).not.toEqual(first);
});

test('flaky through the typed client: every failure is an ApiError, never a broken value', async () => {
  await call('PUT', '/__sim/faults', { mode: 'flaky' });
  const kinds = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const answer = await client.listRuns({ page: 1, size: 5 }).catch((e: unknown) => e);
    if (answer instanceof ApiError) kinds.add(`${answer.kind} ${answer.status}`);
    else expect((answer as { items: unknown[] }).items).toHaveLength(5);
  }
  // A connection cut mid-answer is a network failure (no answer), not an unreadable one.
  expect([...kinds].sort()).toEqual(['http 500', 'http 502', 'http 503', 'network 0']);
}, 30_000);

test('the real sleep waits on timers and ends early when the request is aborted', async () => {
  vi.useFakeTimers();
  try {
    let done = false;
    void sleep(2_000, new AbortController().signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    const controller = new AbortController();
    const early = sleep(60_000, controller.signal);
    controller.abort();
    await early;
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});
