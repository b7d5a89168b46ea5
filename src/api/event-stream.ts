/**
 * One Server-Sent Events stream of the API, read with `fetch` (so the bearer token goes along: a
 * browser `EventSource` cannot send it) and framed by `eventsource-parser`. Generic: the caller
 * names the event types it reads and their schemas (contract.ts), and gets each event typed and
 * validated.
 *
 * - Resumes after a drop with `Last-Event-ID` (the id of the last complete event: an event cut
 *   mid-way is dropped), at a backoff (breaker.ts: 1 s doubling to 30 s, jitter, `Retry-After`).
 * - With the client's breaker, it is one of the breaker's reads: while the API is unreachable a
 *   (re)connection waits its turn to probe like any read, a connection that gets no answer opens
 *   the breaker (a 5xx does only as the probe), and one that opens closes it — so an outage
 *   costs the tab the breaker's few probes a minute, not a stream's retries on top of them.
 * - A heartbeat watchdog: no byte (event or `: ping`) for `heartbeatMs` means the connection is
 *   dead, even if the socket says nothing: it reconnects.
 * - A server without the stream (404, 405, 501, 204, another 4xx, or an answer that is not
 *   `text/event-stream`) ends in `unavailable`: the caller falls back to polling.
 * - A malformed event (not JSON, or not the contract's shape) is counted, reported and skipped.
 * - The caller's AbortSignal closes it; an event type in `endOn` ends it (a log's `complete`).
 */
import type { z } from 'zod/mini';
import type { Breaker, BreakerClock } from './breaker';
import { backoffMs } from './breaker';
import { ApiError } from './errors';
import { describeIssues } from './contract';
import type { Outcome } from './sse-connection';
import { readConnection } from './sse-connection';

/** The schema of each event type's data, by event name. */
export type EventSchemas = Readonly<Record<string, z.ZodMiniType>>;

/** One validated event; `id` is the event's own `id` field (null when it had none). */
export type StreamEvent<M extends EventSchemas> = {
  [K in keyof M & string]: {
    readonly type: K;
    readonly id: string | null;
    readonly data: z.infer<M[K]>;
  };
}[keyof M & string];

/** What a UI can say about the stream. `since` is wall-clock ms. */
export type StreamState =
  | { readonly status: 'connecting'; readonly since: number }
  | { readonly status: 'live'; readonly since: number }
  | {
      readonly status: 'reconnecting';
      /** When the stream was last live (or first tried): "reconnecting since …". */
      readonly since: number;
      /** Failed attempts in a row (1 after the first drop). */
      readonly attempt: number;
      readonly nextAttemptAt: number;
      readonly reason: string;
    }
  /** Final: the server has no such stream (poll instead). */
  | { readonly status: 'unavailable'; readonly since: number; readonly reason: string }
  /** Final: the caller aborted, or an `endOn` event ended the stream. */
  | { readonly status: 'closed'; readonly since: number; readonly reason: 'aborted' | 'ended' };

export type StreamStatus = StreamState['status'];

/** An event that was skipped: not JSON, not the contract's shape, or its handler threw. */
export interface MalformedEvent {
  readonly type: string;
  readonly id: string | null;
  readonly reason: string;
}

export interface StreamStats {
  readonly events: number;
  readonly malformed: number;
  /** Connections opened (the first one included). */
  readonly connections: number;
}

export interface EventStreamConnection {
  /** The API's base URL, as for the client. */
  readonly baseUrl: string;
  readonly token?: string | null | undefined;
  readonly fetch?: typeof fetch | undefined;
  readonly clock?: BreakerClock | undefined;
  /** Silence after which the connection counts as dead (the server pings at least every 15 s). */
  readonly heartbeatMs?: number | undefined;
  /** The client's: paces (re)connections while the API is unreachable, and learns from them. */
  readonly breaker?: Breaker | undefined;
}

export interface OpenEventStreamOptions<M extends EventSchemas> extends EventStreamConnection {
  readonly path: string;
  readonly query?: URLSearchParams | undefined;
  /** The event types read, with the schema of their data; other types are ignored. */
  readonly events: M;
  /** Resume after this event id (sent as `Last-Event-ID`). */
  readonly lastEventId?: string | null | undefined;
  /** Event types after which the server is done: the stream closes instead of reconnecting. */
  readonly endOn?: readonly (keyof M & string)[];
  readonly onEvent: (event: StreamEvent<M>) => void;
  readonly onState?: ((state: StreamState) => void) | undefined;
  readonly onMalformed?: ((event: MalformedEvent) => void) | undefined;
  readonly signal: AbortSignal;
}

export interface EventStream {
  readonly getState: () => StreamState;
  /** The id to resume after: the last complete event's. */
  readonly getLastEventId: () => string | null;
  readonly getStats: () => StreamStats;
  /** Settles with the final state (closed or unavailable). */
  readonly done: Promise<StreamState>;
}

export const HEARTBEAT_MS = 30_000;

