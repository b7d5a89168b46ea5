/**
 * A Run's path through the lifecycle, as facts: the states it passed through with the time it
 * entered each and the transition that took it there, the transitions still possible from where it
 * is, and how it can be relaunched. Derived from the Run's timestamps and the transition table
 * only; the timeline, the diagram and its text summary all read this one function.
 */
import { actionAllowedFor } from './actions';
import type { Transition } from './lifecycle';
import { initialState, transitionsFrom } from './lifecycle';
import type { Run } from './run';
import { runFacts } from './run';
import type { RunState } from './states';
import { isTerminal } from './states';

/** What the time recorded on entering a state means. */
export type VisitMoment = 'created' | 'started' | 'ended';

export interface Visit {
  readonly state: RunState;
  /** Epoch ms when the Run entered this state; null when the server did not record it. */
  readonly at: number | null;
  readonly moment: VisitMoment;
  /** The transition that led here; null for the state the Run was created in. */
  readonly via: Transition | null;
  /** Milliseconds since the previous visit, when both are dated. */
  readonly after: number | null;
}

export type RelaunchKind = 'resume' | 'rerun';

export interface RunPath {
  readonly current: RunState;
  /** The states passed through, oldest first; the last one is the current state. */
  readonly visits: readonly Visit[];
  /** The transitions taken along the way, in order. */
  readonly taken: readonly Transition[];
  /** The transitions still possible from the current state (none once terminal). */
  readonly next: readonly Transition[];
  /** For a terminal Run: the ways to relaunch it (each creates a new Run); null while active. */
  readonly relaunch: readonly RelaunchKind[] | null;
}

export type VisitsInput = Pick<Run, 'type' | 'state' | 'createdAt' | 'startedAt' | 'endedAt'>;

/**
 * The states a Run went through to reach its current state. Every path starts in the type's
 * initial state, entered when the Run was created (Promote is created directly in Running). A Run
 * that never started (startedAt null) and ended went straight from Queued to its end (only Aborted
 * is possible there); otherwise it passed through Running.
 */
export function visitsOf(run: VisitsInput): readonly Visit[] {
  const first = initialState(run.type);
  const visits: Visit[] = [
    { state: first, at: run.createdAt, moment: 'created', via: null, after: null },
  ];
  const enter = (state: RunState, at: number | null, moment: VisitMoment) => {
    const previous = visits[visits.length - 1];
    if (!previous) return;
    const via = transitionsFrom(run.type, previous.state).find((t) => t.to === state) ?? null;
    const after = at !== null && previous.at !== null ? Math.max(0, at - previous.at) : null;
    visits.push({ state, at, moment, via, after });
  };
  if (run.state === first) return visits;
  // Aborted while still Queued: it never started, so it never was Running.
  const skippedRunning = first === 'queued' && run.state === 'aborted' && run.startedAt === null;
  if (first === 'queued' && !skippedRunning) enter('running', run.startedAt, 'started');
  if (run.state !== 'running') enter(run.state, run.endedAt, 'ended');
  return visits;
}

/** Resume / Rerun where valid for this Run's type and state (SPEC §2); null while active. */
export function relaunchOptions(run: Run): readonly RelaunchKind[] | null {
  if (!isTerminal(run.state)) return null;
  const facts = runFacts(run);
  return (['resume', 'rerun'] as const).filter((action) => actionAllowedFor(action, facts));
}

export function runPath(run: Run): RunPath {
  const visits = visitsOf(run);
  return {
    current: run.state,
    visits,
    taken: visits.flatMap((visit) => (visit.via ? [visit.via] : [])),
    next: transitionsFrom(run.type, run.state),
    relaunch: relaunchOptions(run),
  };
}
