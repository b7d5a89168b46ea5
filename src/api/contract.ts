/**
 * The HTTP contract of SPEC §3: paths, wire types and their runtime schemas. Shared by the typed
 * client (src/api/client.ts) and the simulated backend (mocks/), so a change here breaks the mocks
 * at compile time. Wire objects are loose: unknown fields are accepted and ignored.
 *
 * The schemas use `zod/mini` (the functional API: it tree-shakes to what is used). Unlike classic
 * `zod`, mini loads no messages of its own (every issue would read "Invalid input"), so the English
 * ones are installed here, once, before any schema runs: `describeIssues` shows them.
 */
import { en } from 'zod/locales';
import { z } from 'zod/mini';
import { TYPED_COUNTER_KEYS } from '../domain/counters';
import { OPERATION_TYPES } from '../domain/operations';
import { PERMISSIONS, ROLES } from '../domain/permissions';
import { SETTING_KEYS } from '../domain/settings';
import { RUN_STATES } from '../domain/states';

// ---------------------------------------------------------------------------------------------
// Paths (relative to the API base, which defaults to `/api` on the dashboard's origin)

/** The name of the Run id in route patterns (`/operations/:id`). */
export const RUN_ID_PARAM = 'id';
/**
 * A Run id in a path: a number in a request (the client), or the placeholder of a route pattern
 * (the mock handlers), so both are written from the same definitions below.
 */
export type RunIdSegment = number | `:${typeof RUN_ID_PARAM}`;

export const paths = {
  operations: '/operations',
  operation: (id: RunIdSegment) => `/operations/${id}`,
  abort: (id: RunIdSegment) => `/operations/abort/${id}`,
  resume: (id: RunIdSegment) => `/operations/resume/${id}`,
  rerun: (id: RunIdSegment) => `/operations/rerun/${id}`,
  logs: (id: RunIdSegment) => `/operations/${id}/logs`,
  logStream: (id: RunIdSegment) => `/operations/${id}/logs/stream`,
  operationsStream: '/operations/stream',
  activity: '/operations/activity',
  launch: '/operations/run',
  datastores: '/datastores',
  me: '/users/me',
  simReset: '/__sim/reset',
  simClock: '/__sim/clock',
  simUser: '/__sim/user',
  simFaults: '/__sim/faults',
} as const;

/** Most entries one log answer carries (SPEC §3), and the most a `tail` asks for (§3.1). */
export const LOG_PAGE_LIMIT = 1000;
/** Largest `limit` of an `after`, `before` or `line` page (extension, docs/api.md). */
export const LOG_PAGE_MAX_LIMIT = 10_000;
/** Largest page size of the Runs list. */
export const MAX_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------------
// Idempotent relaunch (docs/api.md): resume and rerun accept a key the client makes once per click.

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** A key is 1 to 255 visible ASCII characters (a UUID in practice). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a key keeps answering the Run its first request created. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

z.config(en());

// ---------------------------------------------------------------------------------------------
// Building blocks

const isoDateTime = z
  .string()
  .check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time'));
/** A real calendar day written YYYY-MM-DD (UTC); `2026-02-30` and `2026-13-01` are not. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}
const dayString = z.string().check(z.refine(isDay, 'expected a calendar date YYYY-MM-DD'));
const count = z.int().check(z.nonnegative());
const id = z.int().check(z.nonnegative());
const positiveInt = z.int().check(z.positive());

/** The same schema for every key of a list the domain owns: wire fields named once. */
function fieldsOf<K extends string, S>(keys: readonly K[], schema: S): Readonly<Record<K, S>> {
  return Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>;
}

export const operationTypeSchema = z.enum(OPERATION_TYPES);
export const runResultSchema = z.enum(RUN_STATES);
export const logLevelSchema = z.enum(['info', 'warning', 'error']);
export const relaunchSchema = z.enum(['resume', 'rerun']);

export const datastoreRefSchema = z.looseObject({
  id,
  name: z.string(),
  type: z.optional(z.string()),
});

export const scheduleSchema = z.looseObject({ id, name: z.string() });

export const statusSchema = z.looseObject({
  total_containers: count,
  containers_analyzed: count,
  records_processed: count,
  // Type-specific counters beside them (SPEC §3).
  ...fieldsOf(TYPED_COUNTER_KEYS, z.optional(count)),
});

export const containerRefSchema = z.looseObject({
  id,
  name: z.string(),
  container_type: z.string(),
  table_type: z.optional(z.nullable(z.string())),
});

const containerResultBase = {
  id,
  created: isoDateTime,
  container: z.looseObject({ id, name: z.string(), container_type: z.string() }),
  start_time: z.nullable(isoDateTime),
  end_time: z.nullable(isoDateTime),
  records_processed: count,
  result: runResultSchema,
  message: z.nullable(z.string()),
};

