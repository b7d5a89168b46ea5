/**
 * The harness of the simulated backend's property tests (simulator.property.test.ts): one
 * Simulator on a hand-driven clock with what the test knows about it, and `run`, which plays one
 * command (sim-commands.ts) and checks its answer against an oracle written from SPEC §2 here, not
 * taken from the domain module the simulator itself uses.
 */
import { expect } from 'vitest';
import type { RunWire, Scenario } from '../src/api/contract';
import type { OperationType } from '../src/domain/operations';
import type { RunState } from '../src/domain/states';
import { datastoreById, workItems } from './db/catalog';
import { VirtualClock } from './engine/clock';
import type { SimLogEntry } from './engine/run-log';
import type { SimRun } from './engine/run-model';
import type { Command } from './service/journal';
import type { SimResult } from './service/result';
import type { Action, Cmd, Target, Who } from './sim-commands';
import { USERS } from './sim-commands';
import { Simulator, TEST_EPOCH } from './simulator';

// ---------------------------------------------------------------------------------------------
// The harness: one simulator, what the test knows about it, and the checks

const ACTIVE: readonly RunState[] = ['queued', 'running'];
export const isActiveState = (state: RunState): boolean => ACTIVE.includes(state);

export function freshSim(scenario: Scenario, seed = 42): Simulator {
  return new Simulator({ scenario, seed, clock: VirtualClock.manual(TEST_EPOCH) });
}

/** The containers a Run did not finish (SPEC §2: what a Resume picks up), in order. */
const unfinished = (run: SimRun) => run.containers.filter((c) => !run.completed.includes(c.id));

export const json = (value: unknown): string => JSON.stringify(value);

export interface Harness {
  readonly sim: Simulator;
  who: Who;
  readonly deleted: Set<number>;
  /** Wire shape and log of each terminal Run, taken when it was first seen terminal. */
  readonly terminal: Map<number, { wire: string; log: string; entries: readonly SimLogEntry[] }>;
}

export function harness(scenario: Scenario, seed = 42): Harness {
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

export const initial = (type: OperationType): RunState =>
  type === 'promote' ? 'running' : 'queued';
const emailOf = (who: Who): string => (who === 'admin' ? 'admin@example.com' : 'ada@example.com');

function expectRefusal(result: SimResult<unknown>, status: number): void {
  expect(result.status).toBe(status);
  const body = result.body as { detail?: unknown };
  expect(typeof body.detail).toBe('string');
  expect(String(body.detail).length).toBeGreaterThan(0);
}

/** Runs one command, checking its answer against the oracle; answers the Run it touched. */
export function run(h: Harness, cmd: Cmd): number | null {
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
