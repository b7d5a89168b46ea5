/**
 * The slow, cheap check for new Runs (SPEC §4 "Live"), for when no Run stream is live and the
 * Runs list on screen has nothing active (so it does not poll): a Run a schedule launches would
 * otherwise never appear until a click. Every `every` ms it asks for one Run of the list's
 * filters, newest first (`size=1`), and compares that Run's id and the total with what the list
 * shows; when they differ, the lists are re-read. Which list it watches, and whether it runs at
 * all, is the polling rule's call (live.ts): nothing while the tab is hidden.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import type { RunPage } from '../api/client';
import type { ListRunsQuery } from '../api/contract';
import { api } from '../api/instance';
import { activityKeys } from './activity';
import { listForNewRunsCheck } from './live';
import { runKeys } from './runs';

export interface NewRunsCheckOptions {
  readonly every: number;
  readonly visible: () => boolean;
  readonly listRuns?: (query: ListRunsQuery, signal: AbortSignal) => Promise<RunPage>;
}

/** Starts the check; answers the function that stops it. */
export function startNewRunsCheck(
  queryClient: QueryClient,
  options: NewRunsCheckOptions,
): () => void {
  const listRuns = options.listRuns ?? ((query, signal) => api.listRuns(query, signal));
  const stop = new AbortController();
  /** The newest id the check last saw, by probe query (for lists not showing the newest). */
  const lastNewest = new Map<string, number | null>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function check(list: Query): Promise<void> {
    const filters = list.queryKey[2] as ListRunsQuery;
    const shown = list.state.data as RunPage;
    const probe: ListRunsQuery = { ...filters, page: 1, size: 1, sort_created: 'desc' };
    delete probe.sort_duration;
    const key = JSON.stringify(probe);
    let answer: RunPage;
    try {
      answer = await listRuns(probe, stop.signal);
    } catch {
      return; // Tried again at the next turn; the breaker paces reads while the API is down.
    }
    const newest = answer.items[0]?.id ?? null;
    const showsNewest =
      filters.page === 1 && !filters.sort_duration && filters.sort_created !== 'asc';
    const known = showsNewest ? (shown.items[0]?.id ?? null) : (lastNewest.get(key) ?? newest);
    lastNewest.set(key, newest);
    if (answer.total !== shown.total || newest !== known) {
      void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    }
  }

  async function turn(): Promise<void> {
    timer = null;
    const list = listForNewRunsCheck(queryClient, options.visible());
    if (list) await check(list);
    if (!stop.signal.aborted) timer = setTimeout(() => void turn(), options.every);
  }

  timer = setTimeout(() => void turn(), options.every);
  return () => {
    stop.abort();
    if (timer !== null) clearTimeout(timer);
  };
}
