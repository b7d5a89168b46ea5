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
  activity: '/operations/activity',
  launch: '/operations/run',
  datastores: '/datastores',
  me: '/users/me',
  simReset: '/__sim/reset',
  simClock: '/__sim/clock',
  simUser: '/__sim/user',
} as const;

/** Most entries one log answer carries (SPEC §3), and the most a `tail` asks for (§3.1). */
export const LOG_PAGE_LIMIT = 1000;
/** Largest `limit` of an `after`, `before` or `line` page (extension, docs/api.md). */
export const LOG_PAGE_MAX_LIMIT = 10_000;
/** Largest page size of the Runs list. */
export const MAX_PAGE_SIZE = 100;

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

/**
 * Extension: `?q=` answers `{ lines, total_matches }`, the matching line numbers; a server
 * without search ignores `q` and answers a page (no `lines`).
 */
export const logSearchSchema = z.looseObject({
  lines: z.optional(z.array(positiveInt)),
  total_matches: z.optional(count),
});
export type LogSearchWire = z.infer<typeof logSearchSchema>;

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
// Simulator control surface (SPEC §6), only present when the simulator is on.

export const SCENARIOS = ['default', 'empty', 'busy', 'huge-log'] as const;
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
