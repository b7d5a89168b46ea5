/**
 * The production build's files for the demo server: hashed `/assets/*` cached for a year, every
 * other file revalidated (`no-cache` with an ETag), the SPA fallback to index.html for paths that
 * are not files, a real 404 for a missing asset, and no path that leaves the build folder.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import type { Encoding } from './compression';
import { COMPRESS_MIN_BYTES, compressBuffer, isCompressible, negotiate } from './compression';
import { plainAnswer } from './plain-answer';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/** Files of public/ that only the in-browser simulator uses: never served by the demo. */
const HIDDEN = new Set(['/mockServiceWorker.js']);

/**
 * The request path decoded once, or null when it is not a plain path inside the folder: `..` or
 * `.` segments, a backslash, NUL or another control character, or a `%` left after decoding (a
 * double-encoded path) all count as an attempt to leave it.
 */
export function cleanPath(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f\\%]/.test(decoded)) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return decoded;
}

interface Found {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface StaticFiles {
  /** Answers a GET or HEAD for `rawPath` (the request path, still percent-encoded). */
  serve(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void>;
}

export async function staticFiles(dist: string): Promise<StaticFiles> {
  const root = await realpath(dist);
  const compressed = new Map<string, Buffer>();

  /** The file for a clean path, only if it is a regular file inside the root. */
  async function find(path: string): Promise<Found | null> {
    try {
      const file = await realpath(join(root, path));
      if (!file.startsWith(root + sep)) return null;
      const info = await stat(file);
      return info.isFile() ? { file, size: info.size, mtimeMs: info.mtimeMs } : null;
    } catch {
      return null;
    }
  }

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    found: Found,
    cacheControl: string,
  ): Promise<void> {
    const type = TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('ETag', etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const compressible = isCompressible(type) && found.size > COMPRESS_MIN_BYTES;
    if (compressible) res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    const encoding = compressible ? negotiate(req.headers['accept-encoding']) : null;
    let body: Buffer = await readFile(found.file);
    if (encoding) {
      body = cached(found, etag, encoding, body);
      res.setHeader('Content-Encoding', encoding);
    }
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function cached(found: Found, etag: string, encoding: Encoding, body: Buffer): Buffer {
    const key = `${found.file}|${etag}|${encoding}`;
    let hit = compressed.get(key);
    if (!hit) {
      hit = compressBuffer(body, encoding);
      compressed.set(key, hit);
    }
    return hit;
  }

  return {
    async serve(req, res, rawPath) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return plainAnswer(res, 405, 'Method not allowed');
      }
      const path = cleanPath(rawPath);
      if (path === null) return plainAnswer(res, 400, 'Bad path');
      const wanted = path === '/' ? '/index.html' : path;
      const found = HIDDEN.has(wanted) ? null : await find(wanted);
      if (found) {
        const hashed = wanted.startsWith('/assets/');
        return send(req, res, found, hashed ? IMMUTABLE : NO_CACHE);
      }
      // A missing asset or file is a real 404; any other path is a route of the app.
      const lastSegment = wanted.slice(wanted.lastIndexOf('/') + 1);
      if (wanted.startsWith('/assets/') || extname(lastSegment) !== '' || HIDDEN.has(wanted)) {
        return plainAnswer(res, 404, 'Not found');
      }
      const index = await find('/index.html');
      if (!index) return plainAnswer(res, 404, 'No index.html in the build folder');
      return send(req, res, index, NO_CACHE);
    },
  };
}
