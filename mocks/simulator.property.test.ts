/**
 * Property-based tests of the simulated backend: random sequences of commands (advance the clock,
 * launch, abort, resume, rerun, delete, switch user) never break the invariants of the Foundation
 * issue. The Simulator is used directly with a hand-driven clock; the oracle for every answer is
 * written from SPEC §2 here, not taken from the domain module the simulator itself uses.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { LogPageWire, RunWire, Scenario, SimUserBody } from '../src/api/contract';
import { LOG_PAGE_LIMIT } from '../src/api/contract';
import { isTransition } from '../src/domain/lifecycle';
import type { OperationType } from '../src/domain/operations';
import { OPERATION_TYPES } from '../src/domain/operations';
import type { RunState } from '../src/domain/states';
import { DATASTORES, datastoreById, workItems } from './db/catalog';
import { VirtualClock } from './engine/clock';
import type { SimLogEntry } from './engine/run-log';
import type { RunOptions, SimRun } from './engine/run-model';
import type { Command } from './service/journal';
import type { SimResult } from './service/result';
import { Simulator, TEST_EPOCH } from './simulator';

// ---------------------------------------------------------------------------------------------
// Commands

const USERS = {
  admin: { role: 'Admin' },
  editor: { role: 'Member', permission: 'Editor' },
  viewer: { role: 'Member', permission: 'Viewer' },
} as const satisfies Record<string, SimUserBody>;
type Who = keyof typeof USERS;

type Target = 'any' | 'active' | 'terminal' | 'ended-badly' | 'deleted' | 'missing';
type Action = 'abort' | 'resume' | 'rerun' | 'delete';

type Cmd =
  | { readonly kind: 'advance'; readonly ms: number }
  | {
      readonly kind: 'launch';
      readonly type: OperationType;
      /** 1..n are the catalog's datastores; n + 1 does not exist. */
      readonly datastore: number;
      readonly containers: 'all' | 'some' | 'unknown';
      readonly pick: number;
    }
  | { readonly kind: Action; readonly target: Target; readonly pick: number }
  | { readonly kind: 'user'; readonly who: Who };

const advanceArb = fc.record({
  kind: fc.constant('advance' as const),
  ms: fc.oneof(
    fc.integer({ min: 0, max: 20_000 }),
    fc.integer({ min: 0, max: 15 * 60_000 }),
    fc.integer({ min: 0, max: 3 * 3_600_000 }),
  ),
});
const launchArb = fc.record({
  kind: fc.constant('launch' as const),
  type: fc.constantFrom(...OPERATION_TYPES),
  datastore: fc.integer({ min: 1, max: DATASTORES.length + 1 }),
  containers: fc.constantFrom('all' as const, 'all' as const, 'some' as const, 'unknown' as const),
  pick: fc.nat(),
});
const actionArb = fc.record({
  kind: fc.constantFrom('abort' as const, 'resume' as const, 'rerun' as const, 'delete' as const),
  target: fc.constantFrom<Target>(
    'any',
    'active',
    'terminal',
    'ended-badly',
    'ended-badly',
    'deleted',
    'missing',
  ),
  pick: fc.nat(),
});
const userArb = fc.record({
  kind: fc.constant('user' as const),
  who: fc.constantFrom<Who>('admin', 'editor', 'editor', 'viewer'),
});

const commandArb = (launchWeight = 3): fc.Arbitrary<Cmd> =>
  fc.oneof(
    { arbitrary: advanceArb, weight: 4 },
    { arbitrary: launchArb, weight: launchWeight },
    { arbitrary: actionArb, weight: 5 },
    { arbitrary: userArb, weight: 1 },
  );
/** Sequences of up to `max` commands (size 'max': fast-check would otherwise keep them short). */
const commandsArb = (max: number, launchWeight?: number) =>
  fc.array(commandArb(launchWeight), { maxLength: max, size: 'max' });

// ---------------------------------------------------------------------------------------------
// The harness: one simulator, what the test knows about it, and the checks

