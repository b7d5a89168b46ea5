/**
 * The Activity page's search params (SPEC §4): names, defaults, validation and the mapping to the
 * API's list query. The names are a contract (people bookmark them); values are the API's values.
 *
 * Validation never throws: every param is checked on its own and an invalid one falls back to its
 * default, so a hand-edited or stale URL still shows a page. In a list param (`status=failure,bogus`)
 * only the invalid items are dropped.
 */
import { z } from 'zod/mini';
import type { ListRunsQuery, SortOrder } from '../../api/contract';
import { MAX_PAGE_SIZE, SORT_ORDERS } from '../../api/contract';
import { OPERATION_TYPES } from '../../domain/operations';
import type { OperationType } from '../../domain/operations';
import { RUN_STATES } from '../../domain/states';
import type { RunState } from '../../domain/states';

const SORT_KEYS = ['created', 'duration'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export interface ActivitySearch {
  readonly type: readonly OperationType[];
  readonly status: readonly RunState[];
  readonly datastore: readonly number[];
  readonly has_logs?: boolean | undefined;
  /** ID search: an exact Run ID. */
  readonly q?: number | undefined;
  /** UTC calendar days, YYYY-MM-DD (the API's dates are UTC days). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly sort: SortKey;
  readonly order: SortOrder;
  readonly page: number;
  readonly size: number;
  /** Runs whose row is expanded. */
  readonly expanded: readonly number[];
}

/** The default of every param; a param equal to its default is left out of the URL. */
export const ACTIVITY_DEFAULTS = {
  type: [],
  status: [],
  datastore: [],
  sort: 'created',
  order: 'desc',
  page: 1,
  size: 25,
  expanded: [],
} as const satisfies Partial<ActivitySearch>;

/** What callers may pass when they navigate (anything else in the URL is validated away). */
export type ActivitySearchInput = Partial<ActivitySearch>;

const dayRegex = /^\d{4}-\d{2}-\d{2}$/;
const daySchema = z.string().check(
  z.regex(dayRegex),
  z.refine((day) => {
    const ms = Date.parse(`${day}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
  }),
);
/** A whole number > 0, from a number or from digits only ("12", not "1e3" or "0x10"). */
const positiveInt = z.pipe(
  z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))]),
  z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER)),
);
const boolSchema = z.union([
  z.boolean(),
  z.pipe(
    z.enum(['true', 'false']),
    z.transform((v) => v === 'true'),
  ),
]);
/** "12" or "#12". */
const runIdSchema = z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' ? v.trim().replace(/^#/, '') : v)),
  positiveInt,
);

/** `'a,b'`, `['a', 'b,c']` or `'a'` → the items, each checked on its own, duplicates dropped. */
function listOf<T>(item: z.ZodMiniType<T>) {
  return (value: unknown): T[] => {
    const raw: unknown[] = Array.isArray(value)
      ? (value as unknown[])
      : value === undefined || value === null
        ? []
        : [value];
    const items = raw.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
    const out: T[] = [];
    for (const candidate of items) {
      const parsed = item.safeParse(typeof candidate === 'string' ? candidate.trim() : candidate);
      if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
    }
    return out;
  };
}

function valueOr<T, F>(schema: z.ZodMiniType<T>, fallback: F) {
  return (value: unknown): T | F => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
}

const fields = {
  type: listOf(z.enum(OPERATION_TYPES)),
  status: listOf(z.enum(RUN_STATES)),
  datastore: listOf(positiveInt),
  has_logs: valueOr(boolSchema, undefined),
  q: valueOr(runIdSchema, undefined),
  from: valueOr(daySchema, undefined),
  to: valueOr(daySchema, undefined),
  sort: valueOr(z.enum(SORT_KEYS), ACTIVITY_DEFAULTS.sort),
  order: valueOr(z.enum(SORT_ORDERS), ACTIVITY_DEFAULTS.order),
  page: valueOr(positiveInt, ACTIVITY_DEFAULTS.page),
  size: valueOr(
    z.pipe(positiveInt, z.number().check(z.maximum(MAX_PAGE_SIZE))),
    ACTIVITY_DEFAULTS.size,
  ),
  expanded: listOf(positiveInt),
};

/** Validates raw search params (strings from the URL, or typed values from a navigation). */
export function validateActivitySearch(input: Record<string, unknown>): ActivitySearch {
  return {
    type: fields.type(input.type),
    status: fields.status(input.status),
    datastore: fields.datastore(input.datastore),
    has_logs: fields.has_logs(input.has_logs),
    q: fields.q(input.q),
    from: fields.from(input.from),
    to: fields.to(input.to),
    sort: fields.sort(input.sort),
    order: fields.order(input.order),
    page: fields.page(input.page),
    size: fields.size(input.size),
    expanded: fields.expanded(input.expanded),
  };
}

/** The API's list query for a view (SPEC §3 names). */
export function toListRunsQuery(search: ActivitySearch): ListRunsQuery {
  const query: ListRunsQuery = { page: search.page, size: search.size };
  if (search.type.length) query.operation_type = search.type;
  if (search.status.length) query.result = search.status;
  if (search.datastore.length) query.datastore = search.datastore;
  if (search.has_logs !== undefined) query.has_logs = search.has_logs;
  if (search.q !== undefined) query.id = search.q;
  if (search.from) query.start_date = search.from;
  if (search.to) query.end_date = search.to;
  if (search.sort === 'duration') query.sort_duration = search.order;
  else query.sort_created = search.order;
  return query;
}

/** Whether any filter narrows the list (sorting, paging and expansion are not filters). */
export function hasFilters(search: ActivitySearch): boolean {
  return (
    search.type.length > 0 ||
    search.status.length > 0 ||
    search.datastore.length > 0 ||
    search.has_logs !== undefined ||
    search.q !== undefined ||
    search.from !== undefined ||
    search.to !== undefined
  );
}

/** The same view without filters, back on the first page. */
export function withoutFilters(search: ActivitySearch): ActivitySearch {
  return {
    ...search,
    type: [],
    status: [],
    datastore: [],
    has_logs: undefined,
    q: undefined,
    from: undefined,
    to: undefined,
    page: 1,
  };
}

/** The page's params, in the contract's order. */
export const ACTIVITY_PARAMS: readonly (keyof ActivitySearch)[] = [
  'type',
  'status',
  'datastore',
  'has_logs',
  'q',
  'from',
  'to',
  'sort',
  'order',
  'page',
  'size',
  'expanded',
];

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((v, i) => v === b[i])
    : a === b;

/**
 * The search as it goes into the URL: the contract's params in a fixed order (so one view has one
 * address, whatever order the filters were picked in), without the ones at their default; params
 * this page does not know (e.g. the simulator's `scenario`) are kept, after them.
 */
export function tidyActivitySearch<T extends object>(input: T): Partial<T> {
  const search = input as Record<string, unknown>;
  const tidy: Record<string, unknown> = {};
  const defaults: Partial<Record<keyof ActivitySearch, unknown>> = ACTIVITY_DEFAULTS;
  for (const key of ACTIVITY_PARAMS) {
    const value = search[key];
    if (value === undefined || sameValue(value, defaults[key])) continue;
    tidy[key] = value;
  }
  for (const [key, value] of Object.entries(search)) {
    if (!(ACTIVITY_PARAMS as readonly string[]).includes(key)) tidy[key] = value;
  }
  return tidy as Partial<T>;
}
