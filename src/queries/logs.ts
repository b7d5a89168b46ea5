/**
 * A Run's log (or one container's): key and the incremental log query. Its data is the log's
 * `LogStore`, created empty with the query and filled in place: each fetch asks only for entries
 * after the store's cursor, page after page until caught up, then the live rule (live.ts) asks
 * again while the log is not complete and stops once it is.
 */
import { queryOptions } from '@tanstack/react-query';
import type { LogPage } from '../api/client';
import { LOG_PAGE_LIMIT } from '../api/contract';
import { api } from '../api/instance';
import { POLL } from '../config/polling';
import { liveRefetch } from './live';
import { LogStore } from './log-store';
import { runKeys } from './runs';

export const logKeys = {
  all: [...runKeys.all, 'logs'] as const,
  /** Every log of one Run (its Run-level log and each container's). */
  ofRun: (runId: number) => [...logKeys.all, runId] as const,
  /** One log: the Run-level log (`containerId` null) or a container's. */
  log: (runId: number, containerId: number | null) =>
    [...logKeys.ofRun(runId), containerId] as const,
};

/**
 * Fetches what the store does not hold yet and appends it, one page at a time (so the viewer
 * shows lines while a long log is still arriving). Returns the number of lines added.
 */
export async function fetchNewLines(
  store: LogStore,
  fetchPage: (after: number) => Promise<LogPage>,
): Promise<number> {
  let added = 0;
  while (!store.complete) {
    const before = store.cursor;
    const page = await fetchPage(before);
    // Fewer entries than a full page: the server has nothing more for now.
    const caughtUp = page.complete || page.entries.length < LOG_PAGE_LIMIT;
    added += store.append(page, caughtUp);
    // A full page that does not move the cursor would loop forever: stop and poll later.
    if (caughtUp || store.cursor <= before) break;
  }
  return added;
}

/** The log of a Run (`containerId` null) or of one of its containers. */
export const logQuery = (runId: number, containerId: number | null) =>
  queryOptions({
    queryKey: logKeys.log(runId, containerId),
    queryFn: async ({ client, queryKey, signal }): Promise<LogStore> => {
      const store = client.getQueryData<LogStore>(queryKey) ?? new LogStore();
      await fetchNewLines(store, (after) =>
        api.getLogs(runId, { after, container: containerId }, signal),
      );
      return store;
    },
    // The store exists from the start, so lines show as the first pages arrive.
    initialData: () => new LogStore(),
    initialDataUpdatedAt: 0,
    staleTime: 0,
    // The data is one mutable store: never compared or copied.
    structuralSharing: false,
    refetchInterval: liveRefetch((store: LogStore) => !store.complete, POLL.log),
  });
