/**
 * One connection of an event stream (event-stream.ts): the request, what the answer means, and
 * reading it through `eventsource-parser` under a heartbeat watchdog, until it ends, drops, goes
 * silent or is aborted. Answers how it ended; reconnecting is the caller's business.
 */
import type { EventSourceMessage } from 'eventsource-parser';
import { createParser } from 'eventsource-parser';
import type { BreakerClock } from './breaker';
import { parseRetryAfter } from './request';

/** How one connection ended. */
export type Outcome =
  | { readonly kind: 'aborted' }
  /** An event the caller said ends the stream arrived. */
  | { readonly kind: 'ended' }
  /** The server has no such stream: final. */
  | { readonly kind: 'unavailable'; readonly reason: string }
  | {
      readonly kind: 'dropped';
      readonly reason: string;
      /** The status of an answer that was not a stream (5xx, 429, 408); 0 when none came. */
      readonly status: number;
      /** No answer within the heartbeat. */
      readonly timedOut: boolean;
      readonly retryAfterMs: number | null;
      /** Something arrived on it: the next wait starts again from the first step. */
      readonly healthy: boolean;
    };

export interface ConnectionSpec {
  readonly url: string;
  /** For messages: the path asked for. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly lastEventId: string | null;
  readonly fetch: typeof fetch;
  readonly clock: BreakerClock;
  readonly heartbeatMs: number;
  readonly signal: AbortSignal;
}

export interface ConnectionHandlers {
  /** The answer is a stream: it is live. */
  readonly onOpen: () => void;
  /** A complete event; answers true when it ends the stream. */
  readonly onMessage: (message: EventSourceMessage) => boolean;
  readonly onRetry: (ms: number) => void;
}

export async function readConnection(
  spec: ConnectionSpec,
  handlers: ConnectionHandlers,
): Promise<Outcome> {
  const { signal, clock, heartbeatMs } = spec;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort);
  let timedOut = false;
  let cancelWatchdog = () => {};
  /** (Re)arms the watchdog: silence from now on for heartbeatMs kills the connection. */
  const watch = () => {
    cancelWatchdog();
    cancelWatchdog = clock.setTimer(() => {
      timedOut = true;
      controller.abort();
    }, heartbeatMs);
  };
  const seconds = Math.round(heartbeatMs / 1000);
  const headers: Record<string, string> = {
    ...spec.headers,
    Accept: 'text/event-stream',
    'Cache-Control': 'no-cache',
  };
  if (spec.lastEventId !== null) headers['Last-Event-ID'] = spec.lastEventId;
  watch();
  try {
    let response: Response;
    try {
      response = await spec.fetch(spec.url, {
        headers,
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch {
      if (signal.aborted) return { kind: 'aborted' };
      const reason = timedOut ? `no answer within ${seconds} s` : 'no answer';
      return { kind: 'dropped', reason, status: 0, timedOut, retryAfterMs: null, healthy: false };
    }
    const verdict = classify(response, spec);
    if (verdict !== null || response.body === null) {
      void response.body?.cancel().catch(() => {});
      return verdict ?? { kind: 'unavailable', reason: 'the answer has no body' };
    }
    handlers.onOpen();
    watch();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let ended = false;
    let received = false;
    // A parser per connection: an event cut mid-way by a drop is never dispatched.
    const parser = createParser({
      onEvent: (message) => {
        if (!ended) ended = handlers.onMessage(message);
      },
      onRetry: handlers.onRetry,
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received = true;
        watch();
        parser.feed(decoder.decode(value, { stream: true }));
        if (ended || signal.aborted) break;
      }
    } catch {
      // Aborted, silent too long, or dropped: told apart below.
    } finally {
      void reader.cancel().catch(() => {});
    }
    if (signal.aborted) return { kind: 'aborted' };
    if (ended) return { kind: 'ended' };
    const reason = timedOut
      ? `no event or ping for ${seconds} s`
      : received
        ? 'the server closed the stream'
        : 'the connection dropped';
    return { kind: 'dropped', reason, status: 0, timedOut, retryAfterMs: null, healthy: received };
  } finally {
    cancelWatchdog();
    signal.removeEventListener('abort', onAbort);
  }
}

/** Null when the answer is a stream; otherwise what it means. */
function classify(response: Response, spec: ConnectionSpec): Outcome | null {
  const type = response.headers.get('Content-Type') ?? '';
  const { status } = response;
  if (response.ok && status !== 204 && type.toLowerCase().startsWith('text/event-stream')) {
    return null;
  }
  // Busy or failing for now: try again later. 501 "not implemented" will not pass.
  if (status === 408 || status === 429 || (status >= 500 && status !== 501)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), spec.clock.now());
    return {
      kind: 'dropped',
      reason: `the server answered ${status}`,
      status,
      timedOut: false,
      retryAfterMs,
      healthy: false,
    };
  }
  // 404, 405, 501, 204, another 4xx, or an answer that is not a stream (an HTML page, JSON).
  const what = response.ok ? `${status}, ${type || 'no content type'}` : String(status);
  return { kind: 'unavailable', reason: `the server has no stream at ${spec.path} (${what})` };
}
