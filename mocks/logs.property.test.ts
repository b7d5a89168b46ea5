/**
 * A property of the log endpoints over HTTP (MSW's Node interception, real `fetch`): for random
 * interleavings of appends (the clock moving), `tail`, `before`, `line` and `after` pages and
 * stream reconnects, a client that follows the answers — prepending `before` pages, appending
 * `after` pages and stream entries, jumping with `tail` and `line` — always holds a run of the
 * server's log exactly, in order, without gaps or duplicates; and once it follows to the end and
 * pages back to line 1, it holds the whole log. Over a stored log (a Scan of the default scenario,
 * which ends on the way) and a generated one (a small million-log), Run-level or a container's.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LogEntryWire, LogsQuery } from '../src/api/contract';
import { logEntrySchema, logPageSchema, logsSearchParams } from '../src/api/contract';
import { seedMillionLog } from './db/million-log';
import { VirtualClock } from './engine/clock';
import type { SimRun } from './engine/run-model';
import { SseReader } from './handlers/sse-reader';
import { createTestBackend } from './node';
import { toEntryWire } from './service/log-page';
import { TEST_EPOCH } from './simulator';

const BASE = 'http://sim.test/api';
const { sim, server } = createTestBackend({ streams: { tickMs: 10, pingMs: 60_000 } });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

type Op =
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'tail'; readonly n: number }
  | { readonly kind: 'line'; readonly at: number; readonly limit: number }
  | { readonly kind: 'before' | 'after'; readonly limit: number }
  | { readonly kind: 'stream'; readonly take: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('advance' as const),
    // Mostly a few lines at a time; now and then far enough for the Scan to end.
    ms: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 180_000 }), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max: 40 * 60_000 }), weight: 1 },
    ),
  }),
  fc.record({ kind: fc.constant('tail' as const), n: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('line' as const),
    at: fc.double({ min: 0, max: 1.05, noNaN: true }),
    limit: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('before' as const), limit: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('after' as const), limit: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('stream' as const), take: fc.integer({ min: 0, max: 60 }) }),
);

/** A page form of the log query, for the one log under test. */
type PageForm = LogsQuery extends infer Q
  ? Q extends LogsQuery & { kind: 'after' | 'before' | 'line' | 'tail' }
    ? Omit<Q, 'container'>
    : never
  : never;

/** What the client holds: consecutive lines from `first`, and the cursors on both sides. */
interface Client {
  view: LogEntryWire[];
  first: number;
  nextAfter: number;
  prevBefore: number | null;
}

function setup(log: 'stored' | 'generated', inContainer: boolean) {
  sim.clock = VirtualClock.manual(TEST_EPOCH);
  let run: SimRun;
  if (log === 'stored') {
    sim.reset('default', 42);
    run = sim.runs.get(56) as SimRun;
  } else {
    sim.reset('empty', 42);
    run = seedMillionLog(sim, { runLevel: 2_000, container: 400 }, 30 * 60_000);
  }
  const container = inContainer ? (run.containers[0]?.id ?? null) : null;
  /** The server's log now. */
  const serverLog = () => {
    sim.reconcile();
    return sim
      .logOf(run)
      .filter((e) => e.containerId === container)
      .map(toEntryWire);
  };
  const page = async (query: PageForm) => {
    const params = logsSearchParams({ ...query, container });
    const response = await fetch(`${BASE}/operations/${run.id}/logs?${params}`);
    expect(response.status).toBe(200);
    return logPageSchema.parse(await response.json());
  };
  return { run, container, serverLog, page };
}

