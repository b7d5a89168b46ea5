/**
 * The helpers of the example-based tests of the simulated backend (simulator.test.ts,
 * simulator.logs.test.ts, simulator.list.test.ts): a Simulator on a hand-driven clock, the body or
 * the detail of an answer, the seeded recent Run of a type, and a launch that must succeed.
 */
import { expect } from 'vitest';
import type { RunWire, Scenario } from '../src/api/contract';
import type { OperationType } from '../src/domain/operations';
import { VirtualClock } from './engine/clock';
import type { SimRun } from './engine/run-model';
import type { SimResult } from './service/result';
import { Simulator, TEST_EPOCH } from './simulator';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function setup(scenario: Scenario = 'default') {
  const sim = new Simulator({ scenario, clock: VirtualClock.manual(TEST_EPOCH) });
  return { sim, advance: (ms: number) => sim.clock.advance(ms) };
}

/** The body of a successful answer; fails the test with the detail otherwise. */
export function body<T>(result: SimResult<T>): T {
  if (result.status >= 400) {
    expect.fail(`answered ${result.status}: ${JSON.stringify(result.body)}`);
  }
  return result.body as T;
}

export function detail(result: SimResult<unknown>): string {
  expect(result.status).toBeGreaterThanOrEqual(400);
  return (result.body as { detail: string }).detail;
}

/** The one seeded recent Run of this type (the default scenario's active Runs). */
export function recent(sim: Simulator, type: OperationType): SimRun {
  sim.reconcile();
  const found = [...sim.runs.values()].filter(
    (r) => r.type === type && r.created > TEST_EPOCH - HOUR,
  );
  expect(found).toHaveLength(1);
  return found[0] as SimRun;
}

export function launch(sim: Simulator, type: OperationType, datastore = 1, containers?: number[]) {
  return body(
    sim.launch({
      type,
      datastore_id: datastore,
      ...(containers ? { container_ids: containers } : {}),
    }),
  );
}

export const get = (sim: Simulator, id: number): RunWire => body(sim.getRun(id));
