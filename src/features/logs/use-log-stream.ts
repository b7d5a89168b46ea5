import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { LogLoader } from '../../queries/log-loader';
import type { LogStore } from '../../queries/log-store';
import { logQuery } from '../../queries/logs';
import { useLogPush } from './use-log-push';

/** While a long log is still arriving page after page, the viewer renders at most this often. */
const CATCH_UP_RENDER_MS = 100;

/** A log as the viewer needs it: the store, whether it is loading, and how to ask again. */
export interface LogStream {
  readonly loader: LogLoader;
  readonly store: LogStore;
  /** Changes whenever lines arrive (the store is mutated in place). */
  readonly version: number;
  readonly fetching: boolean;
  /** The last failure, if the last fetch failed (lines already held stay shown). */
  readonly error: Error | null;
  /** Asks for new lines now. */
  readonly refresh: () => void;
  /** New lines are pushed by the log's stream (no polling meanwhile). */
  readonly streamed: boolean;
}

/**
 * Follows a Run's log (`containerId` null) or a container's log. `active`: the Run is Queued or
 * Running; when it ends, the last lines are asked for at once instead of at the next poll.
 */
export function useLogStream(runId: number, containerId: number | null, active: boolean) {
  const query = useQuery(logQuery(runId, containerId));
  const loader = query.data;
  const { store } = loader;
  // While on screen, the rest of the log is filled in the background.
  useEffect(() => loader.attach(), [loader]);
  // Renders never inside the fetch loop (the next page is already on its way while lines
  // render), once for however many pages arrived meanwhile, and while catching up on a long log
  // at most every CATCH_UP_RENDER_MS.
  const subscribe = useCallback(
    (onChange: () => void) => {
      let timer: ReturnType<typeof setTimeout> | null = null;
      let last = 0;
      const unsubscribe = store.subscribe(() => {
        if (timer !== null) return;
        const wait = store.caughtUp ? 0 : Math.max(0, last + CATCH_UP_RENDER_MS - Date.now());
        timer = setTimeout(() => {
          timer = null;
          last = Date.now();
          onChange();
        }, wait);
      });
      return () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
      };
    },
    [store],
  );
  const version = useSyncExternalStore(subscribe, store.getVersion, store.getVersion);
  const { refetch } = query;

  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void refetch();
    wasActive.current = active;
  }, [active, refetch]);

  const refresh = useCallback(() => {
    void refetch({ cancelRefetch: false });
  }, [refetch]);

  const streamed = useLogPush(loader, version, { runId, containerId, refresh });

  return {
    loader,
    streamed,
    store,
    version,
    fetching: query.isFetching,
    error: query.error ?? loader.fillError,
    refresh,
  } satisfies LogStream;
}
