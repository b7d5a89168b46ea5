/**
 * Example-based tests of the simulated backend (SPEC §2, §6), used directly with a hand-driven
 * clock: the default scenario, the lifecycle and the actions. The logs and the big scenarios are
 * in simulator.logs.test.ts, the Runs list (SPEC §3) in simulator.list.test.ts, the shared helpers
 * in sim-setup.ts; the property-based tests beside these files cover random command sequences.
 */

import { expect, test } from 'vitest';
import type { RunWire } from '../src/api/contract';
import type { OperationType } from '../src/domain/operations';
import { DATASTORES } from './db/catalog';
import { DAY, MINUTE, body, detail, get, launch, recent, setup } from './sim-setup';
import { TEST_EPOCH } from './simulator';

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
