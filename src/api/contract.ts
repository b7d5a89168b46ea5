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
import {
  count,
  dayString,
  fieldsOf,
  id,
  isoDateTime,
  operationTypeSchema,
  positiveInt,
  runResultSchema,
} from './contract-blocks';
import { PERMISSIONS, ROLES } from '../domain/permissions';
import { SETTING_KEYS } from '../domain/settings';

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
  concurrency: '/operations/concurrency',
  launch: '/operations/run',
  datastores: '/datastores',
  me: '/users/me',
  simReset: '/__sim/reset',
  simClock: '/__sim/clock',
  simUser: '/__sim/user',
  simFaults: '/__sim/faults',
} as const;

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

// ---------------------------------------------------------------------------------------------
// The log stream (docs/api.md "Live streams").

/** `GET /operations/{id}/logs/stream`: one entry per event, then `complete` once it is final. */
export const logStreamEvents = {
  entry: logEntrySchema,
  complete: logCompleteSchema,
} as const;

export * from './log-query';
export * from './contract-sim';
export * from './contract-concurrency';
export { isDay, operationTypeSchema, runResultSchema } from './contract-blocks';
export * from './list-query';
