/**
 * A Server-Sent Events answer as a plain `Response` over a `ReadableStream`, so the same handler
 * serves `fetch` in Node tests (setupServer), the browser's service worker and a Node HTTP server
 * (`getResponse`). It sends what its source has whenever the reader wants more; when the source
 * has nothing it waits to be woken: by a real-time ticker (the simulator's clock follows real time
 * in the browser and on a server, and nothing else would move it), or at once by the simulator
 * (the clock moved by hand, a command, a reset). A comment `: ping` goes out when nothing else
 * was sent for `pingMs`. It stops, timer and subscription, when the reader cancels, the request
 * is aborted, or the source ends.
 */

/** One event of the stream. */
export interface SseMessage {
  readonly id?: number;
  readonly event?: string;
  readonly data: string;
}

export function frame({ id, event, data }: SseMessage): string {
  let text = event === undefined ? '' : `event: ${event}\n`;
  if (id !== undefined) text += `id: ${id}\n`;
  for (const line of data.split('\n')) text += `data: ${line}\n`;
  return `${text}\n`;
}

/** What to send next: some text (and whether it is the last), or null for nothing yet. */
export interface SseSource {
  pull(): { readonly text: string; readonly done?: boolean } | null;
  /** Calls `wake` when there may be something new; answers the function that stops it. */
  subscribe(wake: () => void): () => void;
}

export interface StreamTiming {
  /** How often the source is asked while nothing wakes it. */
  readonly tickMs: number;
  /** The longest silence before a `: ping` (under the 15 s docs/api.md promises). */
  readonly pingMs: number;
}

export const STREAM_TIMING: StreamTiming = { tickMs: 250, pingMs: 10_000 };

const PING = ': ping\n\n';

export function sseResponse(
  signal: AbortSignal,
  source: SseSource,
  timing: StreamTiming = STREAM_TIMING,
): Response {
  const encoder = new TextEncoder();
  let wake: (() => void) | null = null;
  const poke = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  let stopped = false;
  const ticker = setInterval(poke, timing.tickMs);
  const unsubscribe = source.subscribe(poke);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(ticker);
    unsubscribe();
    poke();
  };
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  let lastSent = Date.now();

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (!stopped) {
        const next = source.pull();
        const text = next?.text ?? (Date.now() - lastSent >= timing.pingMs ? PING : null);
        if (text !== null) {
          if (text !== '') controller.enqueue(encoder.encode(text));
          lastSent = Date.now();
          if (next?.done) break;
          return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      stop();
      try {
        controller.close();
      } catch {
        // Already cancelled by the reader.
      }
    },
    cancel: stop,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      // Tells a reverse proxy (nginx) not to buffer the stream.
      'X-Accel-Buffering': 'no',
    },
  });
}
