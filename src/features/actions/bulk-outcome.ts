/**
 * What a bulk action came to, per Run and in one sentence: pure functions from each Run's settled
 * request to its outcome. A failure means what `classifyActionError` says and an Abort answer what
 * `readAbortAnswer` says, as for one Run's notice.
 */
import { isApiError } from '../../api/errors';
import { assertNever } from '../../domain/assert-never';
import type { Run } from '../../domain/run';
import type { RunState } from '../../domain/states';
import { stateLabel } from '../../domain/states';
import type { BulkAction } from '../../queries/run-actions';
import { classifyActionError } from '../../queries/run-actions';
import { readAbortAnswer } from './abort-answer';

export interface BulkItemOutcome {
  readonly id: number;
  readonly run: Run;
  /**
   * done: the action took effect; refused: the server said no or the Run had moved on;
   * failed: no answer, or the API failed (these can be sent again).
   */
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
  const item = (
    status: BulkItemOutcome['status'],
    text: string,
    state: RunState | null = null,
  ) => ({
    id: run.id,
    run,
    status,
    text,
    state,
  });
  if (settled.status === 'fulfilled') {
    const answer = settled.value;
    if (action === 'delete' || answer === null) return item('done', 'Deleted');
    const reading = readAbortAnswer(answer, actingEmail);
    switch (reading.kind) {
      case 'aborted':
        return item('done', 'Done', 'aborted');
      case 'aborted-by-other':
        return item('refused', `Had already been aborted by ${reading.by}`, 'aborted');
      case 'requested':
        return item('done', `Abort requested; still ${stateLabel(reading.state)}`, reading.state);
      case 'finished':
        return item(
          'refused',
          `Had already finished as ${stateLabel(reading.state)}`,
          reading.state,
        );
      default:
        return assertNever(reading, 'abort answer');
    }
  }
  const error: unknown = settled.reason;
  if (!isApiError(error)) {
    return item('failed', `Failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const failure = classifyActionError(error);
  switch (failure) {
    case 'gone':
      return item('refused', 'Refused: it no longer exists');
    case 'conflict':
    case 'permission':
      return item('refused', `Refused (${error.status}): ${error.detail}`);
    case 'unreached':
      return item('failed', 'Not sent: the API could not be reached');
    case 'failed':
      return item('failed', `Failed: ${error.title}. ${error.detail}`);
    default:
      return assertNever(failure, 'action failure');
  }
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
