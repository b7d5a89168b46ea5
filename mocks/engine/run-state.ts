/**
 * The primitives every state change of a Run goes through: `transition` only allows edges of the
 * domain's transition table, so the simulator cannot make an illegal move.
 */
import { isTransition } from '../../src/domain/lifecycle';
import type { RunState } from '../../src/domain/states';
import type { SimContainerResult, SimRun } from './run-model';

export function transition(run: SimRun, to: RunState, at: number): void {
  if (!isTransition(run.type, run.state, to)) {
    throw new Error(`Run ${run.id}: ${run.state} → ${to} is not a transition of ${run.type}`);
  }
  run.history.push({ from: run.state, to, at });
  run.state = to;
}

/** The Run has ended at `at`: no more planned events. */
export function end(run: SimRun, at: number): void {
  run.endTime = at;
  run.cursor = null;
}

export function endResult(
  result: SimContainerResult,
  at: number,
  state: RunState,
  message: string | null,
): void {
  result.endTime = at;
  result.result = state;
  result.message = message;
}
