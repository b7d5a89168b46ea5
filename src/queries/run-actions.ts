/**
 * Abort, Resume, Rerun and Delete — of one Run or of many (bulk): mutation options that send the
 * request and own what its answer changes in the cache, and the one classifier of a failed
 * action that both the cache and the notices read.
 */
import type { QueryClient } from '@tanstack/react-query';
import { mutationOptions } from '@tanstack/react-query';
import { isApiError } from '../api/errors';
import { api } from '../api/instance';
import type { ActionKind } from '../domain/actions';
import { assertNever } from '../domain/assert-never';
import type { Run } from '../domain/run';
import { settleBounded } from '../lib/settle-bounded';
import { BULK_CONCURRENCY } from './matching';
import type { RelaunchClick, RelaunchKind } from './relaunch';
import { relaunch } from './relaunch';
import {
  applyBulk,
  applyCreated,
  applyDeleted,
  applyRunAnswer,
  refetchRun,
  refetchUser,
} from './run-cache';

export type { RelaunchKind } from './relaunch';

/**
 * What a failed action means:
 * - `conflict`: the action is no longer valid in the Run's state (409);
 * - `gone`: the API says the Run does not exist (404 in its own JSON error);
 * - `permission`: not permitted (403);
 * - `unreached`: no answer from the API (network, or something else answered): it may or may not
 *   have acted;
 * - `failed`: the API failed (5xx) or answered something unreadable.
 */
export type ActionFailure = 'conflict' | 'gone' | 'permission' | 'unreached' | 'failed';

export function classifyActionError(error: unknown): ActionFailure {
  if (!isApiError(error)) return 'failed';
  if (!error.fromApi || error.kind === 'network') return 'unreached';
  if (error.kind === 'http') {
    if (error.status === 409) return 'conflict';
    if (error.status === 404) return 'gone';
    if (error.status === 403) return 'permission';
  }
  return 'failed';
}

export interface RunActionVariables {
  readonly action: ActionKind;
  readonly run: Run;
  /** A Resume's or Rerun's click: its Idempotency-Key and what a retry looks for (relaunch.ts). */
  readonly click: RelaunchClick | null;
  readonly retry: boolean;
  /** Send a retried Resume/Rerun even though whether the lost attempt made a Run is unknown. */
  readonly force?: boolean;
}

export type RunActionResult =
  | { readonly action: 'abort'; readonly answer: Run }
  | { readonly action: RelaunchKind; readonly created: Run }
  | { readonly action: 'delete' };

async function sendRunAction(variables: RunActionVariables): Promise<RunActionResult> {
  const { action, run } = variables;
  switch (action) {
    case 'abort':
      return { action, answer: await api.abortRun(run.id) };
    case 'resume':
    case 'rerun': {
      if (!variables.click) throw new Error(`a ${action} is sent for a click`);
      const attempt = { retry: variables.retry, force: variables.force ?? false };
      return { action, created: await relaunch(api, action, run, variables.click, attempt) };
    }
    case 'delete':
      await api.deleteRun(run.id);
      return { action };
    default:
      return assertNever(action, 'action');
  }
}

/** One Run's action; the cache shows only what the server answered. */
export const runActionMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['runs', 'action'],
    mutationFn: sendRunAction,
    onSuccess: (result: RunActionResult, variables: RunActionVariables) => {
      switch (result.action) {
        case 'abort':
          applyRunAnswer(queryClient, result.answer);
          return;
        case 'resume':
        case 'rerun':
          applyCreated(queryClient, variables.run.id, result.created);
          return;
        case 'delete':
          applyDeleted(queryClient, variables.run.id);
          return;
        default:
          return assertNever(result, 'action result');
      }
    },
    onError: (error: Error, variables: RunActionVariables) => {
      const failure = classifyActionError(error);
      switch (failure) {
        case 'conflict':
        case 'failed':
        case 'unreached':
          // Read the Run again before anything else is said about it (it may have changed).
          refetchRun(queryClient, variables.run.id);
          return;
        case 'gone':
          applyDeleted(queryClient, variables.run.id);
          return;
        case 'permission':
          refetchUser(queryClient);
          refetchRun(queryClient, variables.run.id);
          return;
        default:
          return assertNever(failure, 'action failure');
      }
    },
  });

export type BulkAction = Extract<ActionKind, 'abort' | 'delete'>;

export interface BulkActionVariables {
  readonly action: BulkAction;
  readonly runs: readonly Run[];
  /** How many requests have been answered so far. */
  readonly onProgress?: (answered: number) => void;
}

/** Per Run, in the order of `runs`: the answered Run (Abort), null (Delete) or the failure. */
export type BulkActionResult = readonly PromiseSettledResult<Run | null>[];

/**
 * An action over many Runs, a few requests at a time; every Run gets its own outcome (a failure
 * does not stop the others). The cache is updated once, when all have answered.
 */
export const bulkActionMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['runs', 'bulk-action'],
    mutationFn: ({ action, runs, onProgress }: BulkActionVariables): Promise<BulkActionResult> =>
      settleBounded(
        runs,
        BULK_CONCURRENCY,
        async (run): Promise<Run | null> => {
          if (action === 'abort') return api.abortRun(run.id);
          await api.deleteRun(run.id);
          return null;
        },
        onProgress,
      ),
    onSuccess: (settled: BulkActionResult, { runs }: BulkActionVariables) => {
      const answered: Run[] = [];
      const removed: number[] = [];
      let refused403 = false;
      settled.forEach((result, i) => {
        const run = runs[i];
        if (!run) return;
        if (result.status === 'fulfilled') {
          if (result.value) answered.push(result.value);
          else removed.push(run.id);
          return;
        }
        const failure = classifyActionError(result.reason);
        if (failure === 'gone') removed.push(run.id);
        if (failure === 'permission') refused403 = true;
      });
      applyBulk(queryClient, answered, removed, refused403);
    },
  });
