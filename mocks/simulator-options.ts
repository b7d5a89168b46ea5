/** How a Simulator is made: its scenario, seed, clock, worker limit and feed size. */
import type { Scenario } from '../src/api/contract';
import type { VirtualClock } from './engine/clock';

export interface SimulatorOptions {
  readonly scenario?: Scenario;
  readonly seed?: number;
  readonly clock?: VirtualClock;
  /** Worker concurrency limit (Promote runs outside the pool). */
  readonly workers?: number;
  /** How many events the change feed keeps. */
  readonly feedCapacity?: number;
}

/** A fixed epoch for tests: 2026-11-28 12:00 UTC. */
export const TEST_EPOCH = Date.UTC(2026, 10, 28, 12, 0, 0);
export const DEFAULT_SEED = 42;
