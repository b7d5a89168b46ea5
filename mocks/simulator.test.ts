/**
 * Example-based tests of the simulated backend (SPEC §2, §3, §6), used directly with a hand-driven
 * clock. The property-based tests beside this file cover random command sequences.
 */
import { expect, test } from 'vitest';
import type {
  ListRunsQuery,
  LogPageWire,
  RunPageWire,
  RunWire,
  Scenario,
} from '../src/api/contract';
import { LOG_PAGE_LIMIT } from '../src/api/contract';
import type { OperationType } from '../src/domain/operations';
import type { RunState } from '../src/domain/states';
import { DATASTORES } from './db/catalog';
import { VirtualClock } from './engine/clock';
import type { SimRun } from './engine/run-model';
import type { SimResult } from './service/result';
import { Simulator, TEST_EPOCH } from './simulator';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function setup(scenario: Scenario = 'default') {
  const sim = new Simulator({ scenario, clock: VirtualClock.manual(TEST_EPOCH) });
  return { sim, advance: (ms: number) => sim.clock.advance(ms) };
}

/** The body of a successful answer; fails the test with the detail otherwise. */
function body<T>(result: SimResult<T>): T {
  if (result.status >= 400) {
    expect.fail(`answered ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return result.body as T;
}

function detail(result: SimResult<unknown>): string {
  expect(result.status).toBeGreaterThanOrEqual(400);
  return (result.body as { detail: string }).detail;
}

/** The one seeded recent Run of this type (the default scenario's active Runs). */
function recent(sim: Simulator, type: OperationType): SimRun {
  sim.reconcile();
  const found = [...sim.runs.values()].filter(
    (r) => r.type === type && r.created > TEST_EPOCH - HOUR,
  );
  expect(found).toHaveLength(1);
  return found[0] as SimRun;
}

function launch(sim: Simulator, type: OperationType, datastore = 1, containers?: number[]) {
  return body(
    sim.launch({
      type,
      datastore_id: datastore,
      ...(containers ? { container_ids: containers } : {}),
    }),
  );
}

const get = (sim: Simulator, id: number): RunWire => body(sim.getRun(id));

// ---------------------------------------------------------------------------------------------
// The default scenario and the lifecycle

test('the default scenario has Runs of every type and state, a few of them active', () => {
  const { sim } = setup();
  const runs = [...sim.runs.values()];
  expect(runs.length).toBeGreaterThanOrEqual(55);
  expect(runs.length).toBeLessThanOrEqual(70);
  const combos = new Set(runs.map((r) => `${r.type}:${r.state}`));
  for (const type of ['catalog', 'profile', 'scan', 'external_scan', 'export', 'materialize']) {
    for (const state of ['success', 'failure', 'aborted'])
      expect(combos).toContain(`${type}:${state}`);
  }
  const active = runs.filter((r) => r.state === 'queued' || r.state === 'running');
  expect(active.map((r) => `${r.id} ${r.type} ${r.state}`)).toEqual([
    '56 scan running',
    '57 profile running',
    '58 catalog running',
    '59 export queued',
    '60 materialize queued',
    '61 promote running',
    '62 external_scan queued',
  ]);
  // Spread over the last 30 days.
  expect(Math.min(...runs.map((r) => r.created))).toBeGreaterThanOrEqual(TEST_EPOCH - 30 * DAY);
  // A Success with a container that failed inside it, and a Success with warnings.
  expect(
    runs.some((r) => r.state === 'success' && r.results.some((c) => c.result === 'failure')),
  ).toBe(true);
  expect(runs.some((r) => r.state === 'success' && r.warnings > 0)).toBe(true);
});

test('Promote is created directly in Running, never Queued', () => {
  const { sim } = setup('empty');
  const promote = launch(sim, 'promote', 2);
  expect(promote.result).toBe('running');
  expect(promote.start_time).toBe(promote.created);
  expect(promote.queue_position).toBeNull();
  expect(sim.runs.get(promote.id)?.history.map((h) => h.to)).toEqual(['running']);
  // Other types wait for a worker, even when one is free.
  const scan = launch(sim, 'scan', 2);
  expect(scan.result).toBe('queued');
  expect(scan.start_time).toBeNull();
  expect(scan.queue_position).toBe(1);
});

test('a queued Run is picked up by a free worker and then works through its containers', () => {
  const { sim, advance } = setup('empty');
  const scan = launch(sim, 'scan', 2);
  advance(2_000);
  const started = get(sim, scan.id);
  expect(started.result).toBe('running');
  expect(started.start_time).toBe(new Date(TEST_EPOCH + 2_000).toISOString());
  advance(DAY);
  const ended = get(sim, scan.id);
  expect(ended.result).toBe('success');
  expect(ended.status.containers_analyzed).toBe(ended.status.total_containers);
  expect(ended.container_scans).toHaveLength(ended.status.total_containers);
});

test('the worker pool runs at most three Runs at once; the others wait in line', () => {
  const { sim, advance } = setup('empty');
  const ids = ['scan', 'profile', 'catalog', 'export', 'materialize'].map(
    (type) => launch(sim, type as OperationType, 1).id,
  );
  const promote = launch(sim, 'promote', 1).id;
  advance(5_000);
  const states = ids.map((id) => get(sim, id));
  expect(states.map((r) => r.result)).toEqual([
    'running',
    'running',
    'running',
    'queued',
    'queued',
  ]);
  expect(states.map((r) => r.queue_position)).toEqual([null, null, null, 1, 2]);
  expect(get(sim, promote).result).toBe('running');
  // Abort the first queued one: the one behind it moves up.
  body(sim.abort(ids[3] as number));
  expect(get(sim, ids[4] as number).queue_position).toBe(1);
});

test('the abort race: a Run that finished before the abort landed stays finished', () => {
  const { sim, advance } = setup();
  const scan = recent(sim, 'scan');
  advance(DAY);
  const before = get(sim, scan.id);
  expect(before.result).toBe('success');
  const answer = sim.abort(scan.id);
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual(before);
  expect((answer.body as RunWire).aborted_by).toBeNull();
  expect(get(sim, scan.id)).toEqual(before);
});

test('Abort stops a running Run, keeps its partial results and says who aborted it', () => {
  const { sim, advance } = setup();
  const scan = recent(sim, 'scan');
  advance(2 * MINUTE);
  const before = get(sim, scan.id);
  expect(before.result).toBe('running');
  const aborted = body(sim.abort(scan.id));
  expect(aborted.result).toBe('aborted');
  expect(aborted.aborted_by).toBe('ada@example.com');
  expect(aborted.end_time).toBe(new Date(sim.now()).toISOString());
  expect(aborted.status.containers_analyzed).toBe(before.status.containers_analyzed);
  const results = aborted.container_scans ?? [];
  expect(results.filter((r) => r.result === 'success').length).toBeGreaterThan(0);
  expect(results.filter((r) => r.result === 'running')).toEqual([]);
  expect(results.at(-1)?.result).toBe('aborted');
  const log = body(sim.getLogs(scan.id, 0, null)).entries;
  expect(log.at(-1)).toMatchObject({
    level: 'warning',
    message: 'Aborted by ada@example.com; partial results are kept',
  });
  // Later, nothing moves.
  advance(DAY);
  expect(get(sim, scan.id)).toEqual(aborted);
});

test('Abort of a queued Run ends it before it started', () => {
  const { sim } = setup();
  const queued = recent(sim, 'export');
  const aborted = body(sim.abort(queued.id));
  expect(aborted).toMatchObject({ result: 'aborted', start_time: null, queue_position: null });
  expect(sim.runs.get(queued.id)?.history.map((h) => h.to)).toEqual(['queued', 'aborted']);
  expect(body(sim.getLogs(queued.id, 0, null)).entries.at(-1)?.message).toBe(
    'Aborted by ada@example.com before it started',
  );
});

test('Resume processes only the unfinished containers; Rerun processes all of them', () => {
  const { sim, advance } = setup('empty');
  const scan = launch(sim, 'scan', 1);
  advance(6 * MINUTE);
  const aborted = body(sim.abort(scan.id));
  const done = aborted.completed_container_ids ?? [];
  expect(done.length).toBeGreaterThan(0);
  expect(done.length).toBeLessThan(14);

  const resumed = body(sim.resume(scan.id));
  const all = (aborted.containers ?? []).map((c) => c.id);
  expect(resumed.containers?.map((c) => c.id)).toEqual(all.filter((id) => !done.includes(id)));
  expect(resumed).toMatchObject({ parent_id: scan.id, relaunch: 'resume', result: 'queued' });
  expect(resumed.status.total_containers).toBe(14 - done.length);
  // The settings are the original's.
  expect(resumed.incremental).toBe(aborted.incremental);
  expect(resumed.remediation).toBe(aborted.remediation);
  expect(body(sim.getLogs(resumed.id, 0, null)).entries[0]?.message).toContain(
    `(resume of #${scan.id}: ${14 - done.length} tables left)`,
  );

  const rerun = body(sim.rerun(scan.id));
  expect(rerun.containers?.map((c) => c.id)).toEqual(all);
  expect(rerun).toMatchObject({ parent_id: scan.id, relaunch: 'rerun' });
  expect(get(sim, scan.id).children).toEqual([
    { id: resumed.id, relaunch: 'resume' },
    { id: rerun.id, relaunch: 'rerun' },
  ]);

  // The Resume finishes what was left; then there is nothing left to resume on the original.
  advance(DAY);
  expect(get(sim, resumed.id).status.containers_analyzed).toBe(14 - done.length);
});

test('Resume and Rerun are refused with 409 where SPEC §2 rules them out', () => {
  const { sim, advance } = setup();
  advance(DAY);
  const sync = recent(sim, 'catalog');
  expect(detail(sim.resume(sync.id))).toBe('Resume is not available for Sync runs — use Rerun');
  expect(sim.resume(sync.id).status).toBe(409);
  const external = recent(sim, 'external_scan');
  expect(external.state).toBe('failure');
  expect(sim.rerun(external.id).status).toBe(409);
  expect(detail(sim.rerun(external.id))).toBe('Rerun is not available for External Scan runs');
  const scan = recent(sim, 'scan');
  expect(scan.state).toBe('success');
  expect(sim.resume(scan.id).status).toBe(409);
  expect(detail(sim.resume(scan.id))).toMatch(/^Run #56 is Success: .*use Rerun/);
});

test('Delete of an active Run answers 409; of a terminal Run 204, and then 404 everywhere', () => {
  const { sim, advance } = setup();
  const scan = recent(sim, 'scan');
  const refused = sim.delete(scan.id);
  expect(refused.status).toBe(409);
  expect(detail(refused)).toBe('Run #56 is Running: Delete is available once the Run has finished');
  expect(sim.runs.has(scan.id)).toBe(true);

  advance(DAY);
  expect(sim.delete(scan.id)).toEqual({ status: 204, body: null });
  expect(sim.getRun(scan.id).status).toBe(404);
  expect(detail(sim.getRun(scan.id))).toBe('Run #56 does not exist or was deleted');
  expect(sim.getLogs(scan.id, 0, null).status).toBe(404);
  for (const action of ['abort', 'resume', 'rerun', 'delete'] as const) {
    expect(sim[action](scan.id).status).toBe(404);
  }
  expect(body(sim.listRuns({ page: 1, size: 100, id: scan.id })).total).toBe(0);
});

test('actions need Editor (or Admin): 404 first, then 403, then 409', () => {
  const { sim } = setup();
  const scan = recent(sim, 'scan');
  sim.setUser({ role: 'Member', permission: 'Viewer' });
  expect(sim.abort(9_999).status).toBe(404);
  const forbidden = sim.delete(scan.id); // active too, but permission comes first
  expect(forbidden.status).toBe(403);
  expect(detail(forbidden)).toBe(
    'You need the Editor permission on Sales Warehouse to delete Run #56',
  );
  expect(sim.abort(scan.id).status).toBe(403);
  expect(sim.launch({ type: 'scan', datastore_id: 1 }).status).toBe(403);
  // Viewing is still allowed.
  expect(sim.getRun(scan.id).status).toBe(200);

  sim.setUser({ role: 'Admin' });
  const aborted = body(sim.abort(scan.id));
  expect(aborted.aborted_by).toBe('admin@example.com');
});

test('launch rejects an unknown datastore (404) and containers of another datastore (400)', () => {
  const { sim } = setup('empty');
  expect(sim.launch({ type: 'scan', datastore_id: 99 }).status).toBe(404);
  const other = DATASTORES[1]?.containers[0]?.id as number;
  const refused = sim.launch({ type: 'scan', datastore_id: 1, container_ids: [other] });
  expect(refused.status).toBe(400);
  expect(detail(refused)).toBe(`Not tables of Sales Warehouse: ${other}`);
  expect(sim.runs.size).toBe(0);
  const some = launch(sim, 'scan', 1, [1001, 1003]);
  expect(some.containers?.map((c) => c.id)).toEqual([1001, 1003]);
});

// ---------------------------------------------------------------------------------------------
// Logs

test('logs page with `after`; run-level and container-level logs are separate', () => {
  const { sim, advance } = setup();
  const scan = recent(sim, 'scan');
  const first = body(sim.getLogs(scan.id, 0, null));
  expect(first.entries.length).toBeGreaterThan(3);
  expect(first.complete).toBe(false);
  expect(first.entries.every((e) => e.container_id === null)).toBe(true);
  expect(first.next_after).toBe(sim.runs.get(scan.id)?.lastSeq);
  // Caught up: nothing new until the clock moves.
  expect(body(sim.getLogs(scan.id, first.next_after, null)).entries).toEqual([]);
  advance(3 * MINUTE);
  const more = body(sim.getLogs(scan.id, first.next_after, null));
  expect(more.entries.length).toBeGreaterThan(0);
  expect(more.entries[0]?.seq).toBeGreaterThan(first.next_after);

  // A container's own log: its query, then its partitions.
  const container = scan.containers[0]?.id as number;
  const own = body(sim.getLogs(scan.id, 0, container));
  expect(own.entries[0]?.message).toMatch(/^Query: SELECT \* FROM "orders"/);
  expect(own.entries.every((e) => e.container_id === container)).toBe(true);
  expect(own.entries.at(-1)?.message).toMatch(/^Finished orders: [\d,]+ records$/);

  // Once terminal and caught up, the answer says the log is complete.
  advance(DAY);
  let after = 0;
  let page: LogPageWire;
  do {
    page = body(sim.getLogs(scan.id, after, null));
    after = page.next_after;
  } while (page.entries.length === LOG_PAGE_LIMIT);
  expect(page.complete).toBe(true);
  const lines = sim.logOf(scan).filter((e) => e.containerId === null);
  expect(body(sim.getLogs(scan.id, after, null))).toEqual({
    entries: [],
    next_after: after,
    complete: true,
    // The extensions: the lines the log holds, and the cursor of the lines before the page.
    total: lines.length,
    prev_before: (lines.at(-1)?.seq ?? 0) + 1,
  });
});

test('a failed Run has its cause in the log; a Success with warnings says so', () => {
  const { sim, advance } = setup();
  advance(DAY);
  const failed = recent(sim, 'external_scan');
  expect(failed.state).toBe('failure');
  expect(failed.message).toMatch(/^Unrecoverable error/);
  const log = sim.logOf(failed);
  expect(log.at(-1)).toMatchObject({ level: 'error', message: `Run failed: ${failed.message}` });

  const sync = get(sim, recent(sim, 'catalog').id);
  expect(sync).toMatchObject({ result: 'success', has_logs: true });
  expect(sync.message).toMatch(/^Completed with \d+ warnings? in the logs$/);
  const clean = get(sim, recent(sim, 'export').id);
  expect(clean).toMatchObject({ result: 'success', has_logs: false, message: null });
});

test('a container can fail inside a successful Scan', () => {
  const { sim, advance } = setup();
  advance(DAY);
  const scan = get(sim, recent(sim, 'scan').id);
  expect(scan.result).toBe('success');
  expect(scan.has_logs).toBe(true);
  const failed = (scan.container_scans ?? []).filter((c) => c.result === 'failure');
  expect(failed).toHaveLength(1);
  expect(failed[0]?.message).toBeTruthy();
  expect(scan.completed_container_ids).toHaveLength(13);
  // Resume is not offered on a Success, even with a failed container.
  expect(sim.resume(scan.id).status).toBe(409);
});

// ---------------------------------------------------------------------------------------------
// The big scenarios

test('busy has 10,000 Runs', () => {
  const { sim } = setup('busy');
  expect(sim.runs.size).toBe(10_000);
  const page = body(sim.listRuns({ page: 200, size: 50 }));
  expect(page).toMatchObject({ total: 10_000, pages: 200, page: 200 });
  expect(page.items).toHaveLength(50);
});

test('huge-log has one Run with over 100,000 run-level lines, paged 1,000 at a time', () => {
  const { sim, advance } = setup('huge-log');
  const [run] = [...sim.runs.values()];
  expect(sim.runs.size).toBe(1);
  const id = (run as SimRun).id;
  const runLevel = sim.logOf(run as SimRun).filter((e) => e.containerId === null);
  expect(runLevel.length).toBeGreaterThanOrEqual(100_000);

  const pageAll = (from: number) => {
    const seqs: number[] = [];
    let after = from;
    let pages = 0;
    let last: LogPageWire;
    for (;;) {
      last = body(sim.getLogs(id, after, null));
      pages++;
      expect(last.entries.length).toBeLessThanOrEqual(LOG_PAGE_LIMIT);
      for (const e of last.entries) seqs.push(e.seq);
      after = last.next_after;
      if (last.entries.length < LOG_PAGE_LIMIT) break;
      expect(last.complete).toBe(false);
    }
    return { seqs, pages, after, last };
  };

  const all = pageAll(0);
  expect(all.pages).toBe(Math.floor(runLevel.length / LOG_PAGE_LIMIT) + 1);
  expect(all.seqs).toEqual(runLevel.map((e) => e.seq));
  expect(all.last.complete).toBe(false); // still running

  // It keeps streaming; the cursor picks up exactly the new lines, then the end.
  advance(4 * HOUR);
  expect(get(sim, id).result).toBe('success');
  const rest = pageAll(all.after);
  const now = sim.logOf(sim.runs.get(id) as SimRun).filter((e) => e.containerId === null);
  expect([...all.seqs, ...rest.seqs]).toEqual(now.map((e) => e.seq));
  expect(rest.last.complete).toBe(true);
}, 30_000); // Reset replays 28 hours of steps: seconds on a busy machine.

// ---------------------------------------------------------------------------------------------
// The Runs list: filters, sorting and paging (SPEC §3)

/** Every Run the list can show, after the store is brought up to date. */
function allRuns(sim: Simulator): SimRun[] {
  sim.reconcile();
  return [...sim.runs.values()];
}

function ids(page: RunPageWire): number[] {
  return page.items.map((r) => r.id);
}

function list(sim: Simulator, query: Partial<ListRunsQuery>): RunPageWire {
  return body(sim.listRuns({ page: 1, size: 100, ...query }));
}

const newestFirst = (a: SimRun, b: SimRun) => b.created - a.created || b.id - a.id;

test('the list is newest first by default and pages through every Run once', () => {
  const { sim } = setup();
  const expected = allRuns(sim)
    .sort(newestFirst)
    .map((r) => r.id);
  const seen: number[] = [];
  for (let page = 1; page <= 7; page++) {
    const answer = list(sim, { page, size: 10 });
    expect(answer).toMatchObject({ total: expected.length, size: 10, page, pages: 7 });
    seen.push(...ids(answer));
  }
  expect(seen).toEqual(expected);
  expect(list(sim, { page: 8, size: 10 }).items).toEqual([]);
});

test('filters by operation type, result and datastore (each repeatable)', () => {
  const { sim } = setup();
  const runs = allRuns(sim).sort(newestFirst);
  const check = (query: Partial<ListRunsQuery>, keep: (r: SimRun) => boolean) => {
    const expected = runs.filter(keep).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(list(sim, query))).toEqual(expected);
  };
  check({ operation_type: ['scan'] }, (r) => r.type === 'scan');
  check({ operation_type: ['promote', 'export'] }, (r) => ['promote', 'export'].includes(r.type));
  check({ result: ['failure'] }, (r) => r.state === 'failure');
  check({ result: ['queued', 'running'] }, (r) => ['queued', 'running'].includes(r.state));
  check({ datastore: [2] }, (r) => r.datastoreId === 2);
  check({ datastore: [1, 3] }, (r) => [1, 3].includes(r.datastoreId));
  check(
    { operation_type: ['scan', 'profile'], result: ['success'], datastore: [1, 2] },
    (r) =>
      ['scan', 'profile'].includes(r.type) &&
      r.state === 'success' &&
      [1, 2].includes(r.datastoreId),
  );
});

test('filters by has_logs, finished, id and date range', () => {
  const { sim } = setup();
  const runs = allRuns(sim).sort(newestFirst);
  const hasLogs = (r: SimRun) => sim.logOf(r).some((e) => e.level !== 'info');
  expect(ids(list(sim, { has_logs: true }))).toEqual(runs.filter(hasLogs).map((r) => r.id));
  expect(ids(list(sim, { has_logs: false }))).toEqual(
    runs.filter((r) => !hasLogs(r)).map((r) => r.id),
  );
  const finished = (r: SimRun) => !['queued', 'running'].includes(r.state);
  expect(ids(list(sim, { finished: true }))).toEqual(runs.filter(finished).map((r) => r.id));
  expect(ids(list(sim, { finished: false }))).toEqual([62, 61, 60, 59, 58, 57, 56]);
  expect(ids(list(sim, { id: 42 }))).toEqual([42]);
  expect(list(sim, { id: 4242 })).toMatchObject({ items: [], total: 0, pages: 0 });

  // Dates are whole UTC days, both ends included.
  const day = (offset: number) => new Date(TEST_EPOCH + offset * DAY).toISOString().slice(0, 10);
  const start = Date.parse(`${day(-10)}T00:00:00Z`);
  const end = Date.parse(`${day(-5)}T00:00:00Z`) + DAY;
  const inRange = runs.filter((r) => r.created >= start && r.created < end).map((r) => r.id);
  expect(inRange.length).toBeGreaterThan(0);
  expect(ids(list(sim, { start_date: day(-10), end_date: day(-5) }))).toEqual(inRange);
  expect(ids(list(sim, { start_date: day(0) }))).toEqual(
    runs.filter((r) => r.created >= Date.parse(`${day(0)}T00:00:00Z`)).map((r) => r.id),
  );
  expect(ids(list(sim, { end_date: day(-29) }))).toEqual(
    runs.filter((r) => r.created < Date.parse(`${day(-29)}T00:00:00Z`) + DAY).map((r) => r.id),
  );
});

test('sorts by created date or by duration, either way', () => {
  const { sim } = setup();
  const runs = allRuns(sim);
  const now = sim.now();
  const duration = (r: SimRun) => (r.startTime === null ? 0 : (r.endTime ?? now) - r.startTime);
  expect(ids(list(sim, { sort_created: 'asc' }))).toEqual(
    [...runs].sort((a, b) => a.created - b.created || a.id - b.id).map((r) => r.id),
  );
  expect(ids(list(sim, { sort_created: 'desc' }))).toEqual(
    [...runs].sort(newestFirst).map((r) => r.id),
  );
  const byDuration = ids(list(sim, { sort_duration: 'desc' }));
  const durations = byDuration.map((id) => duration(sim.runs.get(id) as SimRun));
  expect(durations).toEqual([...durations].sort((a, b) => b - a));
  const ascending = ids(list(sim, { sort_duration: 'asc' })).map((id) =>
    duration(sim.runs.get(id) as SimRun),
  );
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  expect(new Set(byDuration)).toEqual(new Set(runs.map((r) => r.id)));
});

test('activity counts Runs per UTC day and refuses a bad range', () => {
  const { sim } = setup();
  const start = new Date(TEST_EPOCH - 30 * DAY).toISOString().slice(0, 10);
  const end = new Date(TEST_EPOCH).toISOString().slice(0, 10);
  const days = body(sim.activity(start, end));
  expect(days).toHaveLength(31);
  expect(days[0]?.date).toBe(start);
  expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(sim.runs.size);
  expect(sim.activity(end, start).status).toBe(400);
  expect(sim.activity('2026-02-30', end).status).toBe(400);
  expect(sim.activity('yesterday', end).status).toBe(400);
});

test('the acting user sees datastores and answers /users/me', () => {
  const { sim } = setup('empty');
  expect(body(sim.me())).toMatchObject({ email: 'ada@example.com', role: 'Member' });
  expect(body(sim.datastores())).toHaveLength(DATASTORES.length);
  const viewer = body(sim.setUser({ role: 'Member', permission: 'Viewer' }));
  expect(Object.values(viewer.permissions).every((p) => p === 'Viewer')).toBe(true);
  expect(body(sim.me())).toEqual(viewer);
});

test('reset goes back to the scenario, with the same Runs for the same seed', () => {
  const { sim, advance } = setup();
  const first = JSON.stringify(sim.snapshot());
  advance(HOUR);
  launch(sim, 'scan');
  sim.reset('default', 42);
  expect(sim.journal).toEqual([]);
  // The epoch moved with the clock; the Runs are laid out the same way relative to it.
  const shifted = [...sim.runs.values()].map((r) => [r.id, r.type, r.state, r.created - sim.epoch]);
  const again = new Simulator({ clock: VirtualClock.manual(TEST_EPOCH) });
  expect(shifted).toEqual(
    [...again.runs.values()].map((r) => [r.id, r.type, r.state, r.created - again.epoch]),
  );
  expect(JSON.stringify(again.snapshot())).toBe(first);
  sim.reset('default', 7);
  expect(JSON.stringify(sim.snapshot())).not.toBe(first);
  const states = new Set<RunState>([...sim.runs.values()].map((r) => r.state));
  expect(states.size).toBe(5);
});
