/**
 * The reads of SPEC §3 (list, one Run, activity, datastores, the acting user) as plain functions
 * over the store; the caller brings the store up to now first. Log pages are in log-page.ts.
 */
import type {
  ActivityWire,
  DatastoreWire,
  ListRunsQuery,
  RunPageWire,
  RunWire,
  UserWire,
} from '../../src/api/contract';
import { isDay } from '../../src/api/contract';
import { canView } from '../../src/domain/permissions';
import { isTerminal } from '../../src/domain/states';
import { DATASTORES } from '../db/catalog';
import type { SimRun } from '../engine/run-model';
import { findRun } from './checks';
import type { ReadContext } from './context';
import type { SimResult } from './result';
import { fail, ok } from './result';
import { iso, toWire } from './wire';

const DAY = 86_400_000;

export function listRuns(ctx: ReadContext, query: ListRunsQuery): SimResult<RunPageWire> {
  const user = ctx.user();
  const types = new Set(query.operation_type ?? []);
  const results = new Set(query.result ?? []);
  const stores = new Set(query.datastore ?? []);
  const from = query.start_date ? Date.parse(`${query.start_date}T00:00:00Z`) : null;
  const to = query.end_date ? Date.parse(`${query.end_date}T00:00:00Z`) + DAY : null;
  const matches: SimRun[] = [];
  for (const run of ctx.store.runs.values()) {
    if (!canView(user, run.datastoreId)) continue;
    if (types.size && !types.has(run.type)) continue;
    if (results.size && !results.has(run.state)) continue;
    if (stores.size && !stores.has(run.datastoreId)) continue;
    if (query.has_logs !== undefined && query.has_logs !== run.warnings > 0) continue;
    if (query.finished !== undefined && query.finished !== isTerminal(run.state)) continue;
    if (query.id !== undefined && run.id !== query.id) continue;
    if (from !== null && run.created < from) continue;
    if (to !== null && run.created >= to) continue;
    matches.push(run);
  }
  const now = ctx.now();
  if (query.sort_duration) {
    const dir = query.sort_duration === 'asc' ? 1 : -1;
    const duration = (r: SimRun) => (r.startTime === null ? 0 : (r.endTime ?? now) - r.startTime);
    matches.sort((a, b) => dir * (duration(a) - duration(b)) || b.id - a.id);
  } else {
    const dir = query.sort_created === 'asc' ? 1 : -1;
    matches.sort((a, b) => dir * (a.created - b.created || a.id - b.id));
  }
  const pages = Math.ceil(matches.length / query.size);
  const start = (query.page - 1) * query.size;
  return ok({
    items: matches.slice(start, start + query.size).map((r) => toWire(r, false, ctx.wire)),
    total: matches.length,
    page: query.page,
    size: query.size,
    pages,
  });
}

export function getRun(ctx: ReadContext, id: number): SimResult<RunWire> {
  const found = findRun(ctx, id);
  if ('status' in found) return found;
  return ok(toWire(found, true, ctx.wire));
}

/** Runs created per UTC day from `startDate` to `endDate`, both included. */
export function activity(
  ctx: ReadContext,
  startDate: string,
  endDate: string,
): SimResult<ActivityWire> {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  if (!isDay(startDate) || !isDay(endDate) || end < start) {
    return fail(
      400,
      'start_date and end_date must be dates (YYYY-MM-DD) with start_date ≤ end_date',
    );
  }
  const days = Math.round((end - start) / DAY) + 1;
  if (days > 400) return fail(400, 'The activity range can span at most 400 days');
  const user = ctx.user();
  const counts = new Array<number>(days).fill(0);
  for (const run of ctx.store.runs.values()) {
    if (!canView(user, run.datastoreId)) continue;
    const index = Math.floor((run.created - start) / DAY);
    if (index >= 0 && index < days) counts[index] = (counts[index] ?? 0) + 1;
  }
  return ok(counts.map((count, i) => ({ date: iso(start + i * DAY).slice(0, 10), count })));
}

export function datastores(ctx: ReadContext): SimResult<DatastoreWire[]> {
  const user = ctx.user();
  return ok(
    DATASTORES.filter((d) => canView(user, d.id)).map((d) => ({
      id: d.id,
      name: d.name,
      type: d.type,
    })),
  );
}

export function me(ctx: ReadContext): SimResult<UserWire> {
  return ok(ctx.user());
}
