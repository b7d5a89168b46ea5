import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LogLoader } from '../../queries/log-loader';
import { canStream, followLogStream } from '../../queries/log-live';

const subscribeVisibility = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};
const isVisible = () => document.visibilityState !== 'hidden';

/**
 * One stream per open log (log-live.ts) while it still grows and the tab is visible: a hidden
 * tab drops it and, on return, resumes from the newest line held. `refresh` asks the log query
 * again, which polls while the stream is not live. Says whether the log is streamed now.
 */
export function useLogPush(
  loader: LogLoader,
  version: number,
  options: { readonly runId: number; readonly containerId: number | null; refresh: () => void },
): boolean {
  const visible = useSyncExternalStore(subscribeVisibility, isVisible, () => true);
  // Once a server said it has no such stream, this viewer polls.
  const [unavailable, setUnavailable] = useState(false);
  const [live, setLive] = useState(false);
  const wanted = visible && !unavailable && canStream(loader);
  const { runId, containerId, refresh } = options;
  useEffect(() => {
    if (!wanted) return;
    const close = followLogStream(loader, {
      runId,
      containerId,
      onFallback: refresh,
      onState: (state) => {
        setLive(state.status === 'live');
        if (state.status === 'unavailable') setUnavailable(true);
      },
    });
    return () => {
      close(); // a stream opened again resumes from the newest line held
      setLive(false);
    };
  }, [loader, wanted, runId, containerId, refresh]);
  void version; // `wanted` is read again as lines (and the log's completion) arrive
  return live && wanted;
}
