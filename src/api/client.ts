/**
 * The typed client: one function per endpoint of SPEC §3. Every answer is validated at run time;
 * every failure becomes an ApiError (request.ts). No UI side effects here.
 */
import type {
  LaunchBody,
  ListRunsQuery,
  SimClockBody,
  SimFaultsBody,
  SimResetBody,
  SimUserBody,
} from './contract';
import {
  activitySchema,
  concurrencySchema,
  datastoresSchema,
  listRunsSearchParams,
  logPageSchema,
  logSearchSchema,
  paths,
  anyJsonSchema,
  runPageEnvelopeSchema,
  simClockSchema,
  simFaultsSchema,
  userSchema,
} from './contract';
import type {
  EventSchemas,
  EventStream,
  EventStreamConnection,
  OpenEventStreamOptions,
} from './event-stream';
import { openEventStream } from './event-stream';
import { z } from 'zod/mini';
import type { Concurrency, LogEntry } from './map';
import { toConcurrency, toLogEntry } from './map';
import type { RejectedRun } from './read-run';
import { readOneRun, readRunPage } from './read-run';
import type { RequestConfig } from './request';
import { createRequester } from './request';
import type { Run } from '../domain/run';
import type { ActingUser } from '../domain/permissions';

/** Base URL of the API (e.g. `/api` or `https://dq.example.com/api`), token, fetch, breaker. */
export type ApiClientConfig = RequestConfig;

