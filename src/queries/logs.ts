/**
 * A Run's log (or one container's): keys, the log query and the server-side search. The log
 * query's data is the log's loader (log-loader.ts), created with the query, whose store is filled
 * in place: the first fetch reads the newest lines, each later one the lines after the newest
 * held (the live rule, live.ts, asks again while the log is not complete and no stream feeds
 * it, log-live.ts), and the loader fills older lines in the background while a viewer is attached.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/instance';
import { POLL } from '../config/polling';
import { liveRefetch } from './live';
import { LogLoader } from './log-loader';
import { runKeys } from './runs';

export const logKeys = {
  all: [...runKeys.all, 'logs'] as const,
  /** Every log of one Run (its Run-level log and each container's). */
  ofRun: (runId: number) => [...logKeys.all, runId] as const,
  /** One log: the Run-level log (`containerId` null) or a container's. */
  log: (runId: number, containerId: number | null) =>
    [...logKeys.ofRun(runId), containerId] as const,
  /** A search of one log on the server. */
  search: (runId: number, containerId: number | null, q: string) =>
    [...logKeys.log(runId, containerId), 'search', q] as const,
};

/** A loader of one log through the API. */
export function apiLogLoader(runId: number, containerId: number | null): LogLoader {
  return new LogLoader(
    (query, signal) => api.getLogs(runId, { ...query, container: containerId }, signal),
    {
      search: (q, signal) => api.searchLog(runId, { q, container: containerId }, signal),
      runId,
      containerId,
    },
  );
}

/** The log of a Run (`containerId` null) or of one of its containers. */
export const logQuery = (runId: number, containerId: number | null) =>
  queryOptions({
    queryKey: logKeys.log(runId, containerId),
    queryFn: async ({ client, queryKey, signal }): Promise<LogLoader> => {
      const loader = client.getQueryData<LogLoader>(queryKey) ?? apiLogLoader(runId, containerId);
      // A live stream brings the new lines (log-live.ts): no poll meanwhile.
      if (!loader.streaming) await loader.refresh(signal);
      return loader;
    },
    // The loader exists from the start, so lines show as the first pages arrive.
    initialData: () => apiLogLoader(runId, containerId),
    initialDataUpdatedAt: 0,
    staleTime: 0,
    // The data is one mutable loader: never compared or copied.
    structuralSharing: false,
    refetchInterval: liveRefetch(
      (loader: LogLoader) => !loader.store.complete && !loader.streaming,
      POLL.log,
    ),
  });

/** The lines of a log matching `q`, searched on the server (null: the server has no search). */
export const logSearchQuery = (
  loader: LogLoader,
  runId: number,
  containerId: number | null,
  q: string,
) =>
  queryOptions({
    queryKey: logKeys.search(runId, containerId, q),
    queryFn: ({ signal }) => loader.searchOnServer(q, signal),
    staleTime: 5_000,
    enabled: q !== '',
  });