const ACTIVE: readonly RunState[] = ['queued', 'running'];
const isActiveState = (state: RunState): boolean => ACTIVE.includes(state);

function freshSim(scenario: Scenario, seed = 42): Simulator {
  return new Simulator({ scenario, seed, clock: VirtualClock.manual(TEST_EPOCH) });
}

/** The containers a Run did not finish (SPEC §2: what a Resume picks up), in order. */
const unfinished = (run: SimRun) => run.containers.filter((c) => !run.completed.includes(c.id));

const json = (value: unknown): string => JSON.stringify(value);

/** The Run's wire shape without `children` (the only field a terminal Run may still change). */
function frozenWire(sim: Simulator, run: SimRun): string {
  const wire: RunWire = { ...sim.toWire(run, true) };
  delete wire.children;
  return json({ wire, history: run.history });
}

interface Harness {
  readonly sim: Simulator;
  who: Who;
  readonly deleted: Set<number>;
  /** Wire shape and log of each terminal Run, taken when it was first seen terminal. */
  readonly terminal: Map<number, { wire: string; log: string; entries: readonly SimLogEntry[] }>;
}

function harness(scenario: Scenario, seed = 42): Harness {
  // The default acting user is a Member with Editor everywhere.
  return {
    sim: freshSim(scenario, seed),
    who: 'editor',
    deleted: new Set(),
    terminal: new Map(),
  };
}

function resolveTarget(h: Harness, target: Target, pick: number): number {
  const runs = [...h.sim.runs.values()].sort((a, b) => a.id - b.id);
  let pool: number[];
  switch (target) {
    case 'any':
      pool = runs.map((r) => r.id);
      break;
    case 'active':
      pool = runs.filter((r) => isActiveState(r.state)).map((r) => r.id);
      break;
    case 'terminal':
      pool = runs.filter((r) => !isActiveState(r.state)).map((r) => r.id);
      break;
    case 'ended-badly':
      pool = runs.filter((r) => r.state === 'failure' || r.state === 'aborted').map((r) => r.id);
      break;
    case 'deleted':
      pool = [...h.deleted];
      break;
    case 'missing':
      pool = [];
      break;
  }
  return pool.length === 0 ? 1_000_000 + (pick % 1000) : (pool[pick % pool.length] as number);
}

/** SPEC §2, written out: the status an action must answer (404, then 403, then 409). */
function expectedActionStatus(h: Harness, action: Action, id: number): number {
  const run = h.sim.runs.get(id);
  if (!run) return 404;
  if (h.who === 'viewer') return 403;
  const active = isActiveState(run.state);
  switch (action) {
    case 'abort':
      return 200; // a terminal Run answers 200 unchanged (the race of SPEC §2)
    case 'resume':
      return ['profile', 'scan', 'promote'].includes(run.type) &&
        (run.state === 'failure' || run.state === 'aborted') &&
        unfinished(run).length > 0
        ? 201
        : 409;
    case 'rerun':
      return run.type !== 'external_scan' && !active ? 201 : 409;
    case 'delete':
      return active ? 409 : 204;
  }
}

const initial = (type: OperationType): RunState => (type === 'promote' ? 'running' : 'queued');
const emailOf = (who: Who): string => (who === 'admin' ? 'admin@example.com' : 'ada@example.com');

function expectRefusal(result: SimResult<unknown>, status: number): void {
  expect(result.status).toBe(status);
  const body = result.body as { detail?: unknown };
  expect(typeof body.detail).toBe('string');
  expect(String(body.detail).length).toBeGreaterThan(0);
}

