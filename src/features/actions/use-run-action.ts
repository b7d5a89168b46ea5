/**
 * One Run's action mutation: sends Abort/Resume/Rerun/Delete, at most one at a time (a second
 * click while a request is in flight is ignored, whatever the button's state), writes only the
 * server's answers into the cache, and says what happened.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/instance';
import type { ActionKind } from '../../domain/actions';
import type { Run } from '../../domain/run';
import { applyCreated, applyDeleted, applyRunAnswer, refetchRun, refetchUser } from './cache';
import type { ActionNotice } from './outcome';
import { abortNotice, createdNotice, deletedNotice, errorNotice } from './outcome';

export type RelaunchKind = 'resume' | 'rerun';

export interface RunActionCallbacks {
  /** A Resume or Rerun created `created`: the route can take the user to it or highlight it. */
  readonly onCreated?: ((created: Run, kind: RelaunchKind) => void) | undefined;
  /** The Run was deleted, here or (a 404) elsewhere before: the route can leave its page. */
  readonly onDeleted?: ((run: Run) => void) | undefined;
}

interface Variables {
  readonly action: ActionKind;
  readonly run: Run;
  readonly actingEmail: string;
  /**
   * For a retried Resume/Rerun: the children the parent had before the first attempt, so a Run
   * created by an attempt whose answer was lost is found instead of created twice.
   */
  readonly childrenBefore: ReadonlySet<number> | null;
  readonly retry: boolean;
}

type Result =
  | { readonly action: 'abort'; readonly answer: Run }
  | { readonly action: RelaunchKind; readonly created: Run }
  | { readonly action: 'delete' };

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

async function send(variables: Variables): Promise<Result> {
  const { action, run } = variables;
  switch (action) {
    case 'abort':
      return { action, answer: await api.abortRun(run.id) };
    case 'resume':
    case 'rerun': {
      if (variables.retry && variables.childrenBefore !== null) {
        const before = variables.childrenBefore;
        const fresh = await api.getRun(run.id);
        const made = fresh.children?.find((c) => c.relaunch === action && !before.has(c.id));
        if (made) return { action, created: await api.getRun(made.id) };
      }
      const created =
        action === 'resume' ? await api.resumeRun(run.id) : await api.rerunRun(run.id);
      return { action, created };
    }
    case 'delete':
      await api.deleteRun(run.id);
      return { action };
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
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

  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (result, variables) => {
      const parent = variables.run;
      switch (result.action) {
        case 'abort':
          applyRunAnswer(queryClient, result.answer);
          setNotice(abortNotice(result.answer, variables.actingEmail));
          return;
        case 'resume':
        case 'rerun':
          applyCreated(queryClient, parent.id, result.created);
          setNotice(createdNotice(result.action, parent, result.created));
          latest.current.onCreated?.(result.created, result.action);
          return;
        case 'delete':
          applyDeleted(queryClient, parent.id);
          setGone(true);
          setNotice(deletedNotice(parent));
          latest.current.onDeleted?.(parent);
          return;
        default: {
          const exhaustive: never = result;
          return exhaustive;
        }
      }
    },
    onError: (error, variables) => {
      const { notice: next, refresh } = errorNotice(variables.action, variables.run.id, error);
      setNotice(next);
      switch (refresh) {
        case 'conflict':
        case 'unknown':
          refetchRun(queryClient, variables.run.id);
          return;
        case 'gone':
          setGone(true);
          applyDeleted(queryClient, variables.run.id);
          latest.current.onDeleted?.(variables.run);
          return;
        case 'permission':
          refetchUser(queryClient);
          refetchRun(queryClient, variables.run.id);
          return;
        case 'none':
          return;
        default: {
          const exhaustive: never = refresh;
          return exhaustive;
        }
      }
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });
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
        { action, run, actingEmail, childrenBefore: childrenBefore.current, retry },
        { onSettled: () => options.onSettled?.() },
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
