/**
 * One Run's action mutation: sends Abort/Resume/Rerun/Delete, at most one at a time (a second
 * click while a request is in flight is ignored, whatever the button's state), writes only the
 * server's answers into the cache, and says what happened.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionKind } from '../../domain/actions';
import { assertNever } from '../../domain/assert-never';
import type { Run } from '../../domain/run';
import type { RelaunchKind } from '../../queries/run-actions';
import { classifyActionError, runActionMutation } from '../../queries/run-actions';
import type { ActionNotice } from './run-notice';
import { abortNotice, createdNotice, deletedNotice, errorNotice } from './run-notice';

export interface RunActionCallbacks {
  /** A Resume or Rerun created `created`: the route can take the user to it or highlight it. */
  readonly onCreated?: ((created: Run, kind: RelaunchKind) => void) | undefined;
  /** The Run was deleted, here or (a 404) elsewhere before: the route can leave its page. */
  readonly onDeleted?: ((run: Run) => void) | undefined;
}

export interface RunActionState {
  /** The action whose request is in flight, or null. */
  readonly pending: ActionKind | null;
  readonly notice: ActionNotice | null;
  /** The server said the Run is gone (deleted here or elsewhere): no action applies any more. */
  readonly gone: boolean;
  /** Sends the action unless one is already in flight; `onSettled` runs when it answers. */
  readonly perform: (
    action: ActionKind,
    options?: { retry?: boolean; onSettled?: () => void },
  ) => void;
  readonly dismiss: () => void;
}

export function useRunAction(
  run: Run,
  actingEmail: string,
  callbacks: RunActionCallbacks,
): RunActionState {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const childrenBefore = useRef<ReadonlySet<number> | null>(null);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [gone, setGone] = useState(false);
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  // The mutation options own the request and the cache; this hook owns what the person is told.
  const mutation = useMutation(runActionMutation(queryClient));
  const { mutate } = mutation;

  const perform = useCallback<RunActionState['perform']>(
    (action, options = {}) => {
      // The guard beyond `disabled`: a second click in the same tick, before React re-renders
      // the button as busy, must not send a second request.
      if (inFlight.current) return;
      inFlight.current = true;
      const retry = options.retry ?? false;
      if (!retry) {
        childrenBefore.current = run.children ? new Set(run.children.map((c) => c.id)) : null;
      }
      // A retry keeps the failure on screen (with its busy Retry button) until the answer.
      if (!retry) setNotice(null);
      mutate(
        { action, run, childrenBefore: childrenBefore.current, retry },
        {
          onSuccess: (result) => {
            switch (result.action) {
              case 'abort':
                setNotice(abortNotice(result.answer, actingEmail));
                return;
              case 'resume':
              case 'rerun':
                setNotice(createdNotice(result.action, run, result.created));
                latest.current.onCreated?.(result.created, result.action);
                return;
              case 'delete':
                setGone(true);
                setNotice(deletedNotice(run));
                latest.current.onDeleted?.(run);
                return;
              default:
                return assertNever(result, 'action result');
            }
          },
          onError: (error) => {
            setNotice(errorNotice(action, run.id, error));
            if (classifyActionError(error) === 'gone') {
              setGone(true);
              latest.current.onDeleted?.(run);
            }
          },
          onSettled: () => {
            inFlight.current = false;
            options.onSettled?.();
          },
        },
      );
    },
    [mutate, run, actingEmail],
  );

  const dismiss = useCallback(() => setNotice(null), []);

  return {
    pending: mutation.isPending ? mutation.variables.action : null,
    notice,
    gone,
    perform,
    dismiss,
  };
}
