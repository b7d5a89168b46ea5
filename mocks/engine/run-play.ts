/** Plays a Run to its end on its own, outside the worker pool (history seeded in the past). */
import { abortRun } from './run-abort';
import type { SimRun } from './run-model';
import { nextEventAt, startRun, stepRun } from './run-step';

export interface PlayAloneOptions {
  /** Time spent Queued before a worker picked it up. */
  readonly waitMs: number;
  /** Abort it at this time if it is still active then. */
  readonly abortAt?: number;
  readonly abortedBy?: string;
}

export function playAlone(run: SimRun, options: PlayAloneOptions, resultIds: () => number): void {
  if (run.state === 'queued') startRun(run, run.created + options.waitMs, 0);
  for (;;) {
    const at = nextEventAt(run);
    if (at === null) break;
    if (options.abortAt !== undefined && at > options.abortAt) {
      abortRun(run, options.abortAt, options.abortedBy ?? 'System');
      break;
    }
    stepRun(run, resultIds);
  }
  run.slot = null;
}
