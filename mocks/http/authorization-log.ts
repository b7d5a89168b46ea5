/**
 * Test-only (`DEMO_RECORD_AUTHORIZATION=1`): the demo server counts the `Authorization` headers its
 * API received, so a test of a proxy in front of it (deploy/) can check that the proxy added the
 * token and dropped the browser's own. Only SHA-256 digests are kept and shown, never a header,
 * at `GET /__demo/authorization` (outside /api/, so a proxy in front does not pass it on):
 * `{ requests, without, digests: { "<hex of sha256(header)>": count } }`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const AUTHORIZATION_LOG_PATH = '/__demo/authorization';

export interface AuthorizationLog {
  record(req: IncomingMessage): void;
  answer(res: ServerResponse): void;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export function authorizationLog(): AuthorizationLog {
  const digests = new Map<string, number>();
  let requests = 0;
  let without = 0;
  return {
    record(req) {
      requests += 1;
      const header = req.headers.authorization;
      if (header === undefined) {
        without += 1;
        return;
      }
      const digest = sha256Hex(header);
      digests.set(digest, (digests.get(digest) ?? 0) + 1);
    },
    answer(res) {
      const body = JSON.stringify({ requests, without, digests: Object.fromEntries(digests) });
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
      });
      res.end(body);
    },
  };
}
