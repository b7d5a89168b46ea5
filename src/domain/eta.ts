/**
 * How long an active Run will still take, from the durations of the last Runs of the same type on
 * the same datastore that succeeded (issue: "about 6 minutes left, based on the last 8 Scans").
 * Pure: the query that fetches the history and the words around it live elsewhere.
 */
import { assertNever } from './assert-never';
import type { Run } from './run';

/** How many earlier Runs an estimate looks at, at most. */
export const ETA_HISTORY = 10;

/** What an estimate rests on: how many earlier Runs, and their durations. */
export interface EtaBasis {
  readonly runs: number;
  readonly medianMs: number;
  readonly shortestMs: number;
  readonly longestMs: number;
}

export type Eta =
  /** Running, and the usual duration is not reached yet. */
  | { readonly kind: 'left'; readonly leftMs: number; readonly basis: EtaBasis }
  /** Running for longer than the usual duration. */
  | { readonly kind: 'over'; readonly overMs: number; readonly basis: EtaBasis }
  /** Queued: how long it usually takes once started. */
  | { readonly kind: 'usual'; readonly basis: EtaBasis };

type Timed = Pick<Run, 'id' | 'state' | 'startedAt' | 'endedAt'>;

/** The median of a non-empty list (of an even count, the mean of the two middle values). */
function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const a = sorted[mid] ?? 0;
  return sorted.length % 2 ? a : ((sorted[mid - 1] ?? a) + a) / 2;
}

/**
 * The basis of an estimate: the successful earlier Runs with both times (newest first, at most
 * ETA_HISTORY, never the Run itself); null when there is none — no history, no estimate.
 */
export function etaBasis(history: readonly Timed[], runId: number): EtaBasis | null {
  const durations: number[] = [];
  for (const run of history) {
    if (durations.length === ETA_HISTORY) break;
    if (run.id === runId || run.state !== 'success') continue;
    if (run.startedAt === null || run.endedAt === null || run.endedAt < run.startedAt) continue;
    durations.push(run.endedAt - run.startedAt);
  }
  if (durations.length === 0) return null;
  durations.sort((a, b) => a - b);
  return {
    runs: durations.length,
    medianMs: median(durations),
    shortestMs: durations[0] ?? 0,
    longestMs: durations.at(-1) ?? 0,
  };
}

/** The estimate for a Run now; null for an ended Run or without a basis. */
export function estimateEta(
  run: Pick<Run, 'state' | 'startedAt'>,
  basis: EtaBasis | null,
  now: number,
): Eta | null {
  if (basis === null) return null;
  switch (run.state) {
    case 'queued':
      return { kind: 'usual', basis };
    case 'running': {
      const elapsed = Math.max(0, now - (run.startedAt ?? now));
      const left = basis.medianMs - elapsed;
      return left > 0
        ? { kind: 'left', leftMs: left, basis }
        : { kind: 'over', overMs: -left, basis };
    }
    case 'success':
    case 'failure':
    case 'aborted':
      return null;
    default:
      return assertNever(run.state, 'Run state');
  }
}
