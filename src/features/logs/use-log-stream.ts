import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { logQuery } from './log-query';
import type { LogStore } from './log-store';

/** A log as the viewer needs it: the store, whether it is loading, and how to ask again. */
export interface LogStream {
  readonly store: LogStore;
  /** Changes whenever lines arrive (the store is mutated in place). */
  readonly version: number;
  readonly fetching: boolean;
  /** The last failure, if the last fetch failed (lines already held stay shown). */
  readonly error: Error | null;
  /** Asks for new lines now. */
  readonly refresh: () => void;
}

/**
 * Follows a Run's log (`containerId` null) or a container's log. `active`: the Run is Queued or
 * Running; when it ends, the last lines are asked for at once instead of at the next poll.
 */
export function useLogStream(runId: number, containerId: number | null, active: boolean) {
  const query = useQuery(logQuery(runId, containerId));
  const store = query.data;
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const { refetch } = query;

  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void refetch();
    wasActive.current = active;
  }, [active, refetch]);

  const refresh = useCallback(() => {
    void refetch({ cancelRefetch: false });
  }, [refetch]);

  return {
    store,
    version,
    fetching: query.isFetching,
    error: query.error,
    refresh,
  } satisfies LogStream;
}
