/**
 * The simulated backend shared by jsdom tests: MSW over the simulator, with a clock that only
 * moves when a test advances it. Reset after every test (test/setup.ts).
 */
import { VirtualClock } from '../mocks/engine/clock';
import { createTestBackend } from '../mocks/node';
import { DEFAULT_SEED, TEST_EPOCH } from '../mocks/simulator';
import type { Scenario } from '../src/api/contract';
import { setNowSource } from '../src/lib/now';

export const backend = createTestBackend();
export const sim = backend.sim;

setNowSource(() => sim.clock.now());

export function resetBackend(scenario: Scenario = 'default', seed: number = DEFAULT_SEED): void {
  sim.clock = VirtualClock.manual(TEST_EPOCH);
  sim.reset(scenario, seed);
}

/** Moves the simulator's clock forward by hand. */
export function advanceClock(ms: number): void {
  sim.clock.advance(ms);
}