export const containerScanSchema = z.looseObject({ ...containerResultBase, anomaly_count: count });
export const containerProfileSchema = z.looseObject({
  ...containerResultBase,
  field_profiles_count: count,
  checks_synchronized: count,
});

/** A setting the Run used: a top-level field, present for the types that have it (SPEC §3). */
const settingValue = z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()])));

export const runWireSchema = z.looseObject({
  id,
  type: operationTypeSchema,
  result: runResultSchema,
  created: isoDateTime,
  start_time: z.nullable(isoDateTime),
  end_time: z.nullable(isoDateTime),
  triggered_by: z.string(),
  schedule: z.nullable(scheduleSchema),
  datastore: datastoreRefSchema,
  message: z.nullable(z.string()),
  tags: z.optional(z.array(z.union([z.string(), z.looseObject({ name: z.string() })]))),
  status: statusSchema,
  containers: z.optional(z.array(containerRefSchema)),
  container_scans: z.optional(z.array(containerScanSchema)),
  container_profiles: z.optional(z.array(containerProfileSchema)),
  // The settings, one field per key of the domain's list.
  ...fieldsOf(SETTING_KEYS, settingValue),
  // This project's extensions; a server may omit them.
  has_logs: z.optional(z.boolean()),
  aborted_by: z.optional(z.nullable(z.string())),
  parent_id: z.optional(z.nullable(id)),
  relaunch: z.optional(z.nullable(relaunchSchema)),
  queue_position: z.optional(z.nullable(positiveInt)),
  children: z.optional(z.array(z.looseObject({ id, relaunch: relaunchSchema }))),
  completed_container_ids: z.optional(z.array(id)),
});
export type RunWire = z.infer<typeof runWireSchema>;
export type ContainerScanWire = z.infer<typeof containerScanSchema>;
export type ContainerProfileWire = z.infer<typeof containerProfileSchema>;

export const runPageSchema = z.looseObject({
  items: z.array(runWireSchema),
  total: count,
  page: positiveInt,
  size: positiveInt,
  pages: count,
});
export type RunPageWire = z.infer<typeof runPageSchema>;

/**
 * How the client reads the same answers: the page's envelope strictly, each Run on its own
 * (src/api/read-run.ts), so one imperfect Run never hides the others.
 */
export const runPageEnvelopeSchema = z.looseObject({
  items: z.array(z.unknown()),
  total: count,
  page: positiveInt,
  size: positiveInt,
  pages: count,
});
export const anyJsonSchema = z.unknown();

export const logEntrySchema = z.looseObject({
  seq: count,
  time: isoDateTime,
  level: logLevelSchema,
  message: z.string(),
  container_id: z.nullable(id),
  /** Extension: the entry's 1-based position within its own log. */
  line: z.optional(positiveInt),
});
export type LogEntryWire = z.infer<typeof logEntrySchema>;
export type LogLevel = z.infer<typeof logLevelSchema>;

export const logPageSchema = z.looseObject({
  entries: z.array(logEntrySchema),
  next_after: count,
  complete: z.boolean(),
  /** Extension: the lines the log holds now. */
  total: z.optional(count),
  /** Extension: the `seq` to pass as `before` for the entries before this page; null at line 1. */
  prev_before: z.optional(z.nullable(count)),
});
export type LogPageWire = z.infer<typeof logPageSchema>;

/** Extension: the answer of a log search (`q=`), the matching line numbers in order. */
export const logSearchSchema = z.looseObject({
  lines: z.array(positiveInt),
  total_matches: count,
  total: z.optional(count),
});
export type LogSearchWire = z.infer<typeof logSearchSchema>;

/** The data of a log stream's `complete` event, and of the change feed's `deleted` event. */
export const logCompleteSchema = z.looseObject({ next_after: count, total: z.optional(count) });
export const runDeletedSchema = z.looseObject({ id });

export const activitySchema = z.array(z.looseObject({ date: dayString, count }));
export type ActivityWire = z.infer<typeof activitySchema>;

export const datastoreSchema = z.looseObject({ id, name: z.string(), type: z.string() });
export const datastoresSchema = z.array(datastoreSchema);
export type DatastoreWire = z.infer<typeof datastoreSchema>;

export const userSchema = z.looseObject({
  email: z.string(),
  role: z.enum(ROLES),
  permissions: z.record(z.string(), z.enum(PERMISSIONS)),
});
export type UserWire = z.infer<typeof userSchema>;

export const launchBodySchema = z.object({
  type: operationTypeSchema,
  datastore_id: id,
  container_ids: z.optional(z.array(id)),
});
export type LaunchBody = z.infer<typeof launchBodySchema>;

