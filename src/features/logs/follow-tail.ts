/**
 * Follow-tail's decisions as plain functions: what a scroll by the reader means, whether a line
 * just brought into view must be restored after a scroll nobody asked for, and what the status
 * bar says. The hook (use-follow-tail.ts) holds the state and does the scrolling.
 */
import { assertNever } from '../../domain/assert-never';

/** Height of one unwrapped line, in pixels (kept in step with log-viewer.css). */
export const LOG_ROW_HEIGHT = 20;

/** How long a linked line is kept in view against scrolls the reader did not make. */
export const SETTLE_MS = 1_000;

export interface ScrollSample {
  /** The scroll position now, and at the last scroll event. */
  readonly top: number;
  readonly lastTop: number;
  /** Pixels between the bottom of the viewport and the end of the list. */
  readonly fromEnd: number;
  readonly following: boolean;
  /** The log still grows. */
  readonly live: boolean;
  /** A linked line waits to be brought into view: reaching the bottom must not follow. */
  readonly holding: boolean;
}

export type ScrollVerdict = 'follow' | 'pause' | 'keep';

/** A scroll reaching the bottom follows again; a scroll upwards pauses. */
export function readerScrolled(sample: ScrollSample): ScrollVerdict {
  const { top, lastTop, fromEnd, following, live, holding } = sample;
  if (fromEnd <= LOG_ROW_HEIGHT) return !following && live && !holding ? 'follow' : 'keep';
  return top < lastTop - 1 && following ? 'pause' : 'keep';
}

/** A linked line just brought into view, guarded until `until` (a `performance.now()` time). */
export interface Settle {
  readonly row: number;
  readonly until: number;
}

export const settleFor = (row: number, now: number): Settle => ({ row, until: now + SETTLE_MS });

export type SettleVerdict = 'keep' | 'drop' | 'restore';

/**
 * After a scroll: keep guarding, drop the guard (it expired, or the line has no place), or bring
 * the line back (the scroll carried it more than half a viewport away).
 */
export function settleAfterScroll(
  settle: Settle,
  now: number,
  top: number,
  /** Where the line sits centred, or undefined when it has no place. */
  wanted: number | undefined,
  viewport: number,
): SettleVerdict {
  if (now > settle.until || wanted === undefined) return 'drop';
  return Math.abs(top - wanted) > viewport / 2 ? 'restore' : 'keep';
}

/** Lines that arrived since following paused. */
export const newSince = (rowCount: number, pausedAt: number): number =>
  Math.max(0, rowCount - pausedAt);

export type TailStatus = 'final' | 'catching-up' | 'following' | 'paused';

export interface LogProgress {
  readonly complete: boolean;
  readonly caughtUp: boolean;
  readonly loaded: boolean;
}

export function tailStatus(log: LogProgress, following: boolean): TailStatus {
  if (log.complete) return 'final';
  if (!log.caughtUp && log.loaded) return 'catching-up';
  return following ? 'following' : 'paused';
}

export function tailStatusText(status: TailStatus): string {
  switch (status) {
    case 'final':
      return 'This log is final.';
    case 'catching-up':
      return 'Loading earlier lines…';
    case 'following':
      return 'Following new lines';
    case 'paused':
      return 'Paused: new lines keep arriving below';
    default:
      return assertNever(status, 'tail status');
  }
}
