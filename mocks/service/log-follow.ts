/**
 * Following one of a Run's logs, for its live stream (docs/api.md "Live streams"): the entries
 * after a cursor, a slice at a time, then the end once the Run is terminal and all was read. The
 * caller brings the store up to now before each step.
 */
import type { LogEntryWire } from '../../src/api/contract';
import { isTerminal } from '../../src/domain/states';
import type { SimRun } from '../engine/run-model';
import { withRun } from './checks';
import type { ReadContext } from './context';
import { toEntryWire } from './log-page';
import type { SimResult } from './result';
import { ok } from './result';

export type FollowStep =
  | { readonly kind: 'entries'; readonly entries: readonly LogEntryWire[] }
  /** Everything was read and the Run is terminal: its log will not grow again. */
  | { readonly kind: 'complete'; readonly nextAfter: number; readonly total: number }
  /** Nothing new yet. */
  | { readonly kind: 'idle' }
  /** The Run was deleted, or the store reset. */
  | { readonly kind: 'gone' };

export class LogFollower {
  constructor(
    private readonly ctx: ReadContext,
    private readonly run: SimRun,
    private readonly container: number | null,
    private cursor: number,
  ) {}

  /** The next step, with at most `max` entries. */
  next(max: number): FollowStep {
    const { run } = this;
    if (this.ctx.store.get(run.id) !== run) return { kind: 'gone' };
    const log = this.ctx.store.logOf(run).of(this.container);
    const first = log.countAtMost(this.cursor) + 1;
    if (first <= log.size) {
      const entries = log.entries(first, first + max - 1);
      this.cursor = entries[entries.length - 1]?.seq ?? this.cursor;
      return { kind: 'entries', entries: entries.map(toEntryWire) };
    }
    if (!isTerminal(run.state)) return { kind: 'idle' };
    return { kind: 'complete', nextAfter: Math.max(this.cursor, run.lastSeq), total: log.size };
  }
}

/** A follower of one log from `after` on; 404 or 403 when the Run cannot be read. */
export const followLog = (
  ctx: ReadContext,
  id: number,
  container: number | null,
  after: number,
): SimResult<LogFollower> =>
  withRun(ctx, id, (run) => ok(new LogFollower(ctx, run, container, after)));
