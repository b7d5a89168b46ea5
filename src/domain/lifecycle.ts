import type { OperationType } from './operations';
import { operationInfo } from './operations';
import type { RunState } from './states';
import { RUN_STATES } from './states';

/**
 * How a transition happens. Automatic edges are drawn solid; a user action or an error is drawn
 * dotted (SPEC §1.1).
 */
export type EdgeKind = 'automatic' | 'user' | 'error';

export interface Transition {
  readonly from: RunState;
  readonly to: RunState;
  readonly kind: EdgeKind;
  readonly label: string;
}

/** The one transition table. Everything (simulator, badges, diagram, tests) reads this. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'queued', to: 'running', kind: 'automatic', label: 'worker picks it up' },
  { from: 'queued', to: 'aborted', kind: 'user', label: 'user aborts' },
  { from: 'running', to: 'success', kind: 'automatic', label: 'every container processed' },
  { from: 'running', to: 'failure', kind: 'error', label: 'unrecoverable error' },
  { from: 'running', to: 'aborted', kind: 'user', label: 'user or system aborts' },
];

/** The state a new Run of this type is created in: Promote never enters Queued. */
export function initialState(type: OperationType): RunState {
  return operationInfo(type).startsQueued ? 'queued' : 'running';
}

/** The states a Run of this type can ever be in. */
export function statesFor(type: OperationType): readonly RunState[] {
  return operationInfo(type).startsQueued ? RUN_STATES : RUN_STATES.filter((s) => s !== 'queued');
}

/** The transitions of this type's lifecycle (Promote's variant has no Queued edges). */
export function transitionsFor(type: OperationType): readonly Transition[] {
  const states = statesFor(type);
  return TRANSITIONS.filter((t) => states.includes(t.from) && states.includes(t.to));
}

export function transitionsFrom(type: OperationType, state: RunState): readonly Transition[] {
  return transitionsFor(type).filter((t) => t.from === state);
}

export function isTransition(type: OperationType, from: RunState, to: RunState): boolean {
  return transitionsFor(type).some((t) => t.from === from && t.to === to);
}

/** The two lifecycle variants drawn on the Lifecycle page. */
export const LIFECYCLE_VARIANTS = [
  {
    id: 'general',
    title: 'Sync, Profile, Scan, External Scan, Export, Materialize',
    representative: 'scan',
  },
  { id: 'promote', title: 'Promote (created directly in Running)', representative: 'promote' },
] as const satisfies readonly { id: string; title: string; representative: OperationType }[];
