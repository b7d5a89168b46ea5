/**
 * What an action's answer means, in plain words: pure functions from (action, Run, answer or
 * error) to the message shown and to what must be refreshed. No React, no cache.
 */
import { isApiError } from '../../api/errors';
import type { ActionKind } from '../../domain/actions';
import { actionLabel } from '../../domain/actions';
import { assertNever } from '../../domain/assert-never';
import { operationInfo } from '../../domain/operations';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { isActive, stateLabel } from '../../domain/states';
import type { BulkAction } from '../../queries/run-actions';
import { classifyActionError } from '../../queries/run-actions';

export type NoticeTone = 'success' | 'info' | 'error';

/** A message about an action's outcome; errors are announced as alerts, the rest as status. */
export interface ActionNotice {
  readonly tone: NoticeTone;
  readonly text: string;
  /** The Run's state as the server answered it, shown as a badge beside the text. */
  readonly state: RunState | null;
  /** The action to offer again (a network failure or a server error), or null. */
  readonly retry: ActionKind | null;
}

const NEEDS_EDITOR = 'You need the Editor permission on this datastore';

export const verbOf = (action: ActionKind): string => actionLabel(action).toLowerCase();

export function busyLabel(action: ActionKind): string {
  switch (action) {
    case 'abort':
      return 'Aborting…';
    case 'resume':
      return 'Resuming…';
    case 'rerun':
      return 'Starting the rerun…';
    case 'delete':
      return 'Deleting…';
    default:
      return assertNever(action, 'action');
  }
}

/**
 * The answer to an Abort. The API answers 200 with the Run as it now is: Aborted when the abort
 * landed, or its real state when the Run had already finished (the race of SPEC §2).
 */
export function abortNotice(answer: Run, actingEmail: string): ActionNotice {
  const id = `Run #${answer.id}`;
  switch (answer.state) {
    case 'aborted': {
      if (answer.abortedBy === undefined || answer.abortedBy === null) {
        return notice('success', `${id} is now Aborted. Partial results are kept.`, 'aborted');
      }
      if (answer.abortedBy !== actingEmail) {
        return notice('info', `${id} had already been aborted by ${answer.abortedBy}`, 'aborted');
      }
      return notice(
        'success',
        `${id} was aborted by ${answer.abortedBy}. Partial results are kept.`,
        'aborted',
      );
    }
    case 'success':
    case 'failure':
      return notice(
        'info',
        `${id} had already finished as ${stateLabel(answer.state)}`,
        answer.state,
      );
    case 'queued':
    case 'running':
      return notice(
        'info',
        `Abort requested: ${id} is still ${stateLabel(answer.state)} and stops as soon as the worker notices`,
        answer.state,
      );
    default:
      return assertNever(answer.state, 'state');
  }
}

export function createdNotice(kind: 'resume' | 'rerun', parent: Run, created: Run): ActionNotice {
  const what = kind === 'resume' ? `resuming Run #${parent.id}` : `a rerun of Run #${parent.id}`;
  const count = created.progress.total;
  const { unit, unitSingular } = operationInfo(created.type);
  const scope =
    count > 0 ? ` over ${count} ${(count === 1 ? unitSingular : unit).toLowerCase()}` : '';
  return notice('success', `Created Run #${created.id}, ${what}${scope}`, created.state);
}

export function deletedNotice(run: Run): ActionNotice {
  return notice(
    'success',
    `Run #${run.id} was deleted. Anomalies and other artifacts it produced stay.`,
    null,
  );
}

/** A failed action in words (what it means is classified once, in the query layer). */
export function errorNotice(action: ActionKind, runId: number, error: unknown): ActionNotice {
  const id = `Run #${runId}`;
  const verb = verbOf(action);
  const failure = classifyActionError(error);
  if (!isApiError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return failureNotice(`Could not ${verb} ${id}: ${text}`, action);
  }
  switch (failure) {
    case 'unreached': {
      const doubt =
        action === 'resume' || action === 'rerun'
          ? 'no new Run is known to have been created'
          : `${id} may not have been ${pastTense(action)}`;
      return failureNotice(
        `Could not reach the API to ${verb} ${id}: ${doubt}. ${error.detail}`,
        action,
      );
    }
    case 'conflict':
      return failureNotice(`Could not ${verb} ${id}: ${error.detail}`, null);
    case 'gone':
      return failureNotice(`${id} no longer exists`, null);
    case 'permission': {
      const detail = /permission/i.test(error.detail)
        ? error.detail
        : `${error.detail} (${NEEDS_EDITOR})`;
      return failureNotice(`Not permitted: ${detail}`, null);
    }
    case 'failed':
      return failureNotice(
        `Could not ${verb} ${id}: ${error.title}. ${error.detail}`,
        error.retryable ? action : null,
      );
    default:
      return assertNever(failure, 'action failure');
  }
}

