/**
 * What watches say, and the list query a watch for Failures reads: pure, so tests can call them.
 */
import type { ListRunsQuery } from '../../api/contract';
import { operationLabel } from '../../domain/operations';
import type { Run } from '../../domain/run';
import { stateLabel } from '../../domain/states';
import type { RunWatch, WatchedFilters } from './watch-store';

/** "Run #57 Scan finished: Failure". */
export function endedSentence(run: Pick<Run, 'id' | 'type' | 'state' | 'hasLogs'>): string {
  const warning = run.state === 'success' && run.hasLogs ? ' (completed with logs)' : '';
  return `Run #${run.id} ${operationLabel(run.type)} finished: ${stateLabel(run.state)}${warning}`;
}

/** The watched Run was deleted (or never existed) before it was seen to finish. */
export const goneSentence = (watch: RunWatch): string =>
  `Run #${watch.id} ${operationLabel(watch.type)} is gone: it was deleted before it finished`;

/** The filters of a watch for Failures, from the Activity page's list query. */
export function watchedFiltersOf(query: ListRunsQuery): WatchedFilters {
  const filters: {
    -readonly [K in keyof WatchedFilters]: WatchedFilters[K];
  } = {};
  if (query.operation_type?.length) filters.operation_type = query.operation_type;
  if (query.datastore?.length) filters.datastore = query.datastore;
  if (query.has_logs !== undefined) filters.has_logs = query.has_logs;
  if (query.id !== undefined) filters.id = query.id;
  if (query.start_date) filters.start_date = query.start_date;
  if (query.end_date) filters.end_date = query.end_date;
  return filters;
}

/** How many of the newest Failures a watch reads each time (new ones come first). */
export const FAILURES_PAGE = 50;

/** The newest Failures among the Runs of these filters. */
export function failureListOf(filters: WatchedFilters): ListRunsQuery {
  const query: ListRunsQuery = {
    page: 1,
    size: FAILURES_PAGE,
    result: ['failure'],
    sort_created: 'desc',
  };
  if (filters.operation_type) query.operation_type = filters.operation_type;
  if (filters.datastore) query.datastore = filters.datastore;
  if (filters.has_logs !== undefined) query.has_logs = filters.has_logs;
  if (filters.id !== undefined) query.id = filters.id;
  if (filters.start_date) query.start_date = filters.start_date;
  if (filters.end_date) query.end_date = filters.end_date;
  return query;
}

const orList = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;

/** The filters in words: "Scan or Profile Runs on orders-db, with logs, from 2026-11-01". */
export function describeFilters(
  filters: WatchedFilters,
  datastoreName: (id: number) => string | undefined,
): string {
  const types = filters.operation_type ?? [];
  const parts = [
    filters.id !== undefined
      ? `Run #${filters.id}`
      : types.length > 0
        ? `${orList(types.map(operationLabel))} Runs`
        : 'all Runs',
  ];
  if (filters.datastore?.length) {
    parts.push(
      `on ${orList(filters.datastore.map((id) => datastoreName(id) ?? `datastore ${id}`))}`,
    );
  }
  const more: string[] = [];
  if (filters.has_logs !== undefined) more.push(filters.has_logs ? 'with logs' : 'without logs');
  if (filters.start_date) more.push(`from ${filters.start_date}`);
  if (filters.end_date) more.push(`to ${filters.end_date}`);
  return [parts.join(' '), ...more].join(', ');
}

/** "Run #62 External Scan failed (watching for a Failure among External Scan Runs)". */
export const failureSentence = (run: Pick<Run, 'id' | 'type'>, scope: string): string =>
  `Run #${run.id} ${operationLabel(run.type)} finished: Failure (watching for a Failure among ${scope})`;
