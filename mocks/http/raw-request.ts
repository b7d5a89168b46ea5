/**
 * A request sent exactly as written (fetch would normalise `/../` and decode nothing), for the
 * demo server's tests: the path goes on the wire as it is, and the answer's body is kept raw.
 */
import { request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface RawOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Written in one go; with `chunked`, without a Content-Length. */
  readonly body?: Buffer | string;
  readonly chunked?: boolean;
}

/** Sends the request; `onResponse` sees the answer as it starts (for streams). */
export function rawRequest(
  port: number,
  path: string,
  options: RawOptions = {},
  onResponse?: (response: IncomingMessage) => void,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    if (options.body !== undefined && !options.chunked) {
      headers['Content-Length'] = String(Buffer.byteLength(options.body));
    }
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers },
      (response) => {
        onResponse?.(response);
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
