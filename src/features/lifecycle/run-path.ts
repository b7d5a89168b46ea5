/**
 * What the lifecycle says about one Run, as plain data: the states it passed through with their
 * times, the transitions still possible from where it is, and how it can be relaunched. Both the
 * diagram text (to-mermaid.ts) and the visible text summary (RunLifecycle) read this, so the
 * picture and the words cannot disagree.
 */
import type { ActionKind } from '../../domain/actions';
import { actionVerdict } from '../../domain/actions';
import { assertNever } from '../../domain/assert-never';
import type { EdgeKind, Transition } from '../../domain/lifecycle';
import { initialState, transitionsFrom } from '../../domain/lifecycle';
import type { OperationType } from '../../domain/operations';
import { operationInfo } from '../../domain/operations';
import type { ActingUser } from '../../domain/permissions';
import type { Run } from '../../domain/run';
import { runFacts } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { isTerminal, stateLabel } from '../../domain/states';

/** "automatic", "user action", "error": how a transition happens, in words. */
export function edgeKindLabel(kind: EdgeKind): string {
  switch (kind) {
    case 'automatic':
      return 'automatic';
    case 'user':
      return 'user action';
    case 'error':
      return 'error';
    default:
      return assertNever(kind, 'edge kind');
  }
}

/** What the time recorded on entering a state means. */
export type VisitMoment = 'created' | 'started' | 'ended';

export interface Visit {
  readonly state: RunState;
  /** Epoch ms when the Run entered this state; null when the server did not record it. */
  readonly at: number | null;
  readonly moment: VisitMoment;
}

export interface RunPath {
  readonly type: OperationType;
  readonly current: RunState;
  /** The states passed through, oldest first; the last one is the current state. */
  readonly visits: readonly Visit[];
  /** The transitions taken along the way, in order. */
  readonly taken: readonly Transition[];
  /** The transitions still possible from the current state (none once terminal). */
  readonly next: readonly Transition[];
  /** For a terminal Run: the ways to relaunch it (each creates a new Run); null while active. */
  readonly relaunch: readonly ('resume' | 'rerun')[] | null;
}

export type RunPathInput = Pick<Run, 'type' | 'state' | 'createdAt' | 'startedAt' | 'endedAt'>;

/**
 * The states a Run went through to reach its current state. Every path starts in the type's
 * initial state; a Run that never started (startedAt null) and ended went straight from Queued
 * to its end (only Aborted is possible there); otherwise it passed through Running.
 */
export function visitsOf(run: RunPathInput): readonly Visit[] {
  const first = initialState(run.type);
  const visits: Visit[] = [
    first === 'queued'
      ? { state: 'queued', at: run.createdAt, moment: 'created' }
      : { state: first, at: run.startedAt ?? run.createdAt, moment: 'started' },
  ];
  if (run.state === first) return visits;
  // Aborted while still Queued: it never started, so it never was Running.
  const skippedRunning = first === 'queued' && run.state === 'aborted' && run.startedAt === null;
  if (first !== 'running' && !skippedRunning) {
    visits.push({ state: 'running', at: run.startedAt, moment: 'started' });
  }
  if (run.state !== 'running') {
    visits.push({ state: run.state, at: run.endedAt, moment: 'ended' });
  }
  return visits;
}

// The action rules need an acting user; this one holds no permission, so a verdict comes back
// either "ruled out by the Run's state or type" or "needs permission" — the latter means the
// action is valid for the Run itself, which is what the lifecycle shows.
const NOBODY: ActingUser = { email: '', role: 'Member', permissions: {} };

function validForRun(action: ActionKind, run: Run): boolean {
  const verdict = actionVerdict(action, runFacts(run), NOBODY);
  return verdict.allowed || verdict.cause === 'permission';
}

/** Resume / Rerun where valid for this Run's type and state (SPEC §2); null while active. */
export function relaunchOptions(run: Run): readonly ('resume' | 'rerun')[] | null {
  if (!isTerminal(run.state)) return null;
  return (['resume', 'rerun'] as const).filter((action) => validForRun(action, run));
}

export function runPath(run: Run): RunPath {
  const visits = visitsOf(run);
  const taken: Transition[] = [];
  for (let i = 1; i < visits.length; i++) {
    const from = visits[i - 1];
    const to = visits[i];
    if (!from || !to) continue;
    const transition = transitionsFrom(run.type, from.state).find((t) => t.to === to.state);
    if (transition) taken.push(transition);
  }
  return {
    type: run.type,
    current: run.state,
    visits,
    taken,
    next: transitionsFrom(run.type, run.state),
    relaunch: relaunchOptions(run),
  };
}

/** "Resume or Rerun" — the relaunch actions in words. */
export function relaunchActionsText(actions: readonly ('resume' | 'rerun')[]): string {
  return actions.map((a) => (a === 'resume' ? 'Resume' : 'Rerun')).join(' or ');
}

/**
 * One sentence on how a terminal Run can be relaunched, e.g. "Resume (only the tables not
 * finished) or Rerun (every table from scratch) creates a new Run, starting in Queued."
 */
export function relaunchText(
  type: OperationType,
  actions: readonly ('resume' | 'rerun')[],
): string {
  const info = operationInfo(type);
  if (actions.length === 0) {
    return `Not possible: ${info.label} runs cannot be resumed or rerun; launch a new run instead.`;
  }
  const parts = actions.map((a) =>
    a === 'resume'
      ? `Resume (only the ${info.unit.toLowerCase()} not finished)`
      : `Rerun (every ${info.unitSingular.toLowerCase()} from scratch)`,
  );
  return `${parts.join(' or ')} creates a new Run, starting in ${stateLabel(initialState(type))}.`;
}
