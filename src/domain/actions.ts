import { assertNever } from './assert-never';
import type { OperationType } from './operations';
import { operationInfo, remainingText } from './operations';
import type { ActingUser } from './permissions';
import { canAct } from './permissions';
import type { RunState } from './states';
import { isActive, stateLabel } from './states';

export const ACTIONS = ['abort', 'resume', 'rerun', 'delete'] as const;
export type ActionKind = (typeof ACTIONS)[number];

export function actionLabel(action: ActionKind): string {
  switch (action) {
    case 'abort':
      return 'Abort';
    case 'resume':
      return 'Resume';
    case 'rerun':
      return 'Rerun';
    case 'delete':
      return 'Delete';
    default:
      return assertNever(action, 'action');
  }
}

/** What the action rules need to know about a Run. */
export interface RunFacts {
  readonly type: OperationType;
  readonly state: RunState;
  readonly datastoreId: number;
  /**
   * Containers/entities a Resume would pick up (not completed successfully by this Run);
   * null when unknown.
   */
  readonly remaining: number | null;
}

export type ActionVerdict =
  | { readonly action: ActionKind; readonly allowed: true; readonly hint: string }
  | {
      readonly action: ActionKind;
      readonly allowed: false;
      /** Why: the Run's state or type rules it out, or the user lacks permission. */
      readonly cause: 'state' | 'type' | 'permission';
      readonly reason: string;
    };

/** Why an action is not available to a user without the Editor permission (SPEC §2). */
export const NEEDS_EDITOR = 'You need the Editor permission on this datastore';

/**
 * The action rules of SPEC §2: state × operation type × permission (Admin bypasses team
 * permissions). Returns a verdict for every action, in a stable order, with a reason in plain
 * words for each one that is not available.
 */
export function actionVerdicts(run: RunFacts, user: ActingUser): readonly ActionVerdict[] {
  return ACTIONS.map((action) => verdict(action, run, user));
}

export function actionVerdict(action: ActionKind, run: RunFacts, user: ActingUser): ActionVerdict {
  return verdict(action, run, user);
}

/**
 * Whether the action is valid for the Run itself — its state and operation type — whoever asks
 * (the lifecycle shows what a Run can still become, not what this user may do).
 */
export function actionAllowedFor(action: ActionKind, run: RunFacts): boolean {
  return ruleOut(action, run) === null;
}

function verdict(action: ActionKind, run: RunFacts, user: ActingUser): ActionVerdict {
  const ruled = ruleOut(action, run);
  if (ruled) return { action, allowed: false, ...ruled };
  if (!canAct(user, run.datastoreId)) {
    return { action, allowed: false, cause: 'permission', reason: NEEDS_EDITOR };
  }
  return { action, allowed: true, hint: hint(action, run) };
}

function ruleOut(
  action: ActionKind,
  run: RunFacts,
): { cause: 'state' | 'type'; reason: string } | null {
  const info = operationInfo(run.type);
  const active = isActive(run.state);
  switch (action) {
    case 'abort':
      return active
        ? null
        : {
            cause: 'state',
            reason: `Abort is only available while the Run is queued or running (it ended as ${stateLabel(run.state)})`,
          };
    case 'resume':
      if (!info.canResume) {
        return {
          cause: 'type',
          reason: `Resume is not available for ${info.label} runs — ${info.canRerun ? 'use Rerun' : 'launch a new run'}`,
        };
      }
      if (active) {
        return {
          cause: 'state',
          reason: 'Resume is available once the Run has ended in Failure or Aborted',
        };
      }
      if (run.state === 'success') {
        return {
          cause: 'state',
          reason: 'The Run succeeded, so there is nothing to resume — use Rerun',
        };
      }
      if (run.remaining === 0) {
        return {
          cause: 'state',
          reason: `Every ${info.unitSingular.toLowerCase()} already finished — use Rerun`,
        };
      }
      return null;
    case 'rerun':
      if (!info.canRerun) {
        return { cause: 'type', reason: `Rerun is not available for ${info.label} runs` };
      }
      return active
        ? { cause: 'state', reason: 'Rerun is available once the Run has finished' }
        : null;
    case 'delete':
      return active
        ? { cause: 'state', reason: 'Delete is available once the Run has finished' }
        : null;
    default:
      return assertNever(action, 'action');
  }
}

function hint(action: ActionKind, run: RunFacts): string {
  const info = operationInfo(run.type);
  switch (action) {
    case 'abort':
      return 'Stop this Run as soon as possible; partial results are kept';
    case 'resume':
      return run.remaining === null
        ? `Resume the ${info.unit.toLowerCase()} not finished`
        : `Resume ${remainingText(run.type, run.remaining)}`;
    case 'rerun':
      return `Run again with the same configuration, every ${info.unitSingular.toLowerCase()} from scratch`;
    case 'delete':
      return 'Remove this Run record; anomalies and other artifacts stay';
    default:
      return assertNever(action, 'action');
  }
}
