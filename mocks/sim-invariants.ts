/**
 * The invariants of the Foundation issue that the simulated backend's property tests
 * (simulator.property.test.ts) check after every command played by the harness (sim-harness.ts),
 * and `play`, which runs a sequence of commands with those checks and then leaves the store alone
 * until every Run has ended.
 */
import { expect } from 'vitest';
import type { LogPageWire, RunWire, Scenario } from '../src/api/contract';
import { LOG_PAGE_LIMIT } from '../src/api/contract';
import { isTransition } from '../src/domain/lifecycle';
import type { SimLogEntry } from './engine/run-log';
import type { SimRun } from './engine/run-model';
import type { Cmd } from './sim-commands';
import type { Harness } from './sim-harness';
import { harness, initial, isActiveState, json, run } from './sim-harness';
import type { Simulator } from './simulator';

// ---------------------------------------------------------------------------------------------
// Invariants, checked after every command

/** The Run's wire shape without `children` (the only field a terminal Run may still change). */
function frozenWire(sim: Simulator, run: SimRun): string {
  const wire: RunWire = { ...sim.toWire(run, true) };
  delete wire.children;
  return json({ wire, history: run.history });
}

/**
 * The checks below collect what is wrong as text and assert once per pass: thousands of `expect`
 * calls per command would make the properties too slow to run many sequences.
 */
type Problems = string[];

function checkHistory(r: SimRun, problems: Problems): void {
  const [first, ...rest] = r.history;
  if (first?.from !== null || first.to !== initial(r.type)) {
    problems.push(`#${r.id} (${r.type}) was created ${first?.to ?? 'nowhere'}`);
  }
  let state = first?.to;
  for (const change of rest) {
    if (change.from !== state)
      problems.push(`#${r.id}: history jumps from ${state} to ${change.from}`);
    if (!change.from || !isTransition(r.type, change.from, change.to)) {
      problems.push(`#${r.id} (${r.type}): ${change.from} → ${change.to} is not a transition`);
    }
    state = change.to;
  }
  if (state !== r.state) problems.push(`#${r.id}: history ends in ${state}, state is ${r.state}`);
  if (r.type === 'promote' && r.history.some((c) => c.to === 'queued')) {
    problems.push(`Promote #${r.id} was Queued`);
  }
}

function checkLog(h: Harness, r: SimRun, log: readonly SimLogEntry[], problems: Problems): void {
  for (let i = 1; i < log.length; i++) {
    const prev = log[i - 1] as SimLogEntry;
    const entry = log[i] as SimLogEntry;
    if (entry.seq <= prev.seq) problems.push(`#${r.id}: seq ${entry.seq} after ${prev.seq}`);
    if (entry.time < prev.time) problems.push(`#${r.id}: entry ${entry.seq} goes back in time`);
  }
  // Every entry the worker wrote is kept (no gap between 1 and the last seq).
  if (log.length !== r.lastSeq || (log.length > 0 && log[0]?.seq !== 1)) {
    problems.push(`#${r.id}: ${log.length} entries for seqs 1..${r.lastSeq}`);
  }
  const last = log[log.length - 1];
  if (last && last.time > h.sim.now()) problems.push(`#${r.id}: an entry from the future`);
}

/** Pages through one scope of a Run's log as a client would; checks the answers on the way. */
function pageThrough(h: Harness, r: SimRun, container: number | null, problems: Problems): void {
  const where = `#${r.id} log ${container ?? 'run'}`;
  const expected = h.sim
    .logOf(r)
    .filter((e) => e.containerId === container)
    .map((e) => e.seq);
  const seen: number[] = [];
  let after = 0;
  for (let page = 0; ; page++) {
    const answer = h.sim.getLogs(r.id, after, container);
    if (answer.status !== 200 || page > 1_000) {
      problems.push(`${where}: answered ${answer.status} on page ${page}`);
      return;
    }
    const body = answer.body;
    if (body.entries.length > LOG_PAGE_LIMIT) problems.push(`${where}: a page over the limit`);
    if (body.next_after < after) problems.push(`${where}: next_after went back`);
    for (const e of body.entries) {
      if (e.seq <= after || e.seq > body.next_after || e.container_id !== container) {
        problems.push(`${where}: entry ${e.seq} outside (${after}, ${body.next_after}]`);
      }
      seen.push(e.seq);
    }
    after = body.next_after;
    if (body.entries.length < LOG_PAGE_LIMIT) {
      // Caught up: complete exactly when the Run is terminal.
      if (body.complete !== !isActiveState(r.state)) {
        problems.push(`${where}: complete is ${body.complete} for a ${r.state} Run`);
      }
      break;
    }
    if (body.complete) problems.push(`${where}: complete before caught up`);
  }
  if (json(seen) !== json(expected)) problems.push(`${where}: paging gave ${json(seen)}`);
  const again = h.sim.getLogs(r.id, after, container).body as LogPageWire;
  if (again.entries.length > 0) problems.push(`${where}: entries after the end`);
}

