/**
 * Fault injection in front of the API handlers (docs/api.md, SPEC §6 `flaky`): one handler that
 * draws a fault for each API request, then fails it, delays it, or asks the wrapped handlers for
 * the real answer (msw's `getResponse`) and fails or cuts that. The `/__sim/*` controls are never
 * faulted: they answer before this handler, and it lets them through in any case.
 */
import type { RequestHandler } from 'msw';
import { HttpResponse, getResponse, http } from 'msw';
import type { Fault } from '../service/faults';
import type { HandlerContext } from './context';

/** Waits `ms`, or less if the request is aborted first. Tests inject one that does not wait. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

const GATEWAY_PAGE = `<!DOCTYPE html>
<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

export function faultHandlers(
  { base, sim, sleep: wait = sleep }: HandlerContext,
  api: readonly RequestHandler[],
): RequestHandler[] {
  const handlers = [...api];
  const control = `${base.replace(/^\*/, '')}/__sim/`;
  const real = (request: Request) => getResponse(handlers, request, { quiet: true });
  return [
    http.all(`${base}/*`, async ({ request }) => {
      if (new URL(request.url).pathname.includes(control)) return undefined;
      return answer(sim().faults.draw(), request);
    }),
  ];

  async function answer(fault: Fault, request: Request): Promise<Response | undefined> {
    switch (fault.kind) {
      case 'none':
        return real(request);
      case 'down':
        return HttpResponse.error();
      case 'hang':
        await sim().faults.hang(request.signal);
        return HttpResponse.error();
      case 'slow':
        await wait(fault.ms, request.signal);
        return request.signal.aborted ? HttpResponse.error() : real(request);
      case 'busy':
        return HttpResponse.json(
          { detail: `The service is busy (simulated fault); retry in ${fault.retryAfter} s` },
          { status: 503, headers: { 'Retry-After': String(fault.retryAfter) } },
        );
      case 'error':
        return HttpResponse.json(
          { detail: 'Internal server error (simulated fault)' },
          { status: 500 },
        );
      case 'gateway': {
        // The request reached the API and was handled; only its answer is lost on the way.
        const handled = await real(request);
        if (!handled) return undefined;
        await handled.body?.cancel();
        return new HttpResponse(GATEWAY_PAGE, {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        });
      }
      case 'cut': {
        const handled = await real(request);
        return handled ? cut(handled) : undefined;
      }
      default: {
        const exhaustive: never = fault;
        return exhaustive;
      }
    }
  }
}

const CUT = 'The connection was cut mid-answer (simulated fault)';
/**
 * How long after the first part the stream errors. Erroring a stream drops the chunks still queued
 * in it, and msw tees a mocked answer (one branch is read at once): the pause lets the part reach
 * the client first, as it would over a real connection.
 */
const CUT_AFTER_MS = 20;

/** The answer's status and headers and the first part of its body, then the body errors. */
async function cut(response: Response): Promise<Response> {
  if (!response.body) return HttpResponse.error();
  const init = { status: response.status, headers: response.headers };
  let first: Uint8Array | null;
  if ((response.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
    // A stream: its first chunk goes through, then the connection drops.
    const reader = response.body.getReader();
    const chunk = await reader.read();
    await reader.cancel();
    first = chunk.done ? null : chunk.value;
  } else {
    const bytes = new Uint8Array(await response.arrayBuffer());
    first = bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
  }
  return new Response(
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (first) {
          controller.enqueue(first);
          first = null;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, CUT_AFTER_MS));
        controller.error(new Error(CUT));
      },
    }),
    init,
  );
}
