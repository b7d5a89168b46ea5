/** The lifecycle in words: how a transition happens, and how a terminal Run can be relaunched. */
import { assertNever } from '../../domain/assert-never';
import type { EdgeKind } from '../../domain/lifecycle';
import { initialState } from '../../domain/lifecycle';
import type { OperationType } from '../../domain/operations';
import { operationInfo } from '../../domain/operations';
import type { RelaunchKind } from '../../domain/run-path';
import { stateLabel } from '../../domain/states';

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

/** "Resume or Rerun" — the relaunch actions in words. */
export function relaunchActionsText(actions: readonly RelaunchKind[]): string {
  return actions.map((a) => (a === 'resume' ? 'Resume' : 'Rerun')).join(' or ');
}

/**
 * One sentence on how a terminal Run can be relaunched, e.g. "Resume (only the tables not
 * finished) or Rerun (every table from scratch) creates a new Run, starting in Queued."
 */
export function relaunchText(type: OperationType, actions: readonly RelaunchKind[]): string {
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

/**
 * The legend's words, saying what the diagrams draw: solid and dashed arrows (lifecycle.css
 * dashes mermaid's "dotted" links), thicker arrows out of the current state, and the current
 * state in its own status colour with a thick outline and the word "current".
 */
export const LEGEND_WORDS = {
  solid: 'Solid arrow: automatic transition',
  dashed: 'Dashed arrow: a user action or an error',
  thick: 'Thick arrow: a transition still possible from the current state',
  current:
    'Thick outline in its status colour, and “(current)” in the box: the state the Run is in',
  highlighted:
    'Thick outline in its status colour, and “(highlighted)” in the box: the state you picked above',
  visited: 'With a time: a state the Run passed through',
  unvisited: 'Dashed outline, faded: not reached',
  relaunch: 'Rounded, dashed outline: a new Run it can be relaunched as',
  colours: 'Box colours match the status badges',
} as const;
