/**
 * What the Run-change stream's events do to the query cache (docs/api.md "Live streams"):
 *
 * - `run` (the Run's list shape, through the client's own wire→model mapping): written into every
 *   cached list page that holds it and into its detail, if cached. A row is never invented: when a
 *   Run is new, or changes in a way that can move it into, out of or across a list (its state
 *   under a status, "finished" or duration filter, its logs under "has logs"), the lists it
 *   affects are re-read, once for a batch of changes. A cached detail is re-read too (the stream
 *   carries no per-container results). A new Run re-reads the Activity charts; a change of state,
 *   the concurrency chart.
 * - `deleted`: dropped from every list and its logs (as a Delete does, run-cache.ts), and its
 *   detail (re-read instead when on screen, so that view says the Run no longer exists); the
 *   lists are re-read (pages and totals shift).
 * - `reset`, or a fresh connection (no resume id, so changes before it are unknown): everything
 *   about Runs is re-read once.
 *
 * A query already re-read since the change (a fetch started after it) is left alone.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { RunPage } from '../api/client';
import type { ListRunsQuery } from '../api/contract';
import { readRun } from '../api/read-run';
import type { Run } from '../domain/run';
import { isTerminal } from '../domain/states';
import { activityKeys, concurrencyKeys } from './activity';
import { logKeys } from './logs';
import { matchingKeys } from './matching';
import { patchLists } from './run-cache';
import { runKeys } from './runs';

export interface RunChangeWriter {
  /** A `run` event's data, read as a list item is (read-run.ts). */
  run(raw: { readonly id: number }): void;
  deleted(id: number): void;
  /** The server no longer holds what came since our resume id, or we never had one. */
  resync(): void;
  /** Re-reads now what the batch holds (tests; otherwise it runs by itself). */
  flush(): void;
  dispose(): void;
}

/** What a Run looked like when last seen, for deciding where a change can move it. */
type Seen = Pick<Run, 'id' | 'state' | 'hasLogs' | 'createdAt' | 'startedAt' | 'endedAt'> &
  Pick<Run, 'datastore'>;

export function createRunChangeWriter(
  queryClient: QueryClient,
  options: { readonly batchMs: number; readonly now?: () => number },
): RunChangeWriter {
  const now = options.now ?? Date.now;
  const cache = queryClient.getQueryCache();
  /** Runs as the last event told them, and the highest id an event told. */
  const seen = new Map<number, Seen>();
  let newestSeen = 0;
  /** When each query's last fetch started, by query hash. */
  const fetchStarted = new Map<string, number>();
  /** Queries to re-read, by hash: their key and when the change that asks for it arrived. */
  const pending = new Map<string, { readonly key: QueryKey; readonly at: number }>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const unsubscribe = cache.subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'fetch') {
      fetchStarted.set(event.query.queryHash, now());
    }
  });

  const lists = (): Query[] => cache.findAll({ queryKey: runKeys.lists() });
  const pageOf = (query: Query): RunPage | null => {
    const data = query.state.data as RunPage | undefined;
    return data && Array.isArray(data.items) ? data : null;
  };
  const filtersOf = (query: Query): ListRunsQuery => query.queryKey[2] as ListRunsQuery;

  function mark(key: QueryKey): void {
    const query = cache.find({ queryKey: key, exact: true });
    if (!query) return;
    // The latest change counts: only a fetch started after it covers it.
    pending.set(query.queryHash, { key, at: now() });
    timer ??= setTimeout(flush, options.batchMs);
  }

  const markAll = (prefix: QueryKey) => {
    for (const query of cache.findAll({ queryKey: prefix })) mark(query.queryKey);
  };

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const later: [string, { key: QueryKey; at: number }][] = [];
    for (const [hash, { key, at }] of pending) {
      const query = cache.find({ queryKey: key, exact: true });
      if (!query) continue;
      if ((fetchStarted.get(hash) ?? -Infinity) > at) continue;
      // A first load under way cannot be restarted: re-read once it has landed.
      if (query.state.fetchStatus === 'fetching' && query.state.data === undefined) {
        later.push([hash, { key, at }]);
        continue;
      }
      if (query.isActive()) fetchStarted.set(hash, now());
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    }
    pending.clear();
    for (const [hash, entry] of later) pending.set(hash, entry);
    if (later.length > 0) timer = setTimeout(flush, options.batchMs);
  }

  function run(raw: { readonly id: number }): void {
    const reading = readRun(raw);
    if (reading.kind !== 'run') {
      // A Run the dashboard cannot show as such (a newer type or state, an unreadable field
      // that identifies it): the lists show it as the server answers it, so they are re-read.
      markAll(runKeys.lists());
      mark(runKeys.detail(raw.id));
      return;
    }
    const next = reading.run;
    // Only events tell what is new: a page read after a Run's creation may already hold it
    // while another page, read before, does not. Ids grow with creation.
    const isNew = next.id > newestSeen;
    const before = seen.get(next.id);
    for (const query of lists()) {
      const page = pageOf(query);
      if (!page) {
        // A first load under way may have been answered before this change.
        if (query.state.fetchStatus === 'fetching') mark(query.queryKey);
        continue;
      }
      const row = page.items.find((r) => r.id === next.id);
      const filters = filtersOf(query);
      // What another page shows of a Run off this page may be newer than this page: only the
      // row on this page, or the last event, says what this page was read with.
      const affected = row
        ? moves(filters, row, next)
        : isNew
          ? matches(filters, next)
          : before === undefined
            ? dependsOnChanges(filters) && mayHold(filters, next)
            : moves(filters, before, next);
      if (affected) mark(query.queryKey);
    }
    patchLists(queryClient, next.id, next);
    const detail = queryClient.getQueryData<Run>(runKeys.detail(next.id));
    if (detail !== undefined) {
      queryClient.setQueryData<Run>(runKeys.detail(next.id), intoDetail(detail, next));
    }
    mark(runKeys.detail(next.id));
    if (isNew) {
      markAll(activityKeys.all);
      markAll(matchingKeys.all);
      if (next.parentId !== null) mark(runKeys.detail(next.parentId));
    } else if (before?.state !== next.state) {
      // Started or ended (or not seen before): the counts of Running and Queued changed.
      markAll(concurrencyKeys.all);
    }
    seen.set(next.id, next);
    newestSeen = Math.max(newestSeen, next.id);
  }

  function deleted(id: number): void {
    patchLists(queryClient, id, null);
    // A Run on screen is re-read, so its view says it no longer exists; otherwise forgotten.
    const detail = cache.find({ queryKey: runKeys.detail(id), exact: true });
    if (detail?.isActive()) void queryClient.invalidateQueries({ queryKey: runKeys.detail(id) });
    else queryClient.removeQueries({ queryKey: runKeys.detail(id), exact: true });
    queryClient.removeQueries({ queryKey: logKeys.ofRun(id) });
    seen.delete(id);
    // Pages and totals shift in any list that held it, on whatever page: re-read them all.
    markAll(runKeys.lists());
    markAll(activityKeys.all);
    markAll(matchingKeys.all);
  }

  function resync(): void {
    for (const query of cache.findAll({ queryKey: runKeys.all })) {
      if (!startsWithLogs(query.queryKey)) mark(query.queryKey);
    }
  }

  return {
    run,
    deleted,
    resync,
    flush,
    dispose: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}

