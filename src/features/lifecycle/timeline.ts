/**
 * A Run's timeline in words: each state it entered (from the domain's `visitsOf`), when, how it
 * happened and how long after the previous step.
 */
import type { EdgeKind } from '../../domain/lifecycle';
import { initialState } from '../../domain/lifecycle';
import type { Run } from '../../domain/run';
import type { Visit } from '../../domain/run-path';
import { visitsOf } from '../../domain/run-path';
import type { RunState } from '../../domain/states';

export interface TimelineStep {
  /** The state the Run entered at this step. */
  readonly state: RunState;
  /** When; null when the server did not record it. */
  readonly at: number | null;
  /** 'created' for the first step; otherwise the kind of the transition taken. */
  readonly kind: EdgeKind | 'created';
  /** How it happened, from the transition table (or who aborted it). */
  readonly how: string;
  /** Milliseconds since the previous step, when both are dated. */
  readonly after: number | null;
}

type TimelineInput = Pick<
  Run,
  'type' | 'state' | 'createdAt' | 'startedAt' | 'endedAt' | 'triggeredBy' | 'abortedBy'
>;

export function timelineOf(run: TimelineInput): readonly TimelineStep[] {
  return visitsOf(run).map((visit) => ({
    state: visit.state,
    at: visit.at,
    kind: visit.via?.kind ?? 'created',
    how: howText(run, visit),
    after: visit.after,
  }));
}

function howText(run: TimelineInput, visit: Visit): string {
  if (visit.via === null) {
    return initialState(run.type) === 'running'
      ? `Created by ${run.triggeredBy}, directly in Running`
      : `Created by ${run.triggeredBy}`;
  }
  if (visit.state === 'aborted' && typeof run.abortedBy === 'string') {
    return `Aborted by ${run.abortedBy}`;
  }
  return capitalize(visit.via.label);
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