/** Relaunches carry a key made once per click, so a retry can never create a second Run. */
export interface RelaunchOptions {
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

export interface RunPage {
  /** The Runs of the page the dashboard can show and act on, in order. */
  readonly items: readonly Run[];
  /** The page's other items, at their place in it: unknown type or state, or unreadable. */
  readonly rejected: readonly RejectedRun[];
  readonly total: number;
  readonly page: number;
  readonly size: number;
  readonly pages: number;
}

export interface LogPage {
  readonly entries: readonly LogEntry[];
  readonly nextAfter: number;
  readonly complete: boolean;
  /** Extension: the lines the log holds now; null when the server does not say. */
  readonly total: number | null;
  /** Extension: `before` for the entries before this page (null at line 1); undefined: not said. */
  readonly prevBefore: number | null | undefined;
}

/** One form of the log query (docs/api.md, Logs): SPEC §3's `after`, or an extension. */
export type LogPageQuery =
  | { readonly after: number; readonly limit?: number }
  | { readonly tail: number }
  | { readonly before: number; readonly limit: number }
  | { readonly line: number; readonly limit: number };

/** Extension: the lines of a log that match a search (at most 10,000), and how many match. */
export interface LogSearch {
  readonly lines: readonly number[];
  readonly totalMatches: number;
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

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(config: ApiClientConfig) {
  const base = config.baseUrl.replace(/\/+$/, '');
  const request = createRequester(config);

  const signalOpt = (signal?: AbortSignal) => ({ signal });

  return {
    baseUrl: base,

    async listRuns(query: ListRunsQuery, signal?: AbortSignal): Promise<RunPage> {
      const page = await request(paths.operations, {
        query: listRunsSearchParams(query),
        schema: runPageEnvelopeSchema,
        ...signalOpt(signal),
      });
      return {
        ...readRunPage(page.items),
        total: page.total,
        page: page.page,
        size: page.size,
        pages: page.pages,
      };
    },

    async getRun(id: number, signal?: AbortSignal): Promise<Run> {
      const url = paths.operation(id);
      return readOneRun(await request(url, { schema: anyJsonSchema, ...signalOpt(signal) }), url);
    },

    async abortRun(id: number): Promise<Run> {
      const url = paths.abort(id);
      return readOneRun(await request(url, { method: 'PUT', schema: anyJsonSchema }), url);
    },

    async resumeRun(id: number, options: RelaunchOptions = {}): Promise<Run> {
      const url = paths.resume(id);
      return readOneRun(await request(url, relaunchRequest(options)), url);
    },

    async rerunRun(id: number, options: RelaunchOptions = {}): Promise<Run> {
      const url = paths.rerun(id);
      return readOneRun(await request(url, relaunchRequest(options)), url);
    },

    async deleteRun(id: number): Promise<void> {
      await request(paths.operation(id), { method: 'DELETE', schema: null });
    },

    async getLogs(
      id: number,
      options: LogPageQuery & { readonly container?: number | null },
      signal?: AbortSignal,
    ): Promise<LogPage> {
      const page = await request(paths.logs(id), {
        query: logQuery(options),
        schema: logPageSchema,
        ...signalOpt(signal),
      });
      return {
        entries: page.entries.map(toLogEntry),
        nextAfter: page.next_after,
        complete: page.complete,
        total: page.total ?? null,
        prevBefore: page.prev_before,
      };
    },

    /** Searches one log on the server; null when the server has no search (it answered a page). */
    async searchLog(
      id: number,
      options: { readonly q: string; readonly container?: number | null },
      signal?: AbortSignal,
    ): Promise<LogSearch | null> {
      const query = new URLSearchParams({ q: options.q });
      if (options.container != null) query.set('container', String(options.container));
      const answer = await request(paths.logs(id), {
        query,
        // A server without search ignores `q` and answers a page.
        schema: z.union([logSearchSchema, logPageSchema]),
        ...signalOpt(signal),
      });
      const search = logSearchSchema.safeParse(answer);
      if (!search.success) return null;
      return { lines: search.data.lines, totalMatches: search.data.total_matches };
    },

    async getActivity(
      range: { startDate: string; endDate: string },
      signal?: AbortSignal,
    ): Promise<readonly ActivityDay[]> {
      const query = new URLSearchParams({ start_date: range.startDate, end_date: range.endDate });
      return request(paths.activity, { query, schema: activitySchema, ...signalOpt(signal) });
    },

    /** Extension: Running and Queued over the last `hours` (1–168), one sample per 15 min. */
    async getConcurrency(hours: number, signal?: AbortSignal): Promise<Concurrency> {
      const query = new URLSearchParams({ hours: String(hours) });
      const answer = await request(paths.concurrency, {
        query,
        schema: concurrencySchema,
        ...signalOpt(signal),
      });
      return toConcurrency(answer);
    },

    async listDatastores(signal?: AbortSignal): Promise<readonly Datastore[]> {
      return request(paths.datastores, { schema: datastoresSchema, ...signalOpt(signal) });
    },

    async getMe(signal?: AbortSignal): Promise<ActingUser> {
      return request(paths.me, { schema: userSchema, ...signalOpt(signal) });
    },

    async launchRun(body: LaunchBody): Promise<Run> {
      const answer = await request(paths.launch, { method: 'POST', body, schema: anyJsonSchema });
      return readOneRun(answer, paths.launch);
    },

    /**
     * A Server-Sent Events stream of the API (docs/api.md "Live streams"), with this client's
     * base URL and token: see event-stream.ts.
     */
    openStream<M extends EventSchemas>(
      options: Omit<OpenEventStreamOptions<M>, keyof EventStreamConnection>,
    ): EventStream {
      return openEventStream({
        ...options,
        baseUrl: base,
        token: config.token,
        fetch: config.fetch,
        breaker: config.breaker,
      });
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

    /** The simulator's fault injection: none, flaky, down or hang (its controls are never faulted). */
    async getSimFaults(signal?: AbortSignal): Promise<SimFaultsBody> {
      const { mode } = await request(paths.simFaults, {
        schema: simFaultsSchema,
        ...signalOpt(signal),
      });
      return { mode };
    },

    async simFaults(body: SimFaultsBody): Promise<SimFaultsBody> {
      const { mode } = await request(paths.simFaults, {
        method: 'PUT',
        body,
        schema: simFaultsSchema,
      });
      return { mode };
    },
  };
}

function logQuery(options: LogPageQuery & { readonly container?: number | null }) {
  const query = new URLSearchParams();
  if ('tail' in options) query.set('tail', String(options.tail));
  else if ('before' in options) query.set('before', String(options.before));
  else if ('line' in options) query.set('line', String(options.line));
  else query.set('after', String(options.after));
  if ('limit' in options && options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.container != null) query.set('container', String(options.container));
  return query;
}

function relaunchRequest({ idempotencyKey, signal }: RelaunchOptions) {
  const headers: Record<string, string> = {};
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return { method: 'PUT' as const, schema: anyJsonSchema, headers, signal };
}
