import type { OperationType } from './operations';
import { operationInfo } from './operations';
import type { RunState } from './states';
import { RUN_STATES } from './states';

/**
 * How a transition happens. Automatic edges are drawn solid; a user action or an error is drawn
 * dashed (SPEC §1.1 says "dotted"; the drawing and its legend say what they show: dashes).
 */
export type EdgeKind = 'automatic' | 'user' | 'error';

export interface Transition {
  readonly from: RunState;
  readonly to: RunState;
  readonly kind: EdgeKind;
  readonly label: string;
}

/**
 * The word for the things a Run works through, as the transition labels say it: the type's own
 * unit, singular and lower case ("table", "computed table", "entity"; SPEC §1).
 */
export function unitWord(type: OperationType): string {
  return operationInfo(type).unitSingular.toLowerCase();
}

/** The word that covers every type's unit at once: "container" (tables, views, file patterns). */
export const GENERAL_UNIT = 'container';

/**
 * The one transition table, its labels naming the unit of work (`unit`: "table", "entity", …).
 * Everything (simulator, badges, diagram, tests) reads this.
 */
function transitionTable(unit: string): readonly Transition[] {
  return [
    { from: 'queued', to: 'running', kind: 'automatic', label: 'worker picks it up' },
    { from: 'queued', to: 'aborted', kind: 'user', label: 'user aborts' },
    { from: 'running', to: 'success', kind: 'automatic', label: `every ${unit} processed` },
    { from: 'running', to: 'failure', kind: 'error', label: 'unrecoverable error' },
    { from: 'running', to: 'aborted', kind: 'user', label: 'user or system aborts' },
  ];
}

/** The table in its general words (SPEC §1.1), for what speaks of every type at once. */
export const TRANSITIONS: readonly Transition[] = transitionTable(GENERAL_UNIT);

/** The state a new Run of this type is created in: Promote never enters Queued. */
export function initialState(type: OperationType): RunState {
  return operationInfo(type).startsQueued ? 'queued' : 'running';
}

/** The states a Run of this type can ever be in. */
export function statesFor(type: OperationType): readonly RunState[] {
  return operationInfo(type).startsQueued ? RUN_STATES : RUN_STATES.filter((s) => s !== 'queued');
}

/**
 * The transitions of this type's lifecycle (Promote's variant has no Queued edges), labelled with
 * the type's unit word ("every entity processed"), or with `unit` where one drawing stands for
 * several types.
 */
export function transitionsFor(
  type: OperationType,
  unit: string = unitWord(type),
): readonly Transition[] {
  const states = statesFor(type);
  return transitionTable(unit).filter((t) => states.includes(t.from) && states.includes(t.to));
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
    // These types work through containers, tables or computed tables: the general word.
    unit: GENERAL_UNIT,
  },
  {
    id: 'promote',
    title: 'Promote (created directly in Running)',
    representative: 'promote',
    unit: unitWord('promote'),
  },
] as const satisfies readonly {
  id: string;
  title: string;
  representative: OperationType;
  unit: string;
}[];
