/**
 * The logs of quietly seeded Runs. A Run seeded into the past is played with its counts only; what
 * it was created from and how it was played are kept here, so that its entries can be rebuilt on
 * first read by playing the same plan again (the same plan always writes the same log).
 */
import { createRun } from '../engine/run-create';
import type { RunLog } from '../engine/run-log';
import type { RunInit, SimRun } from '../engine/run-model';
import type { PlayAloneOptions } from '../engine/run-play';
import { playAlone } from '../engine/run-play';

export class QuietLogs {
  private readonly pending = new Map<number, { init: RunInit; play: PlayAloneOptions | null }>();

  clear(): void {
    this.pending.clear();
  }

  /** A quiet Run was created from `init`. */
  created(init: RunInit): void {
    this.pending.set(init.id, { init, play: null });
  }

  /** The Run was played to its end on its own, with these options. */
  played(id: number, play: PlayAloneOptions): void {
    const pending = this.pending.get(id);
    if (pending) this.pending.set(id, { ...pending, play });
  }

  forget(id: number): void {
    this.pending.delete(id);
  }

  /** The Run's logs; a quiet Run's are rebuilt now, once, and kept from then on. */
  logOf(run: SimRun): RunLog {
    const pending = this.pending.get(run.id);
    if (run.quiet && pending?.play) {
      const copy = createRun({ ...pending.init, quiet: false });
      playAlone(copy, pending.play, () => 0);
      run.log = copy.log;
      run.quiet = false;
      this.pending.delete(run.id);
    }
    return run.log;
  }
}
