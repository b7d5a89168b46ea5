/**
 * One HTTP request of the typed client: headers and token, a timeout on every request, reads
 * admitted by the breaker (breaker.ts) while the API is unreachable, and every failure turned into
 * an ApiError: no answer, no answer in time, a connection dropped mid-answer (all "network"), an
 * answer that is not the API's (a static server, a gateway), an error of the API's own, or an
 * answer the contract does not allow. No UI side effects here.
 */
import type { z } from 'zod/mini';
import type { Breaker } from './breaker';
import { describeIssues, errorBodySchema } from './contract';
import { ApiError } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Reads give up after READ_TIMEOUT_MS; actions, which may take the server longer, after WRITE_. */
export const TIMEOUTS = { readMs: 15_000, writeMs: 30_000 } as const;

export interface RequestConfig {
  readonly baseUrl: string;
  readonly token?: string | null;
  readonly fetch?: typeof fetch;
  readonly breaker?: Breaker;
  readonly timeouts?: { readonly readMs: number; readonly writeMs: number };
}

export interface RequestOptions<S extends z.ZodMiniType | null> {
  readonly method?: Method;
  readonly query?: URLSearchParams;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly schema: S;
  readonly signal?: AbortSignal | undefined;
}

export interface Requester {
  <S extends z.ZodMiniType>(path: string, options: RequestOptions<S>): Promise<z.infer<S>>;
  (path: string, options: RequestOptions<null>): Promise<void>;
}

export function createRequester(config: RequestConfig): Requester {
  const base = config.baseUrl.replace(/\/+$/, '');
  const doFetch =
    config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeouts = config.timeouts ?? TIMEOUTS;
  const where = `Cannot reach the API at ${base || '/'}`;

  async function request(
    path: string,
    options: RequestOptions<z.ZodMiniType | null>,
  ): Promise<unknown> {
    const method = options.method ?? 'GET';
    const read = method === 'GET';
    const query = options.query?.toString();
    const url = `${base}${path}${query ? `?${query}` : ''}`;
    const fail = (init: Omit<ConstructorParameters<typeof ApiError>[0], 'method' | 'url'>) =>
      new ApiError({ ...init, method, url });

    // While the API is unreachable, reads wait for their turn; actions go when asked.
    if (read) await config.breaker?.admit(options.signal);
    try {
      const answer = await exchange(
        url,
        method,
        options,
        read ? timeouts.readMs : timeouts.writeMs,
      );
      const result = interpret(answer, options.schema, fail, where);
      config.breaker?.succeeded();
      return result;
    } catch (error) {
      if (options.signal?.aborted) {
        config.breaker?.released();
        throw error;
      }
      if (error instanceof ApiError && error.transient) config.breaker?.failed(error);
      else config.breaker?.succeeded();
      throw error;
    }
  }

  interface Answer {
    readonly response: Response;
    readonly text: string;
  }

  /** Sends the request and reads the whole answer, within the timeout. */
  async function exchange(
    url: string,
    method: Method,
    options: RequestOptions<z.ZodMiniType | null>,
    timeoutMs: number,
  ): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (config.token) headers.Authorization = `Bearer ${config.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(options.signal?.reason);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
    const noAnswer = (detail: string) =>
      timedOut
        ? new ApiError({
            kind: 'timeout',
            status: 0,
            detail: `The API at ${base || '/'} did not answer within ${Math.round(timeoutMs / 1000)} s`,
            method,
            url,
          })
        : new ApiError({ kind: 'network', status: 0, detail, method, url });
    try {
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers,
          body: options.body === undefined ? null : JSON.stringify(options.body),
          signal: controller.signal,
        });
      } catch (error) {
        // A cancelled request is not a network failure, whatever reason it was aborted with.
        if (options.signal?.aborted) throw abortReason(options.signal, error);
        throw noAnswer(where);
      }
      try {
        return { response, text: await response.text() };
      } catch (error) {
        if (options.signal?.aborted) throw abortReason(options.signal, error);
        throw noAnswer(
          `${where}: the connection dropped while the answer was arriving (${response.status})`,
        );
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  return request as Requester;
}

/** What the caller aborted with: its own reason, or the fetch's AbortError. */
function abortReason(signal: AbortSignal, error: unknown): unknown {
  return signal.reason instanceof Error ? signal.reason : error;
}

type Fail = (init: Omit<ConstructorParameters<typeof ApiError>[0], 'method' | 'url'>) => ApiError;

/** The answer as the contract says, or the ApiError it amounts to. */
function interpret(
  { response, text }: { response: Response; text: string },
  schema: z.ZodMiniType | null,
  fail: Fail,
  where: string,
): unknown {
  const contentType = response.headers.get('Content-Type') ?? '';
  const looksLikeHtml = contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(text);
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  if (!response.ok) {
    const detail = errorDetail(text, response);
    if (detail === null) {
      // Not the API's error shape: a static server, a proxy or a gateway answered instead.
      const what = looksLikeHtml ? 'an HTML page' : 'no JSON error';
      const hint =
        response.status >= 500
          ? 'a gateway or proxy answered: the API behind it may be down'
          : 'is the API address configured?';
      throw fail({
        kind: 'http',
        status: response.status,
        detail: `${where}: the address answered ${statusLine(response)} with ${what} (${hint})`,
        fromApi: false,
        retryAfterMs,
      });
    }
    throw fail({ kind: 'http', status: response.status, detail, retryAfterMs });
  }
  if (schema === null) return undefined;
  if (looksLikeHtml) {
    throw fail({
      kind: 'malformed',
      status: response.status,
      detail: `${where}: it answered with an HTML page instead of JSON (is the API address configured?)`,
      fromApi: false,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fail({
      kind: 'malformed',
      status: response.status,
      detail: 'The API answered with something that is not JSON',
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw fail({
      kind: 'malformed',
      status: response.status,
      detail: `The API's answer does not match the contract (${describeIssues(parsed.error)})`,
    });
  }
  return parsed.data;
}

/** `Retry-After: 120` or an HTTP date → milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The API's `{ detail }` as text; null when the body is not JSON (not the API's error shape).
 * A JSON error without a usable detail still gets a sentence, never "undefined" or "null".
 */
function errorDetail(text: string, response: Response): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const body = errorBodySchema.safeParse(json);
  if (!body.success) return null;
  const { detail } = body.data;
  if (typeof detail === 'string' && detail.trim()) return detail;
  if (Array.isArray(detail) && detail.length > 0) return detail.map(validationItem).join('; ');
  if (typeof detail === 'number' || typeof detail === 'boolean') return String(detail);
  if (detail && typeof detail === 'object' && Object.keys(detail).length > 0) {
    return JSON.stringify(detail);
  }
  return `The API answered ${statusLine(response)}`;
}

/** FastAPI-style validation error `{ loc, msg }` → "size: ensure this value is ≤ 100". */
function validationItem(item: unknown): string {
  if (typeof item !== 'object' || item === null || !('msg' in item)) return JSON.stringify(item);
  const loc = 'loc' in item && Array.isArray(item.loc) ? item.loc.map(String) : [];
  const field = (
    ['body', 'query', 'path', 'header'].includes(loc[0] ?? '') ? loc.slice(1) : loc
  ).join('.');
  return field ? `${field}: ${String(item.msg)}` : String(item.msg);
}

const statusLine = (response: Response): string =>
  response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
