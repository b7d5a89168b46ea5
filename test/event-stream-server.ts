/**
 * The fake server of the SSE client's tests (src/api/event-stream.test.ts): a `fetch` whose
 * streams the test writes byte by byte, closes or drops, or answers otherwise; `setup`, which opens
 * a stream on it and records what the client reports; and `flush`, under Vitest's fake timers.
 */
import { vi } from 'vitest';
import { z } from 'zod/mini';
import type { Breaker } from '../src/api/breaker';
import { realClock } from '../src/api/breaker';
import type { EventStream, StreamEvent, StreamState } from '../src/api/event-stream';
import { openEventStream } from '../src/api/event-stream';

export const events = {
  tick: z.looseObject({ n: z.number() }),
  complete: z.unknown(),
};

/** One connection the server holds open: the test writes to it, closes it or drops it. */
export interface Connection {
  readonly headers: Headers;
  readonly url: string;
  write(text: string): void;
  close(): void;
  drop(): void;
}

/** A fake API: each request gets `answer(request)`, by default an open event stream. */
export function fakeServer() {
  const connections: Connection[] = [];
  const encoder = new TextEncoder();
  let answer: ((connection: Connection) => Response | null) | null = null;
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
    });
    const connection: Connection = {
      headers: new Headers(init?.headers),
      url: String(input),
      write: (text) => {
        try {
          controller?.enqueue(encoder.encode(text));
        } catch {
          // The reader is gone (aborted): nobody hears it.
        }
      },
      close: () => controller?.close(),
      drop: () => controller?.error(new TypeError('network error')),
    };
    connections.push(connection);
    init?.signal?.addEventListener('abort', () => {
      try {
        controller?.error(new DOMException('The operation was aborted.', 'AbortError'));
      } catch {
        // Already closed.
      }
    });
    // Answered a moment later, so a test can choose the answer right after opening the stream.
    return Promise.resolve().then(
      () =>
        answer?.(connection) ??
        new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    );
  };
  return {
    fetch: fetchFn as typeof fetch,
    connections,
    /** The newest connection. */
    get last(): Connection {
      const last = connections.at(-1);
      if (!last) throw new Error('no connection yet');
      return last;
    },
    answerWith(next: ((connection: Connection) => Response | null) | null) {
      answer = next;
    },
  };
}

export function setup(
  options: { lastEventId?: string; endOn?: readonly 'complete'[]; breaker?: Breaker } = {},
) {
  const server = fakeServer();
  const received: StreamEvent<typeof events>[] = [];
  const states: StreamState[] = [];
  const malformed: string[] = [];
  const controller = new AbortController();
  const stream: EventStream = openEventStream({
    baseUrl: 'https://api.example/api/',
    token: 'secret',
    path: '/things/stream',
    events,
    fetch: server.fetch,
    clock: { ...realClock, random: () => 0 },
    onEvent: (event) => received.push(event),
    onState: (state) => states.push(state),
    onMalformed: (event) => malformed.push(`${event.type}#${event.id}: ${event.reason}`),
    signal: controller.signal,
    ...options,
  });
  const status = () => stream.getState().status;
  return { server, received, states, malformed, controller, stream, status };
}

/** Lets the stream's promise chains run (no timer moves). */
export const flush = () => vi.advanceTimersByTimeAsync(0);
