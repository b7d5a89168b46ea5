/**
 * The Runs list query, part of the contract (re-exported by contract.ts): one definition that the
 * client serialises and the mock parses.
 */
import { z } from 'zod/mini';
import type { OPERATION_TYPES } from '../domain/operations';
import type { RUN_STATES } from '../domain/states';
import { dayString, operationTypeSchema, runResultSchema } from './contract-blocks';

/** Largest page size of the Runs list. */
export const MAX_PAGE_SIZE = 100;

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