const realClock: BreakerClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export function openEventStream<M extends EventSchemas>(
  options: OpenEventStreamOptions<M>,
): EventStream {
  const clock = options.clock ?? realClock;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const query = options.query?.toString();
  const url = `${options.baseUrl.replace(/\/+$/, '')}${options.path}${query ? `?${query}` : ''}`;
  const endOn = new Set<string>(options.endOn ?? []);
  const { signal } = options;

  let state: StreamState = { status: 'connecting', since: clock.now() };
  let lastEventId = options.lastEventId ?? null;
  let serverRetryMs: number | null = null;
  const stats = { events: 0, malformed: 0, connections: 0 };

  const setState = (next: StreamState) => {
    state = next;
    options.onState?.(next);
  };
  const malformed = (event: MalformedEvent) => {
    stats.malformed += 1;
    options.onMalformed?.(event);
  };

  /** Validates and hands over one complete event; answers whether it ends the stream. */
  function dispatch(type: string, id: string | null, raw: string): boolean {
    if (id !== null) lastEventId = id;
    const schema = Object.hasOwn(options.events, type) ? options.events[type] : undefined;
    if (schema === undefined) return false;
    let json: unknown;
    try {
      json = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      malformed({ type, id, reason: 'the data is not JSON' });
      return false;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      malformed({ type, id, reason: describeIssues(parsed.error) });
      return false;
    }
    stats.events += 1;
    try {
      options.onEvent({ type, id, data: parsed.data } as StreamEvent<M>);
    } catch (error) {
      malformed({ type, id, reason: `its handler failed: ${String(error)}` });
    }
    return endOn.has(type);
  }

  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const connect = (opened: () => void) => {
    stats.connections += 1;
    return readConnection(
      { url, path: options.path, headers, lastEventId, fetch: doFetch, clock, heartbeatMs, signal },
      {
        onOpen: () => {
          opened();
          setState({ status: 'live', since: clock.now() });
        },
        onMessage: (message) =>
          !signal.aborted && dispatch(message.event ?? 'message', message.id ?? null, message.data),
        onRetry: (ms) => {
          serverRetryMs = ms;
        },
      },
    );
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const cancel = clock.setTimer(done, ms);
      function done() {
        cancel();
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });

  const { breaker } = options;
  /** Waits for the breaker's leave; answers whether this connection goes out as its probe. */
  async function admitted(): Promise<boolean | null> {
    if (breaker === undefined) return false;
    try {
      await breaker.admit(signal);
    } catch {
      return null; // aborted while waiting
    }
    return breaker.getState().status === 'unreachable';
  }

  async function run(): Promise<StreamState> {
    let attempt = 0;
    let since = state.since;
    while (!signal.aborted) {
      const probe = await admitted();
      if (probe === null) break;
      let opened = false;
      const outcome = await connect(() => {
        opened = true;
        breaker?.succeeded();
      });
      if (outcome.kind === 'dropped' && !opened) {
        // No answer at all says the API is out of reach; a busy or failing stream alone (a 5xx
        // while reads are answered) does not, unless it went out as the breaker's probe.
        if (probe || outcome.status === 0) breaker?.failed(noAnswer(outcome));
      } else if (probe && !opened) {
        // Its answer told nothing of the API's reach (aborted, or a server without the stream).
        breaker?.released();
      }
      if (outcome.kind === 'aborted') break;
      if (outcome.kind === 'ended') {
        setState({ status: 'closed', since: clock.now(), reason: 'ended' });
        return state;
      }
      if (outcome.kind === 'unavailable') {
        setState({ status: 'unavailable', since: clock.now(), reason: outcome.reason });
        return state;
      }
      if (state.status === 'live') since = clock.now();
      attempt = outcome.healthy ? 1 : attempt + 1;
      const retry = attempt === 1 ? (serverRetryMs ?? 0) : 0;
      const wait = Math.max(retry, backoffMs(attempt, clock.random, outcome.retryAfterMs));
      const paced = breaker?.getState();
      const turn = paced?.status === 'unreachable' ? paced.nextAttemptAt : 0;
      setState({
        status: 'reconnecting',
        since,
        attempt,
        nextAttemptAt: Math.max(clock.now() + wait, turn),
        reason: outcome.reason,
      });
      await sleep(wait);
    }
    setState({ status: 'closed', since: clock.now(), reason: 'aborted' });
    return state;
  }

  /** A connection that got no stream, as the breaker hears of it. */
  function noAnswer(outcome: Extract<Outcome, { kind: 'dropped' }>): ApiError {
    const kind = outcome.status !== 0 ? 'http' : outcome.timedOut ? 'timeout' : 'network';
    return new ApiError({
      kind,
      status: outcome.status,
      detail: `the stream at ${options.path}: ${outcome.reason}`,
      method: 'GET',
      url,
      retryAfterMs: outcome.retryAfterMs,
    });
  }

  options.onState?.(state);
  // Nothing above throws by design; should something still, the caller falls back to polling.
  const done = run().catch((error: unknown) => {
    setState({ status: 'unavailable', since: clock.now(), reason: `it failed: ${String(error)}` });
    return state;
  });
  return {
    getState: () => state,
    getLastEventId: () => lastEventId,
    getStats: () => ({ ...stats }),
    done,
  };
}
