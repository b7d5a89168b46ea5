/**
 * The HTTP contract of SPEC §3: paths, wire types and their runtime schemas. Shared by the typed
 * client (src/api/client.ts) and the simulated backend (mocks/), so a change here breaks the mocks
 * at compile time. Wire objects are loose: unknown fields are accepted and ignored.
 */
import { z } from 'zod';
import { OPERATION_TYPES } from '../domain/operations';
import { PERMISSIONS, ROLES } from '../domain/permissions';
import { RUN_STATES } from '../domain/states';

// ---------------------------------------------------------------------------------------------
// Paths (relative to the API base, which defaults to `/api` on the dashboard's origin)

export const paths = {
  operations: '/operations',
  operation: (id: number) => `/operations/${id}`,
  abort: (id: number) => `/operations/abort/${id}`,
  resume: (id: number) => `/operations/resume/${id}`,
  rerun: (id: number) => `/operations/rerun/${id}`,
  logs: (id: number) => `/operations/${id}/logs`,
  activity: '/operations/activity',
  launch: '/operations/run',
  datastores: '/datastores',
  me: '/users/me',
  simReset: '/__sim/reset',
  simClock: '/__sim/clock',
  simUser: '/__sim/user',
} as const;

/** Most entries one log answer carries. */
export const LOG_PAGE_LIMIT = 1000;
/** Largest page size of the Runs list. */
export const MAX_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------------
// Building blocks

const isoDateTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO date-time' });
/** A real calendar day written YYYY-MM-DD (UTC); `2026-02-30` and `2026-13-01` are not. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}
const dayString = z.string().refine(isDay, { message: 'expected a calendar date YYYY-MM-DD' });
const count = z.number().int().nonnegative();
const id = z.number().int().nonnegative();

export const operationTypeSchema = z.enum(OPERATION_TYPES);
export const runResultSchema = z.enum(RUN_STATES);
export const logLevelSchema = z.enum(['info', 'warning', 'error']);
export const relaunchSchema = z.enum(['resume', 'rerun']);

export const datastoreRefSchema = z.looseObject({
  id,
  name: z.string(),
  type: z.string().optional(),
});

export const scheduleSchema = z.looseObject({ id, name: z.string() });

export const statusSchema = z.looseObject({
  total_containers: count,
  containers_analyzed: count,
  records_processed: count,
  // Type-specific counters beside them (SPEC §3).
  anomalies_identified: count.optional(),
  partitions_scanned: count.optional(),
  fields_profiled: count.optional(),
  checks_synchronized: count.optional(),
});

export const containerRefSchema = z.looseObject({
  id,
  name: z.string(),
  container_type: z.string(),
  table_type: z.string().nullable().optional(),
});

const containerResultBase = {
  id,
  created: isoDateTime,
  container: z.looseObject({ id, name: z.string(), container_type: z.string() }),
  start_time: isoDateTime.nullable(),
  end_time: isoDateTime.nullable(),
  records_processed: count,
  result: runResultSchema,
  message: z.string().nullable(),
};

export const containerScanSchema = z.looseObject({ ...containerResultBase, anomaly_count: count });
export const containerProfileSchema = z.looseObject({
  ...containerResultBase,
  field_profiles_count: count,
  checks_synchronized: count,
});

/** The settings a Run used, as top-level fields of its type; shown when present. */
export const SETTING_FIELDS = {
  incremental: 'Incremental',
  remediation: 'Remediation',
  max_records_analyzed_per_partition: 'Max records analyzed per partition',
  greater_than_time: 'Starting time threshold',
  greater_than_batch: 'Starting batch threshold',
  high_count_rollup_threshold: 'High count rollup threshold',
  enrichment_source_record_limit: 'Enrichment source record limit',
  inference_threshold: 'Inference threshold',
  infer_as_draft: 'Infer checks as draft',
  prune: 'Prune missing containers',
  recreate: 'Recreate existing',
} as const;
export type SettingField = keyof typeof SETTING_FIELDS;

const settingValue = z.union([z.string(), z.number(), z.boolean()]).nullable().optional();

