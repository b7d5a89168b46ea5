/**
 * What one Run's action came to, in plain words: pure functions from (action, Run, answer or
 * error) to the notice shown. No React, no cache. Bulk outcomes are in `bulk-outcome.ts`.
 */
import { isApiError } from '../../api/errors';
import type { ActionKind } from '../../domain/actions';
import { actionLabel, NEEDS_EDITOR } from '../../domain/actions';
import { assertNever } from '../../domain/assert-never';
import { operationInfo } from '../../domain/operations';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { stateLabel } from '../../domain/states';
import { classifyActionError } from '../../queries/run-actions';
import { readAbortAnswer } from './abort-answer';

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

const verbOf = (action: ActionKind): string => actionLabel(action).toLowerCase();

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

/** The answer to an Abort, in words (what it means is read once, in `readAbortAnswer`). */
export function abortNotice(answer: Run, actingEmail: string): ActionNotice {
  const id = `Run #${answer.id}`;
  const reading = readAbortAnswer(answer, actingEmail);
  switch (reading.kind) {
    case 'aborted':
      return notice(
        'success',
        reading.by === null
          ? `${id} is now Aborted. Partial results are kept.`
          : `${id} was aborted by ${reading.by}. Partial results are kept.`,
        'aborted',
      );
    case 'aborted-by-other':
      return notice('info', `${id} had already been aborted by ${reading.by}`, 'aborted');
    case 'finished':
      return notice(
        'info',
        `${id} had already finished as ${stateLabel(reading.state)}`,
        reading.state,
      );
    case 'requested':
      return notice(
        'info',
        `Abort requested: ${id} is still ${stateLabel(reading.state)} and stops as soon as the worker notices`,
        reading.state,
      );
    default:
      return assertNever(reading, 'abort answer');
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

function pastTense(action: ActionKind): string {
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

function notice(tone: NoticeTone, text: string, state: RunState | null): ActionNotice {
  return { tone, text, state, retry: null };
}

function failureNotice(text: string, retry: ActionKind | null): ActionNotice {
  return { tone: 'error', text, state: null, retry };
}
