/**
 * The two live streams (docs/api.md "Live streams") over MSW's Node interception with real
 * `fetch`, read as a client reads them: the framing, resuming from `Last-Event-ID`, `complete`,
 * `reset`, and that a client going away (its fetch aborted) stops the stream's ticker and its
 * wake-up. The clock is manual: streams wake when it is moved, so what they send is determined.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import {
  logCompleteSchema,
  logEntrySchema,
  runDeletedSchema,
  runWireSchema,
} from '../../src/api/contract';
import type { LogEntryWire } from '../../src/api/contract';
import { VirtualClock } from '../engine/clock';
import { createTestBackend } from '../node';
import { toEntryWire } from '../service/log-page';
import { TEST_EPOCH } from '../simulator';
import type { SseRead } from './sse-reader';
import { SseReader } from './sse-reader';

const BASE = 'http://sim.test/api';
const { sim, server } = createTestBackend({
  feedCapacity: 50,
  streams: { tickMs: 20, pingMs: 60_000 },
});
const open = new Set<AbortController>();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  for (const controller of open) controller.abort();
  open.clear();
  await vi.waitFor(() => expect(sim.wakeups.size).toBe(0));
  sim.clock = VirtualClock.manual(TEST_EPOCH);
  sim.reset('default', 42);
});
afterAll(() => server.close());

/** Opens a stream with fetch, as the dashboard does; `close()` aborts it. */
async function connect(path: string, lastEventId?: number | string) {
  const controller = new AbortController();
  open.add(controller);
  const response = await fetch(`${BASE}${path}`, {
    headers: lastEventId === undefined ? {} : { 'Last-Event-ID': String(lastEventId) },
    signal: controller.signal,
  });
  return { response, reader: new SseReader(response), close: () => controller.abort() };
}

/** The Run-level (or a container's) log as the server holds it now. */
function serverLog(id: number, container: number | null = null): LogEntryWire[] {
  sim.reconcile();
  const run = sim.runs.get(id);
  return run
    ? sim
        .logOf(run)
        .filter((e) => e.containerId === container)
        .map(toEntryWire)
    : [];
}

const entries = (events: readonly SseRead[]) =>
  events
    .filter((e) => e.event === 'entry')
    .map((e) => logEntrySchema.parse(JSON.parse(e.data ?? '')));

const upTo = (seq: number) => (e: SseRead) => e.event === 'complete' || Number(e.id) >= seq;

test('a log stream sends the log so far, then each entry as the clock moves', async () => {
  const { response, reader, close } = await connect('/operations/56/logs/stream');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  expect(response.headers.get('cache-control')).toBe('no-cache');
  const log = serverLog(56);
  const first = await reader.until(upTo(log.at(-1)?.seq ?? 0));
  expect(
    first.every((e) => e.event === 'entry' && e.id === JSON.parse(e.data ?? '').seq.toString()),
  ).toBe(true);
  expect(entries(first)).toEqual(log);
  sim.clock.advance(2 * 60_000);
  const grown = serverLog(56);
  expect(grown.length).toBeGreaterThan(log.length);
  expect(entries(await reader.until(upTo(grown.at(-1)?.seq ?? 0)))).toEqual(
    grown.slice(log.length),
  );
  close();
  await vi.waitFor(() => expect(sim.wakeups.size).toBe(0));
});

test('a reconnect resumes after Last-Event-ID (over ?after=), and a container has its own stream', async () => {
  const log = serverLog(56);
  const middle = log[3]?.seq ?? 0;
  const resumed = await connect(`/operations/56/logs/stream?after=1`, middle);
  expect(entries(await resumed.reader.until(upTo(log.at(-1)?.seq ?? 0)))).toEqual(log.slice(4));
  const after = await connect(`/operations/56/logs/stream?after=${middle}`);
  expect(entries(await after.reader.take(1))).toEqual(log.slice(4, 5));
  const container = sim.runs.get(56)?.containers[0]?.id ?? 0;
  const own = serverLog(56, container);
  expect(own.length).toBeGreaterThan(0);
  const stream = await connect(`/operations/56/logs/stream?container=${container}`);
  expect(entries(await stream.reader.until(upTo(own.at(-1)?.seq ?? 0)))).toEqual(own);
});

