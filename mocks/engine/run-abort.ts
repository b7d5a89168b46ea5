/** Abort: a user or the system stops an active Run; what it did so far is kept. */
import { isActive } from '../../src/domain/states';
import { log } from './run-log';
import type { SimRun } from './run-model';
import { end, endResult, transition } from './run-state';

/** Aborts an active Run at `at`; partial results are kept. No-op on a terminal Run. */
export function abortRun(run: SimRun, at: number, by: string): boolean {
  if (!isActive(run.state)) return false;
  const wasRunning = run.state === 'running';
  transition(run, 'aborted', at);
  run.abortedBy = by;
  const open = run.results.find((r) => r.endTime === null);
  if (open) {
    endResult(open, at, 'aborted', `Aborted by ${by}`);
    log(run, at, 'warning', `Aborted by ${by} while processing`, open.container.id);
  }
  end(run, at);
  log(
    run,
    at,
    'warning',
    `Aborted by ${by}${wasRunning ? '; partial results are kept' : ' before it started'}`,
  );
  return true;
}
