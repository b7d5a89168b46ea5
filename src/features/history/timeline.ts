/**
 * A Run's path through the lifecycle, as dated steps, derived from the Run model's timestamps and
 * the domain's transition table (never from ad-hoc strings): creation in the type's initial
 * state (Queued, or Running for Promote), the worker picking it up, and the end.
 */
import type { EdgeKind } from '../../domain/lifecycle';
import { initialState, transitionsFor } from '../../domain/lifecycle';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { isTerminal } from '../../domain/states';

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

export function timelineOf(
  run: Pick<
    Run,
    'type' | 'state' | 'createdAt' | 'startedAt' | 'endedAt' | 'triggeredBy' | 'abortedBy'
  >,
): readonly TimelineStep[] {
  const transitions = transitionsFor(run.type);
  const first = initialState(run.type);
  const steps: TimelineStep[] = [
    {
      state: first,
      at: run.createdAt,
      kind: 'created',
      how:
        first === 'running'
          ? `Created by ${run.triggeredBy}, directly in Running`
          : `Created by ${run.triggeredBy}`,
      after: null,
    },
  ];
  const push = (from: RunState, to: RunState, at: number | null, how?: string) => {
    const transition = transitions.find((t) => t.from === from && t.to === to);
    const previous = steps[steps.length - 1]?.at ?? null;
    steps.push({
      state: to,
      at,
      kind: transition?.kind ?? 'automatic',
      how: capitalize(how ?? transition?.label ?? `${from} → ${to}`),
      after: at !== null && previous !== null ? Math.max(0, at - previous) : null,
    });
  };

  // Picked up by a worker (only types that start Queued pass through it).
  const started = first === 'queued' && (run.startedAt !== null || run.state === 'running');
  if (started) push('queued', 'running', run.startedAt);

  if (isTerminal(run.state)) {
    const from: RunState = first === 'running' || started ? 'running' : 'queued';
    const how =
      run.state === 'aborted' && typeof run.abortedBy === 'string'
        ? `Aborted by ${run.abortedBy}`
        : undefined;
    push(from, run.state, run.endedAt, how);
  }
  return steps;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
