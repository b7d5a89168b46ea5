/**
 * What an action's answer changes in the query cache (single-Run and bulk actions alike). Only the
 * server's answers are written (never an optimistic guess), and only the affected keys are
 * refreshed.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RunPage } from '../api/client';
import type { Run } from '../domain/run';
import { activityKeys } from './activity';
import { logKeys } from './logs';
import { matchingKeys } from './matching';
import { platformKeys } from './platform';
import { runKeys } from './runs';

/** Replaces or drops one Run in every cached page of the Runs list. */
export function patchLists(queryClient: QueryClient, id: number, next: Run | null): void {
  queryClient.setQueriesData<RunPage>({ queryKey: runKeys.lists() }, (page) => {
    // Only pages of the list's own shape are patched; anything else is left to the refetch.
    if (!page || !Array.isArray(page.items) || !page.items.some((r) => r.id === id)) return page;
    if (next === null) {
      return { ...page, items: page.items.filter((r) => r.id !== id), total: page.total - 1 };
    }
    // A list item carries no per-container detail: keep the list's own shape for those fields.
    return {
      ...page,
      items: page.items.map((r) =>
        r.id === id
          ? {
              ...next,
              containers: r.containers,
              containerResults: r.containerResults,
              completedContainerIds: r.completedContainerIds,
            }
          : r,
      ),
    };
  });
}

/** The server answered a Run (after Abort): show exactly that, then refresh what depends on it. */
export function applyRunAnswer(queryClient: QueryClient, answer: Run): void {
  queryClient.setQueryData(runKeys.detail(answer.id), answer);
  patchLists(queryClient, answer.id, answer);
  // Filters on state or duration may now place it elsewhere; its log gained the abort entry.
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: logKeys.ofRun(answer.id) });
}

/** Resume/Rerun created a Run: cache it, and refresh the parent (its children), lists, counts. */
export function applyCreated(queryClient: QueryClient, parentId: number, created: Run): void {
  queryClient.setQueryData(runKeys.detail(created.id), created);
  void queryClient.invalidateQueries({ queryKey: runKeys.detail(parentId), exact: true });
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: activityKeys.all });
}

/**
 * The server deleted the Run, or says it no longer exists (404): drop it everywhere and refresh
 * lists and counts. Its detail query is removed, not refetched (the answer would be a 404); a
 * view still showing it says so itself (a Run page: "was deleted — it is no longer here").
 */
export function applyDeleted(queryClient: QueryClient, id: number): void {
  patchLists(queryClient, id, null);
  queryClient.removeQueries({ queryKey: runKeys.detail(id), exact: true });
  queryClient.removeQueries({ queryKey: logKeys.ofRun(id) });
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: activityKeys.all });
}

/** The Run is not what the screen thought (409, or an unreadable answer): refetch it and lists. */
export function refetchRun(queryClient: QueryClient, id: number): void {
  void queryClient.invalidateQueries({ queryKey: runKeys.detail(id), exact: true });
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
}

/** Not permitted: the acting user's permissions may have changed; refetch them. */
export function refetchUser(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: platformKeys.me });
}

/**
 * After a bulk action, once: write the answered states, drop what was deleted or is gone, and
 * refresh the lists (and the counts, when Runs were deleted).
 */
export function applyBulk(
  queryClient: QueryClient,
  answered: readonly Run[],
  removedIds: readonly number[],
  refused403: boolean,
): void {
  for (const run of answered) {
    if (queryClient.getQueryData(runKeys.detail(run.id)) !== undefined) {
      queryClient.setQueryData(runKeys.detail(run.id), run);
    }
    patchLists(queryClient, run.id, run);
    void queryClient.invalidateQueries({ queryKey: logKeys.ofRun(run.id) });
  }
  for (const id of removedIds) {
    patchLists(queryClient, id, null);
    queryClient.removeQueries({ queryKey: runKeys.detail(id), exact: true });
    queryClient.removeQueries({ queryKey: logKeys.ofRun(id) });
  }
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: matchingKeys.all });
  if (removedIds.length > 0) void queryClient.invalidateQueries({ queryKey: activityKeys.all });
  if (refused403) refetchUser(queryClient);
}
