/**
 * A bulk action over the selection (SPEC §5): its steps are `bulkActionReducer`'s state, and the
 * batch that state says is out is sent once. The bulk mutation owns the requests (a few at a
 * time) and what their answers write into the cache; this hook owns the steps.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useReducer } from 'react';
import type { Run } from '../../domain/run';
import type { BulkAction } from '../../queries/run-actions';
import { bulkActionMutation } from '../../queries/run-actions';
import type { BulkActionState, BulkBatch } from './bulk-action-reducer';
import { BULK_IDLE, bulkActionReducer } from './bulk-action-reducer';

export interface BulkActionControls {
  readonly state: BulkActionState;
  /** Asks to confirm `action` over the `eligible` Runs of the selection. */
  readonly open: (
    action: BulkAction,
    eligible: readonly Run[],
    skipped: number,
    actingEmail: string,
  ) => void;
  readonly confirm: () => void;
  /** The confirmation closes; a batch already out goes on. */
  readonly close: () => void;
  /** Sends again the Runs whose request failed or never arrived. */
  readonly retry: () => void;
  readonly dismiss: () => void;
}

/** `clearSelection` runs once a batch confirmed over the selection has been answered. */
export function useBulkAction(clearSelection: () => void): BulkActionControls {
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation(bulkActionMutation(queryClient));
  const [state, dispatch] = useReducer(bulkActionReducer, BULK_IDLE);

  const send = useEffectEvent((batch: BulkBatch) => {
    mutateAsync({
      action: batch.action,
      runs: batch.runs,
      onProgress: (answered) => dispatch({ type: 'progress', answered }),
    }).then(
      (results) => {
        dispatch({ type: 'settled', results });
        if (batch.origin === 'selection') clearSelection();
      },
      // Each Run's request settles on its own, so this is a fault of the batch as a whole: every
      // Run is said to have failed (and can be retried); the selection stays.
      (reason: unknown) =>
        dispatch({
          type: 'settled',
          results: batch.runs.map(() => ({ status: 'rejected', reason })),
        }),
    );
  });

  // The reducer alone decides whether a batch goes out (a second confirm while sending is
  // refused), and a batch stays the same object while it is out: each one is sent exactly once,
  // however many clicks arrive before React renders again.
  const out = state.step === 'sending' ? state.batch : null;
  useEffect(() => {
    if (out) send(out);
  }, [out]);

  return {
    state,
    open: (action, eligible, skipped, actingEmail) =>
      dispatch({ type: 'open', action, eligible, skipped, actingEmail }),
    confirm: () => dispatch({ type: 'confirm' }),
    close: () => dispatch({ type: 'close' }),
    retry: () => dispatch({ type: 'retry' }),
    dismiss: () => dispatch({ type: 'dismiss' }),
  };
}
