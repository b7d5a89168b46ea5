/**
 * The simulator's MSW handlers over real HTTP: a `node:http` request becomes a fetch `Request`
 * (with an abort signal that fires when the client goes away), msw's `getResponse` answers it from
 * the same handlers the browser worker uses, and the `Response` is written back with its own status
 * and headers. Event streams go out unbuffered and uncompressed, every chunk written as it comes;
 * other text answers (JSON) are read whole and, above about 1 KB, compressed as the client accepts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'msw';
import { getResponse } from 'msw';
import { COMPRESS_MIN_BYTES, compressBuffer, isCompressible, negotiate } from './compression';
import { detailAnswer } from './plain-answer';

/** Larger request bodies answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Request headers that describe the connection, not the request. */
const HOP_BY_HOP = new Set([
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export interface ApiBridge {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Ends the open event streams and gives up on requests still waiting for an answer. */
  close(): void;
}

export function apiBridge(handlers: readonly RequestHandler[]): ApiBridge {
  const list = [...handlers];
  const open = new Set<AbortController>();
  return {
    async handle(req, res) {
      const controller = new AbortController();
      open.add(controller);
      res.once('close', () => {
        open.delete(controller);
        if (!res.writableFinished) controller.abort();
      });
      const body = await readBody(req);
      if (body === 'too large') {
        req.resume(); // let the rest of the body go; the connection closes after the answer
        return detailAnswer(res, 413, 'The request body is larger than 1 MB', {
          Connection: 'close',
        });
      }
      const request = toRequest(req, body, controller.signal);
      const response = await getResponse(list, request, { quiet: true });
      if (!response) {
        return detailAnswer(res, 404, `No such API endpoint: ${request.method} ${req.url ?? ''}`);
      }
      await write(req, res, response, controller.signal);
    },
    close() {
      for (const controller of open) controller.abort();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | null | 'too large'> {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return 'too large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer | null, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // The handlers match `*/api/…`: only the path and query matter, not the origin.
  return new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : null,
    signal,
  });
}

async function write(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
  signal: AbortSignal,
): Promise<void> {
  // msw's `HttpResponse.error()`: a network error, as a client would see it.
  if (response.type === 'error') return void res.destroy();
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  const type = response.headers.get('Content-Type');
  const head = () => res.writeHead(response.status, response.statusText || undefined);

  if (!response.body || req.method === 'HEAD') {
    await response.body?.cancel();
    return void head().end();
  }
  if ((type ?? '').includes('text/event-stream')) {
    res.removeHeader('Content-Length');
    res.setHeader('Cache-Control', response.headers.get('Cache-Control') ?? 'no-cache');
    res.setHeader('X-Accel-Buffering', 'no');
    head().flushHeaders();
    return pump(response.body, res, signal);
  }
  if (!isCompressible(type)) {
    head();
    return pump(response.body, res, signal);
  }
  // A text answer (JSON, in practice): read whole, then compressed if it is worth it.
  const { bytes, complete } = await readAll(response.body);
  if (!complete) {
    // Cut mid-answer (a fault): what came, under the headers that promised more, then the end.
    head().write(bytes);
    return void res.socket?.end();
  }
  const large = bytes.length > COMPRESS_MIN_BYTES;
  const encoding = large ? negotiate(req.headers['accept-encoding']) : null;
  const body = encoding ? compressBuffer(bytes, encoding) : bytes;
  if (large) res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  head().end(body);
}

async function readAll(
  body: ReadableStream<Uint8Array>,
): Promise<{ bytes: Buffer; complete: boolean }> {
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: Buffer.concat(chunks), complete: true };
      chunks.push(value);
    }
  } catch {
    return { bytes: Buffer.concat(chunks), complete: false };
  }
}

/**
 * Writes every chunk as it comes. A stop (the client left, or the server stops) ends the answer
 * cleanly; a body that errors ends the connection after what was written, as a real one would.
 */
async function pump(
  body: ReadableStream<Uint8Array>,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    res.socket?.end();
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
