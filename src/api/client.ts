/**
 * The typed client: one function per endpoint of SPEC §3. Every answer is validated at run time;
 * every failure becomes an ApiError. No UI side effects here.
 */
import type { z } from 'zod/mini';
import type {
  LaunchBody,
  ListRunsQuery,
  SimClockBody,
  SimResetBody,
  SimUserBody,
} from './contract';
import {
  activitySchema,
  datastoresSchema,
  describeIssues,
  errorBodySchema,
  listRunsSearchParams,
  logPageSchema,
  paths,
  runPageSchema,
  runWireSchema,
  simClockSchema,
  userSchema,
} from './contract';
import { ApiError } from './errors';
import type { LogEntry } from './map';
import { toLogEntry, toRun } from './map';
import type { Run } from '../domain/run';
import type { ActingUser } from '../domain/permissions';

export interface ApiClientConfig {
  /** Base URL of the API, e.g. `/api` or `https://dq.example.com/api`. */
  readonly baseUrl: string;
  readonly token?: string | null;
  readonly fetch?: typeof fetch;
}

export interface RunPage {
  readonly items: readonly Run[];
  readonly total: number;
  readonly page: number;
  readonly size: number;
  readonly pages: number;
}

export interface LogPage {
  readonly entries: readonly LogEntry[];
  readonly nextAfter: number;
  readonly complete: boolean;
}

export interface Datastore {
  readonly id: number;
  readonly name: string;
  readonly type: string;
}

export interface ActivityDay {
  readonly date: string;
  readonly count: number;
}

export interface SimClock {
  readonly now: number;
  readonly paused: boolean;
  readonly speed: number;
}

interface RequestOptions<S extends z.ZodMiniType | null> {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly query?: URLSearchParams;
  readonly body?: unknown;
  readonly schema: S;
  readonly signal?: AbortSignal | undefined;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(config: ApiClientConfig) {
  const base = config.baseUrl.replace(/\/+$/, '');
  const doFetch =
    config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<S extends z.ZodMiniType>(
    path: string,
    options: RequestOptions<S>,
  ): Promise<z.infer<S>>;
  async function request(path: string, options: RequestOptions<null>): Promise<void>;
  async function request(
    path: string,
    options: RequestOptions<z.ZodMiniType | null>,
  ): Promise<unknown> {
    const method = options.method ?? 'GET';
    const query = options.query?.toString();
    const url = `${base}${path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (config.token) headers.Authorization = `Bearer ${config.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const where = `Cannot reach the API at ${base || '/'}`;
    const fail = (kind: ApiError['kind'], status: number, detail: string, fromApi = true) =>
      new ApiError({ kind, status, detail, method, url, fromApi });

    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (error) {
      // A cancelled request is not a network failure, whatever reason it was aborted with.
      if (options.signal?.aborted || (error instanceof DOMException && error.name === 'AbortError'))
        throw error;
      throw fail('network', 0, where, false);
    }

    const text = await response.text().catch(() => '');
    // Cancelled while the body was read: the caller left; this is not a broken answer.
    options.signal?.throwIfAborted();
    const contentType = response.headers.get('Content-Type') ?? '';
    const looksLikeHtml = contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(text);

    if (!response.ok) {
      const detail = errorDetail(text, response);
      if (detail === null) {
        // Not the API's error shape: a static server, a proxy or a gateway answered instead.
        const what = looksLikeHtml ? 'an HTML page' : 'no JSON error';
        throw fail(
          'http',
          response.status,
          `${where}: the address answered ${statusLine(response)} with ${what} (is the API address configured?)`,
          false,
        );
      }
      throw fail('http', response.status, detail);
    }
    if (options.schema === null) return undefined;
    if (looksLikeHtml) {
      throw fail(
        'malformed',
        response.status,
        `${where}: it answered with an HTML page instead of JSON (is the API address configured?)`,
        false,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw fail('malformed', response.status, 'The API answered with something that is not JSON');
    }
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      throw fail(
        'malformed',
        response.status,
        `The API's answer does not match the contract (${describeIssues(parsed.error)})`,
      );
    }
    return parsed.data;
  }

  const signalOpt = (signal?: AbortSignal) => ({ signal });

  return {
    baseUrl: base,

    async listRuns(query: ListRunsQuery, signal?: AbortSignal): Promise<RunPage> {
      const page = await request(paths.operations, {
        query: listRunsSearchParams(query),
        schema: runPageSchema,
        ...signalOpt(signal),
      });
      return {
        items: page.items.map(toRun),
        total: page.total,
        page: page.page,
        size: page.size,
        pages: page.pages,
      };
    },

    async getRun(id: number, signal?: AbortSignal): Promise<Run> {
      return toRun(
        await request(paths.operation(id), { schema: runWireSchema, ...signalOpt(signal) }),
      );
    },

    async abortRun(id: number): Promise<Run> {
      return toRun(await request(paths.abort(id), { method: 'PUT', schema: runWireSchema }));
    },

    async resumeRun(id: number): Promise<Run> {
      return toRun(await request(paths.resume(id), { method: 'PUT', schema: runWireSchema }));
    },

    async rerunRun(id: number): Promise<Run> {
      return toRun(await request(paths.rerun(id), { method: 'PUT', schema: runWireSchema }));
    },

    async deleteRun(id: number): Promise<void> {
      await request(paths.operation(id), { method: 'DELETE', schema: null });
    },

    async getLogs(
      id: number,
      options: { after: number; container?: number | null },
      signal?: AbortSignal,
    ): Promise<LogPage> {
      const query = new URLSearchParams({ after: String(options.after) });
      if (options.container !== undefined && options.container !== null) {
        query.set('container', String(options.container));
      }
      const page = await request(paths.logs(id), {
        query,
        schema: logPageSchema,
        ...signalOpt(signal),
      });
      return {
        entries: page.entries.map(toLogEntry),
        nextAfter: page.next_after,
        complete: page.complete,
      };
    },

    async getActivity(
      range: { startDate: string; endDate: string },
      signal?: AbortSignal,
    ): Promise<readonly ActivityDay[]> {
      const query = new URLSearchParams({ start_date: range.startDate, end_date: range.endDate });
      return request(paths.activity, { query, schema: activitySchema, ...signalOpt(signal) });
    },

    async listDatastores(signal?: AbortSignal): Promise<readonly Datastore[]> {
      return request(paths.datastores, { schema: datastoresSchema, ...signalOpt(signal) });
    },

    async getMe(signal?: AbortSignal): Promise<ActingUser> {
      return request(paths.me, { schema: userSchema, ...signalOpt(signal) });
    },

    async launchRun(body: LaunchBody): Promise<Run> {
      return toRun(await request(paths.launch, { method: 'POST', body, schema: runWireSchema }));
    },

    // Simulator controls (SPEC §6); only answered when the simulator is on.
    async simReset(body: SimResetBody): Promise<void> {
      await request(paths.simReset, { method: 'POST', body, schema: null });
    },

    async getSimClock(signal?: AbortSignal): Promise<SimClock> {
      const clock = await request(paths.simClock, { schema: simClockSchema, ...signalOpt(signal) });
      return { now: Date.parse(clock.now), paused: clock.paused, speed: clock.speed };
    },

    async simClock(body: SimClockBody): Promise<SimClock> {
      const clock = await request(paths.simClock, { method: 'POST', body, schema: simClockSchema });
      return { now: Date.parse(clock.now), paused: clock.paused, speed: clock.speed };
    },

    async simUser(body: SimUserBody): Promise<ActingUser> {
      return request(paths.simUser, { method: 'PUT', body, schema: userSchema });
    },
  };
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