/** Runs one command, checking its answer against the oracle; answers the Run it touched. */
function run(h: Harness, cmd: Cmd): number | null {
  const { sim } = h;
  if (cmd.kind === 'advance') {
    sim.clock.advance(cmd.ms);
    return null;
  }
  if (cmd.kind === 'user') {
    const result = sim.setUser(USERS[cmd.who]);
    h.who = cmd.who;
    expect(result.status).toBe(200);
    return null;
  }
  // Bring the store up to now first (every command does the same before acting), so that the
  // snapshot taken before a refused command is the state the command saw.
  sim.reconcile();
  const now = sim.now();
  // The whole store as text, taken only before commands that must change nothing.
  let before = '';
  const snapshotIf = (refused: boolean) => {
    if (refused) before = json(sim.snapshot());
  };

  if (cmd.kind === 'launch') {
    const datastore = datastoreById(cmd.datastore);
    const pool = datastore ? workItems(cmd.type, datastore) : [];
    let ids: number[] | undefined;
    if (cmd.containers === 'some') {
      ids = pool.filter((_, i) => ((cmd.pick >> i) & 1) === 1).map((c) => c.id);
      if (ids.length === 0) ids = [(pool[cmd.pick % Math.max(1, pool.length)]?.id ?? 1) as number];
    } else if (cmd.containers === 'unknown') {
      ids = [pool[0]?.id ?? 1, 999_999];
    }
    const expected = !datastore
      ? 404
      : h.who === 'viewer'
        ? 403
        : cmd.containers === 'unknown'
          ? 400
          : 201;
    snapshotIf(expected !== 201);
    const result = sim.launch({
      type: cmd.type,
      datastore_id: cmd.datastore,
      ...(ids ? { container_ids: ids } : {}),
    });
    if (expected !== 201) {
      expectRefusal(result, expected);
      expect(json(sim.snapshot())).toBe(before);
      return null;
    }
    expect(result.status).toBe(201);
    const wire = result.body as RunWire;
    expect(wire.result).toBe(initial(cmd.type));
    expect(wire.created).toBe(new Date(now).toISOString());
    expect(wire.triggered_by).toBe(emailOf(h.who));
    const wanted = ids ? pool.filter((c) => ids.includes(c.id)) : pool;
    expect(wire.containers?.map((c) => c.id)).toEqual(wanted.map((c) => c.id));
    return wire.id;
  }

  const id = resolveTarget(h, cmd.target, cmd.pick);
  const expected = expectedActionStatus(h, cmd.kind, id);
  const target = sim.runs.get(id);
  const wasActive = target ? isActiveState(target.state) : false;
  const wireBefore = target ? json(sim.toWire(target, true)) : null;
  snapshotIf(expected >= 400 || (cmd.kind === 'abort' && !wasActive));
  const result = sim.apply({ op: cmd.kind, id, at: now } as Command);

  if (expected >= 400) {
    expectRefusal(result, expected);
    expect(json(sim.snapshot())).toBe(before);
    return id;
  }
  expect(result.status).toBe(expected);
  switch (cmd.kind) {
    case 'abort': {
      const body = result.body as RunWire;
      if (!wasActive) {
        // Nothing to abort: the answer is the Run as it is, and nothing changed.
        expect(json(body)).toBe(wireBefore);
        expect(json(sim.snapshot())).toBe(before);
      } else {
        expect(body.result).toBe('aborted');
        expect(body.aborted_by).toBe(emailOf(h.who));
        expect(body.end_time).toBe(new Date(now).toISOString());
      }
      return id;
    }
    case 'resume':
    case 'rerun': {
      const parent = target as SimRun;
      const body = result.body as RunWire;
      expect(body.parent_id).toBe(id);
      expect(body.relaunch).toBe(cmd.kind);
      expect(body.type).toBe(parent.type);
      expect(body.result).toBe(initial(parent.type));
      const covered = cmd.kind === 'resume' ? unfinished(parent) : parent.containers;
      expect(body.containers?.map((c) => c.id)).toEqual(covered.map((c) => c.id));
      expect(sim.toWire(parent, false).children).toContainEqual({
        id: body.id,
        relaunch: cmd.kind,
      });
      return body.id;
    }
    case 'delete':
      expect(result.body).toBeNull();
      expect(sim.runs.has(id)).toBe(false);
      h.deleted.add(id);
      h.terminal.delete(id);
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Invariants, checked after every command

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

function play(scenario: Scenario, cmds: readonly Cmd[]): Harness {
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

// ---------------------------------------------------------------------------------------------
// The properties

/**
 * fast-check picks a new seed each run and prints the seed and path of any failure, to replay it
 * with `fc.assert(..., { seed, path })`. FC_RUNS_SCALE=20 searches deeper locally.
 */
const SCALE = Number(process.env.FC_RUNS_SCALE ?? '1') || 1;
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
/** Generous: the machine is shared; a normal run of this file takes a few seconds. */
const TIMEOUT = 60_000 * SCALE;

test(
  'random commands on the default scenario never break an invariant',
  () => {
    fc.assert(
      fc.property(commandsArb(30), (cmds) => {
        play('default', cmds);
      }),
      { numRuns: runs(30) },
    );
  },
  TIMEOUT,
);

test(
  'random commands on an empty store never break an invariant',
  () => {
    fc.assert(
      fc.property(commandsArb(50, 6), (cmds) => {
        play('empty', cmds);
      }),
      { numRuns: runs(40) },
    );
  },
  TIMEOUT,
);

test(
  'the same seed and commands give the same store, and so does replaying the journal',
  () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), commandsArb(20), (seed, cmds) => {
        const a = harness('default', seed);
        const b = harness('default', seed);
        for (const cmd of cmds) {
          run(a, cmd);
          run(b, cmd);
        }
        a.sim.reconcile();
        b.sim.reconcile();
        const snapshot = json(a.sim.snapshot());
        expect(json(b.sim.snapshot())).toBe(snapshot);

        // The browser rebuilds its store from the journal after a reload.
        const c = freshSim('default', seed);
        c.replay(a.sim.journal);
        c.clock.set(a.sim.now());
        c.reconcile();
        expect(json(c.snapshot())).toBe(snapshot);
        expect(c.journal).toEqual(a.sim.journal);
      }),
      { numRuns: runs(15) },
    );
  },
  TIMEOUT,
);