const startsWithLogs = (key: QueryKey): boolean => logKeys.all.every((part, i) => key[i] === part);

/**
 * Whether a list with these filters can hold the Run. Only what is certain is checked (the
 * rest counts as "may hold it"), so a doubt costs a re-read, never a wrong list.
 */
function matches(filters: ListRunsQuery, run: Seen): boolean {
  if (!mayHold(filters, run)) return false;
  if (filters.result?.length && !filters.result.includes(run.state)) return false;
  if (filters.finished !== undefined && filters.finished !== isTerminal(run.state)) return false;
  if (filters.has_logs !== undefined && filters.has_logs !== run.hasLogs) return false;
  return true;
}

/** The same for what never changes in a Run: a list that fails this never held it either. */
function mayHold(filters: ListRunsQuery, run: Seen): boolean {
  if (filters.id !== undefined && filters.id !== run.id) return false;
  return !(filters.datastore?.length && !filters.datastore.includes(run.datastore.id));
}

/** Whether a change of state or logs can move a Run into, out of or across this list. */
const dependsOnChanges = (filters: ListRunsQuery): boolean =>
  Boolean(filters.result?.length) ||
  filters.finished !== undefined ||
  filters.has_logs !== undefined ||
  filters.sort_duration !== undefined;

/** Whether this change enters or leaves the list, or can change its place in it. */
function moves(filters: ListRunsQuery, before: Seen, after: Seen): boolean {
  const was = matches(filters, before);
  const is = matches(filters, after);
  if (was !== is) return true;
  if (!is) return false;
  if (before.createdAt !== after.createdAt) return true;
  return (
    filters.sort_duration !== undefined &&
    (before.state !== after.state ||
      before.startedAt !== after.startedAt ||
      before.endedAt !== after.endedAt)
  );
}

/** The stream's list shape over a cached detail: the per-container parts stay the detail's. */
const intoDetail = (detail: Run, next: Run): Run => ({
  ...next,
  containers: detail.containers,
  containerResults: detail.containerResults,
  completedContainerIds: detail.completedContainerIds,
  children: next.children ?? detail.children,
});
