/**
 * The steps of a bulk action, as a pure reducer: idle → confirming → sending → done. An event
 * that does not apply to the current step is refused: the same state comes back (so, for
 * instance, a second confirm while a batch is out sends nothing).
 */
import { assertNever } from '../../domain/assert-never';
import type { Run } from '../../domain/run';
import type { BulkAction, BulkActionResult } from '../../queries/run-actions';
import type { BulkItemOutcome } from './bulk-outcome';
import { bulkItemOutcome } from './bulk-outcome';

/** What is sent: one action over some Runs, on behalf of one person. */
export interface BulkBatch {
  readonly action: BulkAction;
  readonly runs: readonly Run[];
  /** Who acts: an Abort answer says whether this person or someone else aborted the Run. */
  readonly actingEmail: string;
  /** A batch confirmed over the selection clears it once answered; a retry leaves it alone. */
  readonly origin: 'selection' | 'retry';
}

export interface BulkOutcome {
  readonly batch: BulkBatch;
  /** One per Run of the batch, in its order. */
  readonly items: readonly BulkItemOutcome[];
}

export type BulkActionState =
  | { readonly step: 'idle' }
  | {
      readonly step: 'confirming';
      /** The eligible Runs, to be sent once confirmed. */
      readonly batch: BulkBatch;
      /** Selected Runs the action does not apply to. */
      readonly skipped: number;
      /** The outcome still on screen behind the dialog; Cancel goes back to it. */
      readonly behind: Step<'done'> | null;
    }
  | {
      readonly step: 'sending';
      readonly batch: BulkBatch;
      readonly skipped: number;
      /** Requests answered so far, of `batch.runs.length`. */
      readonly answered: number;
      /** The confirmation stays open, busy, until the answers are in (unless closed meanwhile). */
      readonly dialog: boolean;
    }
  | {
      readonly step: 'done';
      readonly outcome: BulkOutcome;
      /** The Runs whose request failed or never arrived: what "Retry" sends again. */
      readonly notSent: readonly Run[];
      /** The outcome takes the focus as the dialog it replaces closes (the opener may be gone). */
      readonly takeFocus: boolean;
    };

export type BulkActionEvent =
  | {
      readonly type: 'open';
      readonly action: BulkAction;
      readonly eligible: readonly Run[];
      readonly skipped: number;
      readonly actingEmail: string;
    }
  | { readonly type: 'confirm' }
  /** The confirmation closes (Cancel, Escape). */
  | { readonly type: 'close' }
  | { readonly type: 'progress'; readonly answered: number }
  /** Every request of the batch has settled (per Run, in the batch's order). */
  | { readonly type: 'settled'; readonly results: BulkActionResult }
  | { readonly type: 'retry' }
  | { readonly type: 'dismiss' };

export const BULK_IDLE: BulkActionState = { step: 'idle' };

export function bulkActionReducer(state: BulkActionState, event: BulkActionEvent): BulkActionState {
  switch (event.type) {
    case 'open': {
      if (state.step !== 'idle' && state.step !== 'done') return state;
      if (event.eligible.length === 0) return state;
      const { action, eligible: runs, actingEmail, skipped } = event;
      return {
        step: 'confirming',
        batch: { action, runs, actingEmail, origin: 'selection' },
        skipped,
        behind: state.step === 'done' ? { ...state, takeFocus: false } : null,
      };
    }
    case 'confirm':
      if (state.step !== 'confirming') return state;
      return {
        step: 'sending',
        batch: state.batch,
        skipped: state.skipped,
        answered: 0,
        dialog: true,
      };
    case 'close':
      if (state.step === 'confirming') return state.behind ?? BULK_IDLE;
      if (state.step === 'sending' && state.dialog) return { ...state, dialog: false };
      return state;
    case 'progress':
      if (state.step !== 'sending' || event.answered <= state.answered) return state;
      return { ...state, answered: Math.min(event.answered, state.batch.runs.length) };
    case 'settled': {
      if (state.step !== 'sending') return state;
      const { batch } = state;
      const items = batch.runs.map((run, i) =>
        bulkItemOutcome(
          batch.action,
          run,
          event.results[i] ?? { status: 'rejected', reason: new Error('no answer') },
          batch.actingEmail,
        ),
      );
      return {
        step: 'done',
        outcome: { batch, items },
        notSent: items.filter((item) => item.status === 'failed').map((item) => item.run),
        takeFocus: state.dialog,
      };
    }
    case 'retry': {
      if (state.step !== 'done' || state.notSent.length === 0) return state;
      const { action, actingEmail } = state.outcome.batch;
      return {
        step: 'sending',
        batch: { action, runs: state.notSent, actingEmail, origin: 'retry' },
        skipped: 0,
        answered: 0,
        dialog: false,
      };
    }
    case 'dismiss':
      return state.step === 'done' ? BULK_IDLE : state;
    default:
      return assertNever(event, 'bulk action event');
  }
}

type Step<S extends BulkActionState['step']> = Extract<BulkActionState, { step: S }>;

/** The step the confirmation shows, or null when it is closed. */
export function dialogStep(state: BulkActionState): Step<'confirming' | 'sending'> | null {
  if (state.step === 'confirming') return state;
  if (state.step === 'sending' && state.dialog) return state;
  return null;
}

/** The outcome on screen: the last one, also while a new action is being confirmed over it. */
export function outcomeOnScreen(state: BulkActionState): Step<'done'> | null {
  if (state.step === 'done') return state;
  if (state.step === 'confirming') return state.behind;
  return null;
}