export const errorBodySchema = z.looseObject({ detail: z.unknown() });

// ---------------------------------------------------------------------------------------------
// The Runs list query: one definition that the client serialises and the mock parses.

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface ListRunsQuery {
  page: number;
  size: number;
  operation_type?: readonly (typeof OPERATION_TYPES)[number][];
  result?: readonly (typeof RUN_STATES)[number][];
  datastore?: readonly number[];
  has_logs?: boolean;
  finished?: boolean;
  id?: number;
  start_date?: string;
  end_date?: string;
  sort_created?: SortOrder;
  sort_duration?: SortOrder;
}

export function listRunsSearchParams(query: ListRunsQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set('page', String(query.page));
  params.set('size', String(query.size));
  for (const t of query.operation_type ?? []) params.append('operation_type', t);
  for (const r of query.result ?? []) params.append('result', r);
  for (const d of query.datastore ?? []) params.append('datastore', String(d));
  if (query.has_logs !== undefined) params.set('has_logs', String(query.has_logs));
  if (query.finished !== undefined) params.set('finished', String(query.finished));
  if (query.id !== undefined) params.set('id', String(query.id));
  if (query.start_date) params.set('start_date', query.start_date);
  if (query.end_date) params.set('end_date', query.end_date);
  if (query.sort_created) params.set('sort_created', query.sort_created);
  if (query.sort_duration) params.set('sort_duration', query.sort_duration);
  return params;
}

const boolParam = z.pipe(
  z.enum(['true', 'false']),
  z.transform((v) => v === 'true'),
);
const intParam = z.pipe(
  z.string().check(z.regex(/^\d+$/, 'expected a whole number')),
  z.transform(Number),
);

const listQuerySchema = z.object({
  page: z._default(z.pipe(intParam, z.int().check(z.minimum(1))), 1),
  size: z._default(z.pipe(intParam, z.int().check(z.minimum(1), z.maximum(MAX_PAGE_SIZE))), 50),
  operation_type: z._default(z.array(operationTypeSchema), []),
  result: z._default(z.array(runResultSchema), []),
  datastore: z._default(z.array(intParam), []),
  has_logs: z.optional(boolParam),
  finished: z.optional(boolParam),
  id: z.optional(intParam),
  start_date: z.optional(dayString),
  end_date: z.optional(dayString),
  sort_created: z.optional(z.enum(SORT_ORDERS)),
  sort_duration: z.optional(z.enum(SORT_ORDERS)),
});

const REPEATABLE = new Set(['operation_type', 'result', 'datastore']);

/** Parses a list query as the server sees it; a message names the first bad parameter. */
export function parseListRunsQuery(
  params: URLSearchParams,
): { ok: true; query: ListRunsQuery } | { ok: false; detail: string } {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    raw[key] = REPEATABLE.has(key)
      ? params.getAll(key).flatMap((v) => v.split(',').filter(Boolean))
      : (params.get(key) ?? '');
  }
  const parsed = listQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, detail: describeIssues(parsed.error) };
  return { ok: true, query: parsed.data };
}

/** "size: Too big: expected number to be <=100" — the first issues of a failed parse. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'value'}: ${issue.message}`)
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// Live streams (docs/api.md "Live streams"): the data of each event type, by event name.

/**
 * `GET /operations/stream`: a Run's list shape, a deleted Run's id, "re-read your lists". A `run`
 * is checked for its id only here: the rest is read field by field as a list item is
 * (read-run.ts), so a Run the list would show is never dropped from the stream.
 */
export const runStreamEvents = {
  run: z.looseObject({ id }),
  deleted: runDeletedSchema,
  reset: z.unknown(),
} as const;

// The log query (docs/api.md "Logs"): one form at a time, serialised by the client and parsed by
// the mock. The fields of each form are named as its parameters.

/** Largest `limit` of an `after`, `before` or `line` page, and most lines `tail` and `q` give. */
export const MAX_LOG_LIMIT = 10_000;
export const MAX_LOG_TAIL = 1000;
export const MAX_LOG_MATCHES = 10_000;
const MAX_SEARCH_TEXT = 200;

export type LogsQuery = { readonly container: number | null } & (
  | { readonly kind: 'after'; readonly after: number; readonly limit: number }
  | { readonly kind: 'before'; readonly before: number; readonly limit: number }
  | { readonly kind: 'line'; readonly line: number; readonly limit: number }
  | { readonly kind: 'tail'; readonly tail: number }
  | { readonly kind: 'search'; readonly q: string }
);

export function logsSearchParams(query: LogsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'kind' && key !== 'container') params.set(key, String(value));
  }
  if (query.container !== null) params.set('container', String(query.container));
  return params;
}

