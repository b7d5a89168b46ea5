/**
 * The forms of the log query (docs/api.md "Logs") on the simulator itself: `tail`, `before`,
 * `line`, `after` with a limit, and search, on a Scan of the default scenario that is still
 * running (its Run-level log and a container's log). The 400s are the handlers' (handlers.test.ts).
 */
import { expect, test } from 'vitest';
import type { LogEntryWire, LogPageWire, LogSearchWire, LogsQuery } from '../../src/api/contract';
import { MAX_LOG_MATCHES } from '../../src/api/contract';
import { VirtualClock } from '../engine/clock';
import type { SimRun } from '../engine/run-model';
import { Simulator, TEST_EPOCH } from '../simulator';
import { toEntryWire } from './log-page';

const DAY = 86_400_000;

function setup() {
  const sim = new Simulator({ scenario: 'default', clock: VirtualClock.manual(TEST_EPOCH) });
  /** Moves the clock and brings the store up to it, so the server's log below is current. */
  const advance = (ms: number) => {
    sim.clock.advance(ms);
    sim.reconcile();
  };
  advance(2 * 60_000);
  const scan = sim.runs.get(56) as SimRun;
  expect(scan).toMatchObject({ type: 'scan', state: 'running' });
  const container = scan.containers[0]?.id ?? 0;
  /** The server's own log of one scope, in the wire shape. */
  const server = (scope: number | null): LogEntryWire[] =>
    sim
      .logOf(scan)
      .filter((e) => e.containerId === scope)
      .map(toEntryWire);
  const answer = <T = LogPageWire>(query: LogsQuery): T => {
    const result = sim.logs(scan.id, query);
    expect(result.status).toBe(200);
    return result.body as T;
  };
  const page = (query: Partial<LogsQuery> & Pick<LogsQuery, 'kind'>) =>
    answer({ container: null, limit: 1000, ...query } as LogsQuery);
  return { advance, scan, container, server, answer, page };
}

test('every entry says its line in its own log; `total` is the lines the log holds', () => {
  const { server, page, container } = setup();
  const all = page({ kind: 'after', after: 0 });
  expect(all.entries).toEqual(server(null));
  expect(all.entries.map((e) => e.line)).toEqual(all.entries.map((_, i) => i + 1));
  expect(all.total).toBe(server(null).length);
  const own = page({ kind: 'after', after: 0, container });
  expect(own.entries.map((e) => e.line)).toEqual(own.entries.map((_, i) => i + 1));
  expect(own.total).toBe(server(container).length);
});

test('tail: the newest N oldest first, with the cursors on both sides', () => {
  const { scan, server, page } = setup();
  const log = server(null);
  const tail = page({ kind: 'tail', tail: 5 });
  expect(tail.entries).toEqual(log.slice(-5));
  expect(tail).toMatchObject({
    next_after: scan.lastSeq,
    prev_before: log.at(-5)?.seq,
    total: log.length,
    complete: false,
  });
  // Larger than the log: all of it, and nothing before.
  const whole = page({ kind: 'tail', tail: 1000 });
  expect(whole.entries).toEqual(log);
  expect(whole.prev_before).toBeNull();
});

test('before: pages back from the tail to line 1 read the whole log once, in order', () => {
  const { server, page, container } = setup();
  for (const scope of [null, container]) {
    const log = server(scope);
    let answer = page({ kind: 'tail', tail: 3, container: scope });
    const read = [...answer.entries];
    while (answer.prev_before !== null && answer.prev_before !== undefined) {
      answer = page({ kind: 'before', before: answer.prev_before, limit: 4, container: scope });
      expect(answer.entries.length).toBeLessThanOrEqual(4);
      read.unshift(...answer.entries);
    }
    expect(read).toEqual(log);
    // Before the first seq there is nothing, and the cursor to follow on is 0.
    const first = log[0]?.seq ?? 0;
    expect(page({ kind: 'before', before: first, container: scope })).toMatchObject({
      entries: [],
      prev_before: null,
      next_after: 0,
    });
    expect(page({ kind: 'before', before: 0, container: scope }).entries).toEqual([]);
  }
});

test('line: the page from line n on; past the end, no entries but the total and the cursors', () => {
  const { scan, server, page } = setup();
  const log = server(null);
  const middle = page({ kind: 'line', line: 3, limit: 4 });
  expect(middle.entries).toEqual(log.slice(2, 6));
  expect(middle).toMatchObject({ prev_before: log[2]?.seq, next_after: log[5]?.seq });
  expect(page({ kind: 'line', line: 1, limit: 2 }).prev_before).toBeNull();
  const past = page({ kind: 'line', line: log.length + 50 });
  expect(past).toEqual({
    entries: [],
    total: log.length,
    next_after: scan.lastSeq,
    prev_before: (log.at(-1)?.seq ?? 0) + 1,
    complete: false,
  });
  // Following a page from its `next_after` goes on at the next line.
  const next = page({ kind: 'after', after: middle.next_after, limit: 1 });
  expect(next.entries[0]?.line).toBe(7);
});

test('after: a limit up to 10,000; complete once the Run is terminal and the page reaches the end', () => {
  const { advance, scan, server, page } = setup();
  expect(page({ kind: 'after', after: 0, limit: 2 }).entries).toHaveLength(2);
  advance(DAY);
  expect(scan.state).not.toBe('running');
  const log = server(null);
  const first = page({ kind: 'after', after: 0, limit: log.length - 1 });
  expect(first.complete).toBe(false);
  const last = page({ kind: 'after', after: first.next_after, limit: 10_000 });
  expect(last.entries).toEqual(log.slice(-1));
  expect(last).toMatchObject({ complete: true, next_after: scan.lastSeq });
  expect(page({ kind: 'tail', tail: 1 }).complete).toBe(true);
  expect(page({ kind: 'line', line: 1, limit: 1 }).complete).toBe(false);
});

test('search: the lines whose text contains q, case-insensitive, colour escapes left out', () => {
  const { advance, scan, server, answer, container } = setup();
  advance(DAY);
  const search = (q: string, scope: number | null = null) =>
    answer<LogSearchWire>({ kind: 'search', q, container: scope });
  const lines = (scope: number | null, test: (message: string) => boolean) =>
    server(scope)
      .filter((e) => test(e.message))
      .map((e) => e.line);
  expect(search('PROCESSING')).toEqual({
    lines: lines(null, (m) => m.toLowerCase().includes('processing')),
    total_matches: lines(null, (m) => m.toLowerCase().includes('processing')).length,
    total: server(null).length,
  });
  expect(search('query: select', container).lines).toEqual([1]);
  expect(search('no such text').lines).toEqual([]);
  // The failed container of this Scan printed a coloured ERROR; its text is found without escapes.
  const failed = scan.results.find((r) => r.result === 'failure');
  expect(failed).toBeDefined();
  const own = failed?.container.id ?? 0;
  const coloured = server(own).find((e) => e.message.includes('\u001b['));
  expect(coloured?.message.startsWith('\u001b[31mERROR\u001b[0m ')).toBe(true);
  expect(search(`error ${failed?.message ?? ''}`, own).lines).toEqual([coloured?.line]);
  expect(search('[31m', own).lines).toEqual([]);
  expect(MAX_LOG_MATCHES).toBe(10_000);
});
