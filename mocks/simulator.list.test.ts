/**
 * Example-based tests of the simulated backend (SPEC §3), used directly with a hand-driven clock:
 * the Runs list (filters, sorting and paging), the activity counts, the acting user and reset. The
 * helpers shared with the other example-based tests are in sim-setup.ts.
 */

import { expect, test } from 'vitest';
import type { ListRunsQuery, RunPageWire } from '../src/api/contract';
import type { RunState } from '../src/domain/states';
import { DATASTORES } from './db/catalog';
import { VirtualClock } from './engine/clock';
import type { SimRun } from './engine/run-model';
import { DAY, HOUR, body, launch, setup } from './sim-setup';
import { Simulator, TEST_EPOCH } from './simulator';

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