const LOG_FORMS = ['after', 'tail', 'before', 'line', 'q'] as const;
const SEQ = 'a whole number (a log seq)';
const LOG_NUMBERS = [
  ['container', 0, 'a container id'],
  ['after', 0, SEQ],
  ['before', 0, SEQ],
  ['line', 1, 'a line number (from 1)'],
  ['tail', 1, `a whole number from 1 to ${MAX_LOG_TAIL}`, MAX_LOG_TAIL],
  ['limit', 1, `a whole number from 1 to ${MAX_LOG_LIMIT}`, MAX_LOG_LIMIT],
] as const;

/** Parses a log query as the server sees it; a message names the bad parameter. */
export function parseLogsQuery(
  params: URLSearchParams,
): { ok: true; query: LogsQuery } | { ok: false; detail: string } {
  const fail = (detail: string) => ({ ok: false as const, detail });
  const [form = 'after', other] = LOG_FORMS.filter((name) => params.has(name));
  if (other)
    return fail(
      `${other} cannot be combined with ${form}: use one of after, tail, before, line or q`,
    );
  if (params.has('limit') && (form === 'tail' || form === 'q'))
    return fail(`limit does not apply to ${form}`);
  const numbers = new Map<string, number>();
  for (const [name, min, what, max = Number.MAX_SAFE_INTEGER] of LOG_NUMBERS) {
    const raw = params.get(name);
    if (raw === null) continue;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= min && n <= max)) return fail(`${name} must be ${what}`);
    numbers.set(name, n);
  }
  const container = numbers.get('container') ?? null;
  const limit = numbers.get('limit') ?? LOG_PAGE_LIMIT;
  const value = numbers.get(form) ?? 0;
  switch (form) {
    case 'after':
      return { ok: true, query: { kind: 'after', after: value, limit, container } };
    case 'before':
      return { ok: true, query: { kind: 'before', before: value, limit, container } };
    case 'line':
      return { ok: true, query: { kind: 'line', line: value, limit, container } };
    case 'tail':
      return { ok: true, query: { kind: 'tail', tail: value, container } };
    case 'q': {
      const q = params.get('q') ?? '';
      if (q.length === 0 || q.length > MAX_SEARCH_TEXT)
        return fail(`q must be the text to search for (1 to ${MAX_SEARCH_TEXT} characters)`);
      return { ok: true, query: { kind: 'search', q, container } };
    }
    default: {
      const exhaustive: never = form;
      return exhaustive;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The log stream (docs/api.md "Live streams").

/** `GET /operations/{id}/logs/stream`: one entry per event, then `complete` once it is final. */
export const logStreamEvents = {
  entry: logEntrySchema,
  complete: logCompleteSchema,
} as const;

// ---------------------------------------------------------------------------------------------
// Simulator control surface (SPEC §6), only present when the simulator is on.

export const SCENARIOS = ['default', 'empty', 'busy', 'huge-log', 'million-log', 'flaky'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const simResetBodySchema = z.strictObject({
  scenario: z.optional(z.enum(SCENARIOS)),
  seed: z.optional(z.int().check(z.nonnegative())),
});
export type SimResetBody = z.infer<typeof simResetBodySchema>;

export const simClockBodySchema = z.strictObject({
  advance_ms: z.optional(z.int().check(z.nonnegative())),
  paused: z.optional(z.boolean()),
  speed: z.optional(z.number().check(z.positive(), z.maximum(10_000))),
});
export type SimClockBody = z.infer<typeof simClockBodySchema>;

export const simClockSchema = z.looseObject({
  now: isoDateTime,
  paused: z.boolean(),
  speed: z.number().check(z.positive()),
});
export type SimClockWire = z.infer<typeof simClockSchema>;

export const simUserBodySchema = z.strictObject({
  role: z.enum(ROLES),
  permission: z.optional(z.enum(PERMISSIONS)),
});
export type SimUserBody = z.infer<typeof simUserBodySchema>;

/**
 * Fault injection for the API answers (never for `/__sim/*`): `flaky` fails about one answer in
 * five (503 with Retry-After, 500, or a gateway's 502 page), slows another one in five by 1–3 s and
 * cuts about one in twenty mid-answer; `down` fails every request as a network error; `hang` never
 * answers until the client gives up.
 */
export const FAULT_MODES = ['none', 'flaky', 'down', 'hang'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const simFaultsBodySchema = z.strictObject({ mode: z.enum(FAULT_MODES) });
export type SimFaultsBody = z.infer<typeof simFaultsBodySchema>;
export const simFaultsSchema = z.looseObject({ mode: z.enum(FAULT_MODES) });
export type SimFaultsWire = z.infer<typeof simFaultsSchema>;
