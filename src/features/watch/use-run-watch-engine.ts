/**
 * Tells when a watched Run ends, from whatever brings Runs into the query cache: the Activity
 * list's polling, a Run page's, the watcher's own detail query (RunWatcher.tsx) or the Run-change
 * stream's pushes (src/queries/run-changes.ts writes them into the same cache). One subscription
 * to the cache for every watch; nothing here asks the API.
 */
import type { Query, QueryKey } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { RunPage } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { Run } from '../../domain/run';
import { isTerminal } from '../../domain/states';
import { runKeys } from '../../queries/runs';
import type { RunWatch } from './watch-store';
import { unwatchRun } from './watch-store';

/** A watch that has ended: with the Run as it ended, or null when the Run is gone. */
export interface EndedWatch {
  readonly watch: RunWatch;
  readonly run: Run | null;
}

const startsWith = (key: QueryKey, prefix: QueryKey): boolean =>
  prefix.every((part, i) => key[i] === part);

/** What one cached query says about the watched Runs: those it shows ended, or gone. */
export function endedIn(query: Query, watches: readonly RunWatch[]): EndedWatch[] {
  const { queryKey: key, state } = query;
  const watchOf = (id: unknown) => watches.find((w) => w.id === id);
  if (startsWith(key, runKeys.details())) {
    const watch = watchOf(key[2]);
    if (!watch) return [];
    const { error } = state;
    if (isApiError(error) && error.fromApi && error.status === 404) return [{ watch, run: null }];
    const run = state.data as Run | undefined;
    return run && isTerminal(run.state) ? [{ watch, run }] : [];
  }
  if (startsWith(key, runKeys.lists())) {
    const page = state.data as RunPage | undefined;
    if (!page || !Array.isArray(page.items)) return [];
    return page.items.flatMap((run) => {
      const watch = watchOf(run.id);
      return watch && isTerminal(run.state) ? [{ watch, run }] : [];
    });
  }
  return [];
}

/** Calls `onEnded` once for each watched Run seen to end; its watch is cleared first. */
export function useRunWatchEngine(
  watches: readonly RunWatch[],
  onEnded: (ended: EndedWatch) => void,
): void {
  const queryClient = useQueryClient();
  const latest = useRef({ watches, onEnded });
  useEffect(() => {
    latest.current = { watches, onEnded };
  });

  useEffect(() => {
    const check = (query: Query) => settle(query, latest.current.watches, latest.current.onEnded);
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'success' || event.action.type === 'error') check(event.query);
    });
  }, [queryClient]);

  // What the cache already holds when a watch begins (or comes back after a reload).
  useEffect(() => {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: runKeys.all })) {
      settle(query, watches, latest.current.onEnded);
    }
  }, [watches, queryClient]);
}

/** Clears and tells each watch this query shows ended; only the first sighting tells. */
function settle(
  query: Query,
  watches: readonly RunWatch[],
  onEnded: (ended: EndedWatch) => void,
): void {
  for (const ended of endedIn(query, watches)) {
    // Another query, or another tab, may have seen it first: then the watch is already gone.
    if (unwatchRun(ended.watch.id)) onEnded(ended);
  }
}