test(
  'reconcile is path-independent: many small steps equal one big step',
  () => {
    const stepsArb = fc.array(fc.integer({ min: 0, max: 10 * 60_000 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stepsArb, commandArb()), { maxLength: 12, size: 'max' }),
        (rounds) => {
          const small = harness('default');
          const big = harness('default');
          for (const [steps, cmd] of rounds) {
            for (const ms of steps) {
              small.sim.clock.advance(ms);
              small.sim.reconcile();
            }
            big.sim.clock.advance(steps.reduce((sum, ms) => sum + ms, 0));
            run(small, cmd);
            run(big, cmd);
          }
          small.sim.reconcile();
          big.sim.reconcile();
          expect(json(small.sim.snapshot())).toBe(json(big.sim.snapshot()));
        },
      ),
      { numRuns: runs(20) },
    );
  },
  TIMEOUT,
);

/** Seeds every Run eagerly, logs and all, instead of quietly with the log rebuilt on first read. */
class EagerSimulator extends Simulator {
  override createRun(options: RunOptions): SimRun {
    return super.createRun({ ...options, quiet: false });
  }
}

test(
  'a quietly seeded Run rebuilds on first read the log an eager play writes',
  () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const lazy = freshSim('default', seed);
        const eager = new EagerSimulator({ seed, clock: VirtualClock.manual(TEST_EPOCH) });
        const quiet = [...lazy.runs.values()].filter((r) => r.quiet);
        expect(quiet.length).toBeGreaterThan(40);
        expect(quiet.every((r) => r.log.length === 0)).toBe(true);
        expect([...eager.runs.values()].some((r) => r.quiet)).toBe(false);
        for (const r of quiet) {
          const twin = eager.runs.get(r.id) as SimRun;
          expect(lazy.logOf(r)).toEqual(twin.log.all());
          expect(r.lastSeq).toBe(twin.lastSeq);
          expect(r.warnings).toBe(twin.warnings);
        }
        expect(json(lazy.snapshot())).toBe(json(eager.snapshot()));
      }),
      { numRuns: runs(10) },
    );
  },
  TIMEOUT,
);
