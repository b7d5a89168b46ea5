/**
 * The tab's one Run-change stream (`GET /operations/stream`, docs/api.md "Live streams"), feeding
 * the query cache (run-changes.ts) and telling the polling rule whether it is live (run-feed.ts,
 * live.ts). Started once by the app shell (`useRunStream`).
 *
 * - A hidden tab keeps it for a short grace, then drops it; the browser going offline drops it at
 *   once. Back, it resumes after the last event it had (`Last-Event-ID`): the server sends what
 *   was missed, or `reset` (then everything about Runs is re-read).
 * - A server without the stream leaves the tab polling (and the slow check for new Runs); it is
 *   asked again when the tab comes back or the browser back online.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { paths, runStreamEvents } from '../api/contract';
import type { EventStream, OpenEventStreamOptions } from '../api/event-stream';
import { api } from '../api/instance';
import { POLL, STREAM } from '../config/polling';
import { rearmPolling } from './live';
import { startNewRunsCheck } from './new-runs-check';
import type { NewRunsCheckOptions } from './new-runs-check';
import { createRunChangeWriter } from './run-changes';
import type { RunFeedState } from './run-feed';
import { setRunFeed } from './run-feed';

type RunEvents = typeof runStreamEvents;
export type OpenRunStream = (
  options: Pick<
    OpenEventStreamOptions<RunEvents>,
    'path' | 'events' | 'lastEventId' | 'onEvent' | 'onState' | 'onMalformed' | 'signal'
  >,
) => EventStream;

/** Whether the tab is visible and the browser online, and a way to hear when that changes. */
export interface PageSignals {
  readonly visible: () => boolean;
  readonly online: () => boolean;
  readonly subscribe: (onChange: () => void) => () => void;
}

export interface RunStreamOptions {
  readonly open?: OpenRunStream;
  readonly page?: PageSignals | null;
  readonly batchMs?: number;
  readonly hiddenGraceMs?: number;
  /** The slow check for new Runs; null leaves it out. */
  readonly newRunsCheck?: Partial<NewRunsCheckOptions> | null;
}

/** Starts the stream and the slow check; answers the function that stops both. */
export function startRunStream(queryClient: QueryClient, options: RunStreamOptions = {}) {
  const open: OpenRunStream = options.open ?? ((o) => api.openStream(o));
  const page = options.page === undefined ? browserPage() : options.page;
  const visible = () => page?.visible() ?? true;
  const online = () => page?.online() ?? true;
  const writer = createRunChangeWriter(queryClient, { batchMs: options.batchMs ?? STREAM.batchMs });
  let connection: { readonly abort: AbortController; readonly stream: EventStream } | null = null;
  let resumeId: string | null = null;
  let wasLive = false;
  let graceTimer: ReturnType<typeof setTimeout> | null = null;

  const publish = (state: RunFeedState) => {
    setRunFeed(state);
    const live = state.status === 'live';
    if (live !== wasLive) {
      wasLive = live;
      rearmPolling(queryClient);
    }
  };

  function connect(): void {
    const abort = new AbortController();
    let handle: EventStream | null = null;
    handle = open({
      path: paths.operationsStream,
      events: runStreamEvents,
      lastEventId: resumeId,
      signal: abort.signal,
      onEvent: (event) => {
        if (event.type === 'run') writer.run(event.data);
        else if (event.type === 'deleted') writer.deleted(event.data.id);
        else writer.resync();
      },
      // An event that could not be read may have been any change: re-read what is shown.
      onMalformed: () => writer.resync(),
      onState: (state) => {
        if (abort.signal.aborted) return;
        // A connection without a resume id starts from "now": what happened before is unknown.
        if (state.status === 'live' && (handle?.getLastEventId() ?? resumeId) === null) {
          writer.resync();
        }
        if (state.status === 'unavailable' || state.status === 'closed') connection = null;
        publish(state);
      },
    });
    connection = { abort, stream: handle };
  }

  function drop(reason: 'hidden' | 'offline'): void {
    if (connection) {
      resumeId = connection.stream.getLastEventId();
      connection.abort.abort();
      connection = null;
    }
    publish({ status: 'paused', reason, since: Date.now() });
  }

  const clearGrace = () => {
    if (graceTimer !== null) clearTimeout(graceTimer);
    graceTimer = null;
  };

  function follow(): void {
    if (!online()) {
      clearGrace();
      drop('offline');
    } else if (!visible()) {
      graceTimer ??= setTimeout(() => {
        graceTimer = null;
        drop('hidden');
      }, options.hiddenGraceMs ?? STREAM.hiddenGraceMs);
    } else {
      clearGrace();
      if (connection === null) connect();
    }
  }

  const unsubscribe = page?.subscribe(follow) ?? (() => {});
  follow();
  const stopCheck =
    options.newRunsCheck === null
      ? () => {}
      : startNewRunsCheck(queryClient, { every: POLL.newRuns, visible, ...options.newRunsCheck });

  return (): void => {
    unsubscribe();
    clearGrace();
    stopCheck();
    connection?.abort.abort();
    connection = null;
    writer.dispose();
    publish({ status: 'off' });
  };
}

function browserPage(): PageSignals | null {
  if (typeof document === 'undefined' || typeof window === 'undefined') return null;
  return {
    visible: () => document.visibilityState !== 'hidden',
    online: () => navigator.onLine !== false,
    subscribe: (onChange) => {
      document.addEventListener('visibilitychange', onChange);
      window.addEventListener('online', onChange);
      window.addEventListener('offline', onChange);
      return () => {
        document.removeEventListener('visibilitychange', onChange);
        window.removeEventListener('online', onChange);
        window.removeEventListener('offline', onChange);
      };
    },
  };
}

/** The app shell's one call: the tab's Run stream (and the slow check) while the app is up. */
export function useRunStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => startRunStream(queryClient), [queryClient]);
}
