/**
 * The incremental log query. Its data is the Run's (or a container's) `LogStore`, created empty
 * with the query and filled in place: each fetch asks only for entries after the store's cursor,
 * page after page until caught up, then the query polls every LOG_REFRESH_MS while the log is not
 * complete (TanStack Query pauses the interval in a background tab) and stops once it is.
 */
import type { Query } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import type { LogPage } from '../../api/client';
import { LOG_PAGE_LIMIT } from '../../api/contract';
import { isApiError } from '../../api/errors';
import { api } from '../../api/instance';
import { apiKeys } from '../../api/queries';
import { LOG_REFRESH_MS } from '../../config/polling';
import { LogStore } from './log-store';

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

type LogQueryKey = ReturnType<typeof apiKeys.runLogs>;

const logRefetchInterval = (query: Query<LogStore, Error, LogStore, LogQueryKey>) => {
  if (query.state.data?.complete) return false;
  // An unknown or deleted Run will not grow a log.
  if (isApiError(query.state.error) && query.state.error.status === 404) return false;
  return LOG_REFRESH_MS;
};

/** The log of a Run (`containerId` null) or of one of its containers. */
export const logQuery = (runId: number, containerId: number | null) =>
  queryOptions({
    queryKey: apiKeys.runLogs(runId, containerId),
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
    refetchInterval: logRefetchInterval,
  });