function checkInvariants(h: Harness, touched: number | null): void {
  const { sim } = h;
  const problems: Problems = [];
  sim.reconcile();
  const runs = [...sim.runs.values()].sort((a, b) => a.id - b.id);
  let running = 0;
  const queued: SimRun[] = [];
  for (const r of runs) {
    checkHistory(r, problems);
    const log = sim.logOf(r);
    checkLog(h, r, log, problems);
    const wire = sim.toWire(r, false);
    // has_logs exactly when a warning or error entry exists in the full log.
    if (wire.has_logs !== log.some((e) => e.level !== 'info')) {
      problems.push(`#${r.id}: has_logs is ${wire.has_logs}`);
    }
    if ((wire.end_time === null) !== isActiveState(r.state)) {
      problems.push(`#${r.id}: ${r.state} with end_time ${wire.end_time}`);
    }
    // Times: no start while Queued (nor for a Run aborted while Queued); created ≤ start ≤ end.
    const neverStarted = r.history.every((c) => c.to !== 'running');
    if ((r.startTime === null) !== neverStarted) {
      problems.push(`#${r.id}: ${r.state} with start_time ${wire.start_time}`);
    }
    const start = r.startTime ?? r.created;
    if (start < r.created || (r.endTime ?? start) < start) {
      problems.push(`#${r.id}: times out of order`);
    }
    // Lineage: a relaunched Run is listed among its parent's children while both exist.
    const parent = r.parentId === null ? undefined : sim.runs.get(r.parentId);
    if (parent && !sim.toWire(parent, false).children?.some((c) => c.id === r.id)) {
      problems.push(`#${r.id} is missing from the children of #${parent.id}`);
    }
    for (const child of wire.children ?? []) {
      const known = sim.runs.get(child.id);
      if (!known || known.parentId !== r.id || known.relaunch !== child.relaunch) {
        problems.push(`#${r.id} lists a child #${child.id} that is not its ${child.relaunch}`);
      }
    }
    if (r.state === 'queued') queued.push(r);
    if (r.state === 'running' && r.type !== 'promote') running++;

    if (!isActiveState(r.state)) {
      const frozen = h.terminal.get(r.id);
      const now = frozenWire(sim, r);
      if (!frozen) h.terminal.set(r.id, { wire: now, log: json(log), entries: [...log] });
      else {
        if (now !== frozen.wire) problems.push(`terminal #${r.id} changed: ${now}`);
        // Entries are read-only records: the same objects, in the same number, is the same log
        // (the whole text is compared again at the end of each sequence).
        if (log.length !== frozen.entries.length || log.some((e, i) => e !== frozen.entries[i])) {
          problems.push(`terminal #${r.id}'s log changed`);
        }
      }
    }
  }
  // Terminal Runs are never deleted behind the test's back.
  for (const id of h.terminal.keys()) if (!sim.runs.has(id)) problems.push(`#${id} vanished`);

  // The worker pool: at most `workers` non-Promote Runs at once; the queue numbered 1..n.
  if (running > sim.workers) problems.push(`${running} Runs hold the ${sim.workers} workers`);
  const positions = queued.map((r) => sim.toWire(r, false).queue_position);
  if (json(positions) !== json(queued.map((_, i) => i + 1))) {
    problems.push(`queue positions ${json(positions)}`);
  }
  for (let i = 1; i < queued.length; i++) {
    if ((queued[i] as SimRun).created < (queued[i - 1] as SimRun).created) {
      problems.push('the queue is not in creation order');
    }
  }

  // A deleted Run answers 404 everywhere.
  for (const id of h.deleted) {
    const listed = sim.listRuns({ page: 1, size: 10, id });
    const answers = [
      sim.getRun(id).status,
      sim.getLogs(id, 0, null).status,
      listed.status === 200 ? listed.body.total : -1,
    ];
    if (json(answers) !== json([404, 404, 0])) problems.push(`deleted #${id}: ${json(answers)}`);
  }

  // Log paging over the Runs that can still move, and the one the command touched.
  const paged = runs.filter((r) => isActiveState(r.state) || r.id === touched);
  for (const r of paged) {
    pageThrough(h, r, null, problems);
    if (r.type === 'scan' || r.type === 'profile') {
      for (const c of r.containers) pageThrough(h, r, c.id, problems);
    }
  }
  expect(problems).toEqual([]);
}

/** The deep check of terminal Runs: their whole log, as text, is still what it was. */
function checkFrozenLogs(h: Harness): void {
  const changed = [...h.terminal.entries()]
    .filter(([id, frozen]) => json(h.sim.logOf(h.sim.runs.get(id) as SimRun)) !== frozen.log)
    .map(([id]) => id);
  expect(changed).toEqual([]);
}

export function play(scenario: Scenario, cmds: readonly Cmd[]): Harness {
  const h = harness(scenario);
  checkInvariants(h, null);
  for (const cmd of cmds) checkInvariants(h, run(h, cmd));
  // Liveness: left alone for two days, every Run has ended and every worker is free again.
  h.sim.clock.advance(48 * 3_600_000);
  checkInvariants(h, null);
  expect([...h.sim.runs.values()].filter((r) => isActiveState(r.state))).toEqual([]);
  expect(h.sim.snapshot()).toMatchObject({ queue: [], slots: [null, null, null] });
  checkFrozenLogs(h);
  return h;
}