/** The stream from `after`: up to `take` entries (fewer when caught up), then a disconnect. */
async function stream(
  path: string,
  after: number,
  take: number,
  expected: number,
  terminal: boolean,
): Promise<{ entries: LogEntryWire[]; complete: number | null }> {
  const controller = new AbortController();
  const response = await fetch(`${BASE}${path}`, {
    headers: { 'Last-Event-ID': String(after) },
    signal: controller.signal,
  });
  const reader = new SseReader(response);
  const entries: LogEntryWire[] = [];
  let complete: number | null = null;
  const want = Math.min(take, expected);
  if (want > 0 || (terminal && expected <= take)) {
    await reader.until((e) => {
      if (e.event === 'entry') entries.push(logEntrySchema.parse(JSON.parse(e.data ?? '')));
      if (e.event === 'complete') complete = Number(e.id);
      return complete !== null || (entries.length >= want && !(terminal && want === expected));
    });
  }
  controller.abort();
  return { entries, complete };
}

async function play(log: 'stored' | 'generated', inContainer: boolean, ops: readonly Op[]) {
  const { run, container, serverLog, page } = setup(log, inContainer);
  const client: Client = { view: [], first: 1, nextAfter: 0, prevBefore: null };
  const holds = () => {
    const server = serverLog();
    expect(client.view).toEqual(
      server.slice(client.first - 1, client.first - 1 + client.view.length),
    );
  };
  const append = (entries: readonly LogEntryWire[]) => {
    expect(entries[0]?.line ?? client.first + client.view.length).toBe(
      client.first + client.view.length,
    );
    client.view.push(...entries);
  };
  const jump = (answer: Awaited<ReturnType<typeof page>>, fallback: number) => {
    client.view = [...answer.entries];
    client.first = answer.entries[0]?.line ?? fallback;
    client.nextAfter = answer.next_after;
    client.prevBefore = answer.prev_before ?? null;
  };
  const pageBack = async (limit: number) => {
    if (client.prevBefore === null) return;
    const answer = await page({ kind: 'before', before: client.prevBefore, limit });
    expect(answer.entries.at(-1)?.line ?? client.first - 1).toBe(client.first - 1);
    client.view.unshift(...answer.entries);
    client.first -= answer.entries.length;
    client.prevBefore = answer.prev_before ?? null;
  };
  const follow = async (limit: number) => {
    const answer = await page({ kind: 'after', after: client.nextAfter, limit });
    append(answer.entries);
    client.nextAfter = answer.next_after;
    return answer;
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'advance':
        sim.clock.advance(op.ms);
        break;
      case 'tail': {
        const answer = await page({ kind: 'tail', tail: op.n });
        jump(answer, Math.max(1, (answer.total ?? 0) + 1));
        break;
      }
      case 'line': {
        const line = Math.max(1, Math.round(op.at * serverLog().length));
        jump(
          await page({ kind: 'line', line, limit: op.limit }),
          Math.min(line, serverLog().length + 1),
        );
        break;
      }
      case 'before':
        await pageBack(op.limit);
        break;
      case 'after':
        await follow(op.limit);
        break;
      case 'stream': {
        const expected = serverLog().filter((e) => e.seq > client.nextAfter).length;
        const terminal = run.state !== 'queued' && run.state !== 'running';
        const query = container === null ? '' : `?container=${container}`;
        const path = `/operations/${run.id}/logs/stream${query}`;
        const got = await stream(path, client.nextAfter, op.take, expected, terminal);
        append(got.entries);
        client.nextAfter = got.complete ?? got.entries.at(-1)?.seq ?? client.nextAfter;
        break;
      }
    }
    holds();
  }
  // Follow to the end, page back to line 1: the whole log, once.
  while ((await follow(10_000)).entries.length === 10_000);
  while (client.prevBefore !== null) await pageBack(10_000);
  expect(client.first).toBe(1);
  expect(client.view).toEqual(serverLog());
}

test('a client following pages and streams holds exactly the server log', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('stored' as const, 'generated' as const),
      fc.boolean(),
      fc.array(opArb, { minLength: 1, maxLength: 24 }),
      (log, inContainer, ops) => play(log, inContainer, ops),
    ),
    { numRuns: 40 },
  );
}, 120_000);