test('once the Run has ended and all was sent: `complete`, and the stream closes', async () => {
  const { reader } = await connect('/operations/56/logs/stream');
  sim.clock.advance(86_400_000);
  const log = serverLog(56);
  const events = await reader.until((e) => e.event === 'complete');
  expect(entries(events)).toEqual(log);
  const complete = events.at(-1);
  const lastSeq = sim.runs.get(56)?.lastSeq;
  expect(complete).toMatchObject({ event: 'complete', id: String(lastSeq) });
  expect(logCompleteSchema.parse(JSON.parse(complete?.data ?? ''))).toEqual({
    next_after: lastSeq,
    total: log.length,
  });
  expect(await reader.next()).toBeNull();
  // Reconnecting from the end of an ended log: `complete` at once.
  const again = await connect('/operations/56/logs/stream', lastSeq);
  expect(await again.reader.until(() => true)).toMatchObject([{ event: 'complete' }]);
});

test('a log stream answers 404 for an unknown Run and 400 for what it does not take', async () => {
  const missing = await fetch(`${BASE}/operations/9999/logs/stream`);
  expect([missing.status, await missing.json()]).toEqual([
    404,
    { detail: 'Run #9999 does not exist or was deleted' },
  ]);
  for (const [path, header, detail] of [
    [
      '/operations/56/logs/stream?tail=5',
      undefined,
      /^A log stream takes container and after only/,
    ],
    ['/operations/56/logs/stream?after=x', undefined, /^after must be/],
    ['/operations/56/logs/stream', 'soon', /^Last-Event-ID must be/],
    ['/operations/stream', '-1', /^Last-Event-ID must be/],
  ] as const) {
    const answer = await fetch(`${BASE}${path}`, {
      headers: header === undefined ? {} : { 'Last-Event-ID': header },
    });
    expect(answer.status, path).toBe(400);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(detail);
  }
});

test('the Runs stream: a `run` event per change as the clock moves, launches and deletes', async () => {
  const { response, reader } = await connect('/operations/stream');
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  sim.clock.advance(30_000);
  const moved = await reader.take(1);
  expect(moved[0]?.event).toBe('run');
  const wire = runWireSchema.parse(JSON.parse(moved[0]?.data ?? ''));
  expect(wire).toEqual(sim.toWire(sim.runs.get(wire.id) as never, false));
  const launched = await fetch(`${BASE}/operations/run`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'promote', datastore_id: 1 }),
  });
  const id = ((await launched.json()) as { id: number }).id;
  const created = await reader.until(
    (e) => e.event === 'run' && JSON.parse(e.data ?? '').id === id,
  );
  expect(created.at(-1)).toMatchObject({ event: 'run' });
  await fetch(`${BASE}/operations/abort/${id}`, { method: 'PUT' });
  await reader.until((e) => JSON.parse(e.data ?? '{}').result === 'aborted');
  await fetch(`${BASE}/operations/${id}`, { method: 'DELETE' });
  const deleted = await reader.until((e) => e.event === 'deleted');
  expect(runDeletedSchema.parse(JSON.parse(deleted.at(-1)?.data ?? ''))).toEqual({ id });
  const ids = [...moved, ...created, ...deleted].map((e) => Number(e.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);
});

test('the Runs stream resumes after Last-Event-ID, and says `reset` when it cannot', async () => {
  const start = sim.feed.lastId;
  sim.clock.advance(60_000);
  sim.reconcile();
  const { reader } = await connect('/operations/stream', start);
  const caught = await reader.until((e) => Number(e.id) >= sim.feed.lastId);
  expect(caught.length).toBeGreaterThan(0);
  expect(caught.every((e) => e.event === 'run' && Number(e.id) > start)).toBe(true);
  // A sim reset while connected: `reset` on the stream.
  await fetch(`${BASE}/__sim/reset`, { method: 'POST', body: '{}' });
  expect(await reader.take(1)).toMatchObject([{ event: 'reset', data: '{}' }]);
  // From before it, or too old to be kept: `reset` first, with the id to go on from.
  const late = await connect('/operations/stream', start);
  expect(await late.reader.take(1)).toMatchObject([
    { event: 'reset', id: String(sim.feed.lastId) },
  ]);
});