export function pastTense(action: ActionKind): string {
  switch (action) {
    case 'abort':
      return 'aborted';
    case 'resume':
      return 'resumed';
    case 'rerun':
      return 'rerun';
    case 'delete':
      return 'deleted';
    default:
      return assertNever(action, 'action');
  }
}

// ---------------------------------------------------------------------------------------------
// Bulk actions

export interface BulkItemOutcome {
  readonly id: number;
  readonly run: Run;
  /** done: the action took effect; refused: the server said no or the Run had moved on. */
  readonly status: 'done' | 'refused' | 'failed';
  readonly text: string;
  /** The state the server answered, when it answered one. */
  readonly state: RunState | null;
}

/** One Run's outcome in a bulk action, from its settled request. */
export function bulkItemOutcome(
  action: BulkAction,
  run: Run,
  settled: PromiseSettledResult<Run | null>,
  actingEmail: string,
): BulkItemOutcome {
  const base = { id: run.id, run };
  if (settled.status === 'fulfilled') {
    const answer = settled.value;
    if (action === 'delete' || answer === null) {
      return { ...base, status: 'done', text: 'Deleted', state: null };
    }
    if (answer.state === 'aborted') {
      if (answer.abortedBy && answer.abortedBy !== actingEmail) {
        return {
          ...base,
          status: 'refused',
          text: `Had already been aborted by ${answer.abortedBy}`,
          state: 'aborted',
        };
      }
      return { ...base, status: 'done', text: 'Done', state: 'aborted' };
    }
    if (isActive(answer.state)) {
      return {
        ...base,
        status: 'done',
        text: `Abort requested; still ${stateLabel(answer.state)}`,
        state: answer.state,
      };
    }
    return {
      ...base,
      status: 'refused',
      text: `Had already finished as ${stateLabel(answer.state)}`,
      state: answer.state,
    };
  }
  const error: unknown = settled.reason;
  if (isApiError(error) && error.fromApi && error.kind === 'http') {
    if (error.status === 404) {
      return { ...base, status: 'refused', text: 'Refused: it no longer exists', state: null };
    }
    if (error.status === 409 || error.status === 403) {
      return {
        ...base,
        status: 'refused',
        text: `Refused (${error.status}): ${error.detail}`,
        state: null,
      };
    }
  }
  if (isApiError(error) && (!error.fromApi || error.kind === 'network')) {
    return {
      ...base,
      status: 'failed',
      text: 'Not sent: the API could not be reached',
      state: null,
    };
  }
  const detail = isApiError(error)
    ? `${error.title}. ${error.detail}`
    : error instanceof Error
      ? error.message
      : String(error);
  return { ...base, status: 'failed', text: `Failed: ${detail}`, state: null };
}

/** "Aborted 3 of 4 Runs; 1 refused." */
export function bulkSummary(action: BulkAction, outcomes: readonly BulkItemOutcome[]): string {
  const done = outcomes.filter((o) => o.status === 'done').length;
  const refused = outcomes.filter((o) => o.status === 'refused').length;
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const n = outcomes.length;
  const parts = [
    `${action === 'abort' ? 'Aborted' : 'Deleted'} ${done} of ${n} ${n === 1 ? 'Run' : 'Runs'}`,
  ];
  if (refused > 0) parts.push(`${refused} refused`);
  if (failed > 0) parts.push(`${failed} failed`);
  return `${parts.join('; ')}.`;
}

function notice(tone: NoticeTone, text: string, state: RunState | null): ActionNotice {
  return { tone, text, state, retry: null };
}

function failureNotice(text: string, retry: ActionKind | null): ActionNotice {
  return { tone: 'error', text, state: null, retry };
}
