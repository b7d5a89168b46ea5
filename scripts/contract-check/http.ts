/** Read-only requests to the server under check, each answer read once with a clear failure. */
import type { z } from 'zod/mini';
import { describeIssues } from '../../src/api/contract';

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly json: unknown;
}

/** A check's failure: its message is printed as written. */
export class CheckFailure extends Error {}

const TIMEOUT_MS = 10_000;

export interface Api {
  readonly base: string;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** Parses a 2xx JSON answer with a contract schema; anything else is a CheckFailure. */
  read<T>(path: string, schema: z.ZodMiniType<T>): Promise<T>;
  /** Opens a stream and reads until `done` says so or `ms` pass; the connection is then closed. */
  stream(path: string, done: (text: string) => boolean, ms?: number): Promise<StreamRead | null>;
}

export interface StreamRead {
  readonly contentType: string;
  readonly text: string;
}

export function api(base: string): Api {
  const url = (path: string) => `${base.replace(/\/+$/, '')}${path}`;
  async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(url(path), {
        headers: { Accept: 'application/json', ...headers },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = error instanceof Error ? (error.cause ?? error) : error;
      throw new CheckFailure(`GET ${url(path)}: no answer (${String(cause)})`);
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let json: unknown;
    try {
      json = contentType.includes('json') ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, contentType, text, json };
  }
  return {
    base,
    get,
    async read(path, schema) {
      const answer = await get(path);
      if (answer.status < 200 || answer.status > 299) {
        throw new CheckFailure(`GET ${path} answered ${answer.status}: ${excerpt(answer.text)}`);
      }
      if (answer.json === undefined) {
        throw new CheckFailure(
          `GET ${path} answered ${answer.contentType || 'no Content-Type'}, not JSON: ${excerpt(answer.text)} — is this the API's base URL?`,
        );
      }
      const parsed = schema.safeParse(answer.json);
      if (!parsed.success) {
        throw new CheckFailure(
          `GET ${path}: the answer breaks the contract: ${describeIssues(parsed.error)}`,
        );
      }
      return parsed.data;
    },
    async stream(path, done, ms = 5_000) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), ms);
      try {
        const response = await fetch(url(path), {
          headers: { Accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (response.status === 404) return null;
        const contentType = response.headers.get('content-type') ?? '';
        if (!response.ok || !response.body) {
          throw new CheckFailure(`GET ${path} answered ${response.status} ${contentType}`);
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let text = '';
        try {
          while (!done(text)) {
            const chunk = await reader.read();
            if (chunk.done) break;
            text += decoder.decode(chunk.value, { stream: true });
          }
        } catch {
          // timed out: what arrived so far is the answer
        }
        return { contentType, text };
      } catch (error) {
        if (error instanceof CheckFailure) throw error;
        throw new CheckFailure(`GET ${path}: no answer within ${ms / 1000} s (${String(error)})`);
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    },
  };
}

export const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat || '(empty)';
};
