/**
 * A log's live push (docs/api.md "Live streams"): while a viewer shows a log that still grows,
 * one Server-Sent Events stream feeds its loader from the newest line held (`Last-Event-ID`), and
 * the log query does not poll while that stream is live. When the stream is unavailable (a SPEC
 * §3 server), drops or is reconnecting, the loader says it is not streaming and polling takes
 * over (`onFallback` restarts it); the store takes every entry once whichever way it came.
 */
import type { EventStream, StreamState } from '../api/event-stream';
import { logStreamEvents, paths } from '../api/contract';
import { api } from '../api/instance';
import type { LogEntry } from '../api/map';
import { toLogEntry } from '../api/map';
import type { LogLoader } from './log-loader';

export interface LogStreamOptions {
  readonly runId: number;
  readonly containerId: number | null;
  /** The stream stopped being live: poll again. */
  readonly onFallback: () => void;
  readonly onState?: (state: StreamState) => void;
  /** For tests: the stream opener (api.openStream by default). */
  readonly open?: typeof api.openStream;
}

/** Whether a log is worth a stream: numbered by the server, opened, and still growing. */
export function canStream(loader: LogLoader): boolean {
  return loader.caps.lines && loader.store.loaded && !loader.store.complete;
}

/** Opens the stream of one log into its loader; the returned function closes it. */
export function followLogStream(loader: LogLoader, options: LogStreamOptions): () => void {
  const controller = new AbortController();
  let batch: LogEntry[] = [];
  // Entries that arrive together (a backlog chunk) are taken in at once.
  const flush = () => {
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    loader.takeLive(entries);
  };
  const setStreaming = (healthy: boolean) => {
    if (loader.streaming === healthy) return;
    loader.streaming = healthy;
    if (!healthy && !controller.signal.aborted) options.onFallback();
  };
  const open = options.open ?? ((o) => api.openStream(o));
  const stream: EventStream = open({
    path: paths.logStream(options.runId),
    query:
      options.containerId === null
        ? undefined
        : new URLSearchParams({ container: String(options.containerId) }),
    events: logStreamEvents,
    lastEventId: String(loader.liveAfter),
    endOn: ['complete'],
    signal: controller.signal,
    onEvent: (event) => {
      switch (event.type) {
        case 'entry':
          if (batch.length === 0) queueMicrotask(flush);
          batch.push(toLogEntry(event.data));
          break;
        case 'complete':
          flush();
          loader.takeLive([], true);
          break;
        default: {
          const exhaustive: never = event;
          return exhaustive;
        }
      }
    },
    onState: (state) => {
      if (state.status !== 'live') flush();
      setStreaming(state.status === 'live');
      options.onState?.(state);
    },
  });
  void stream.done.then(flush);
  return () => {
    flush();
    controller.abort();
    loader.streaming = false;
  };
}