export const runWireSchema = z.looseObject({
  id,
  type: operationTypeSchema,
  result: runResultSchema,
  created: isoDateTime,
  start_time: isoDateTime.nullable(),
  end_time: isoDateTime.nullable(),
  triggered_by: z.string(),
  schedule: scheduleSchema.nullable(),
  datastore: datastoreRefSchema,
  message: z.string().nullable(),
  tags: z.array(z.union([z.string(), z.looseObject({ name: z.string() })])).optional(),
  status: statusSchema,
  containers: z.array(containerRefSchema).optional(),
  container_scans: z.array(containerScanSchema).optional(),
  container_profiles: z.array(containerProfileSchema).optional(),
  // Settings (present for the types that have them).
  incremental: settingValue,
  remediation: settingValue,
  max_records_analyzed_per_partition: settingValue,
  greater_than_time: settingValue,
  greater_than_batch: settingValue,
  high_count_rollup_threshold: settingValue,
  enrichment_source_record_limit: settingValue,
  inference_threshold: settingValue,
  infer_as_draft: settingValue,
  prune: settingValue,
  recreate: settingValue,
  // This project's extensions; a server may omit them.
  has_logs: z.boolean().optional(),
  aborted_by: z.string().nullable().optional(),
  parent_id: id.nullable().optional(),
  relaunch: relaunchSchema.nullable().optional(),
  queue_position: z.number().int().positive().nullable().optional(),
  children: z.array(z.looseObject({ id, relaunch: relaunchSchema })).optional(),
  completed_container_ids: z.array(id).optional(),
});
export type RunWire = z.infer<typeof runWireSchema>;
export type ContainerScanWire = z.infer<typeof containerScanSchema>;
export type ContainerProfileWire = z.infer<typeof containerProfileSchema>;

export const runPageSchema = z.looseObject({
  items: z.array(runWireSchema),
  total: count,
  page: z.number().int().positive(),
  size: z.number().int().positive(),
  pages: count,
});
export type RunPageWire = z.infer<typeof runPageSchema>;

export const logEntrySchema = z.looseObject({
  seq: count,
  time: isoDateTime,
  level: logLevelSchema,
  message: z.string(),
  container_id: id.nullable(),
});
export type LogEntryWire = z.infer<typeof logEntrySchema>;
export type LogLevel = z.infer<typeof logLevelSchema>;

export const logPageSchema = z.looseObject({
  entries: z.array(logEntrySchema),
  next_after: count,
  complete: z.boolean(),
});
export type LogPageWire = z.infer<typeof logPageSchema>;

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
  container_ids: z.array(id).optional(),
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

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
const intParam = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);

const listQuerySchema = z.object({
  page: intParam.pipe(z.number().int().min(1)).default(1),
  size: intParam.pipe(z.number().int().min(1).max(MAX_PAGE_SIZE)).default(50),
  operation_type: z.array(operationTypeSchema).default([]),
  result: z.array(runResultSchema).default([]),
  datastore: z.array(intParam).default([]),
  has_logs: boolParam.optional(),
  finished: boolParam.optional(),
  id: intParam.optional(),
  start_date: dayString.optional(),
  end_date: dayString.optional(),
  sort_created: z.enum(SORT_ORDERS).optional(),
  sort_duration: z.enum(SORT_ORDERS).optional(),
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
export function describeIssues(error: z.ZodError): string {
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
  scenario: z.enum(SCENARIOS).optional(),
  seed: z.number().int().nonnegative().optional(),
});
export type SimResetBody = z.infer<typeof simResetBodySchema>;

export const simClockBodySchema = z.strictObject({
  advance_ms: z.number().int().nonnegative().optional(),
  paused: z.boolean().optional(),
  speed: z.number().positive().max(10_000).optional(),
});
export type SimClockBody = z.infer<typeof simClockBodySchema>;

export const simClockSchema = z.looseObject({
  now: isoDateTime,
  paused: z.boolean(),
  speed: z.number().positive(),
});
export type SimClockWire = z.infer<typeof simClockSchema>;

export const simUserBodySchema = z.strictObject({
  role: z.enum(ROLES),
  permission: z.enum(PERMISSIONS).optional(),
});
export type SimUserBody = z.infer<typeof simUserBodySchema>;
