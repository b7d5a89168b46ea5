/**
 * The one rule for how often views refresh themselves (SPEC §4 "Live"), for every live query (the
 * Runs list, a Run, a log) and for the slow check for new Runs:
 *
 * - While the tab's Run-change stream is live (run-feed.ts), Runs (lists and details) are pushed
 *   into the cache: they never poll.
 * - Otherwise a view polls every few seconds while what it shows can still change, never once it
 *   cannot, and never for a Run the API says does not exist.
 * - A Runs list on screen with nothing active in it (so not polling) and no live stream gets the
 *   slow, cheap check for new Runs (new-runs-check.ts) instead.
 *
 * - The concurrency chart (an extension) is not carried by the stream, only told by it: while the
 *   stream is live, a Run's change of state re-reads it (run-changes.ts); otherwise it polls as a
 *   list does while Runs are Running or Queued. Either way it is re-read once per new sample (every
 *   15 minutes), as its window moves on even when nothing happens.
 *
 * One request per view, never one per row; TanStack Query pauses intervals in a background tab,
 * the check pauses there too, and the transport's breaker paces everything while the API is down.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { CONCURRENCY_SAMPLE_MS } from '../api/contract';
import { isApiError } from '../api/errors';
import type { Concurrency } from '../api/map';
import { POLL } from '../config/polling';
import type { Run } from '../domain/run';
import { isActive } from '../domain/states';
import { concurrencyKeys } from './activity';
import { runFeedIsLive } from './run-feed';
import { runKeys } from './runs';

const startsWith = (key: QueryKey, prefix: QueryKey): boolean =>
  prefix.every((part, i) => key[i] === part);

/**
 * Whether the Run-change stream carries what this query shows (Runs lists and details), or tells
 * every change of it (the concurrency chart).
 */
export const pushedByRunStream = (key: QueryKey): boolean =>
  startsWith(key, runKeys.lists()) ||
  startsWith(key, runKeys.details()) ||
  startsWith(key, concurrencyKeys.all);

/** A `refetchInterval` for a query whose data says whether it can still change. */
export function liveRefetch<T>(isLive: (data: T) => boolean, every: number = POLL.live) {
  return <K extends QueryKey>(query: Query<T, Error, T, K>): number | false => {
    const { data, error } = query.state;
    if (isApiError(error) && error.fromApi && error.status === 404) return false;
    if (data === undefined || !isLive(data)) return false;
    return pushedByRunStream(query.queryKey) && runFeedIsLive() ? false : every;
  };
}

const whileActive = liveRefetch((data: Concurrency) => data.now.running + data.now.queued > 0);

/** The concurrency chart's `refetchInterval`: as a list's while Runs are active, else per sample. */
export function concurrencyRefetch<K extends QueryKey>(
  query: Query<Concurrency, Error, Concurrency, K>,
): number | false {
  const every = whileActive(query);
  if (every !== false || query.state.data === undefined) return every;
  return CONCURRENCY_SAMPLE_MS;
}

/** Whether any of these Runs can still change (Queued or Running). */
export const anyActive = (runs: readonly Pick<Run, 'state'>[]): boolean =>
  runs.some((run) => isActive(run.state));

/** Whether a query on screen refreshes itself now (what its own `refetchInterval` says). */
export function isPolling(query: Query): boolean {
  return query.observers.some((observer) => {
    const { refetchInterval, enabled } = observer.options;
    if (enabled === false) return false;
    const every = typeof refetchInterval === 'function' ? refetchInterval(query) : refetchInterval;
    return typeof every === 'number' && every > 0;
  });
}

/**
 * The Runs list on screen that the slow check for new Runs should watch, or null: one with data,
 * shown (observed), not polling, while no Run stream is live and the tab is visible.
 */
export function listForNewRunsCheck(queryClient: QueryClient, visible: boolean): Query | null {
  if (!visible || runFeedIsLive()) return null;
  const shown = queryClient.getQueryCache().findAll({ queryKey: runKeys.lists(), type: 'active' });
  if (shown.some(isPolling)) return null;
  return shown.find((query) => query.state.data !== undefined) ?? null;
}

/** How often the slow check for new Runs looks (it does nothing while it has no list to watch). */
export const NEW_RUNS_CHECK_MS: number = POLL.newRuns;

/**
 * Makes every Runs query on screen re-read its polling rule now (the stream went live or
 * stopped): TanStack Query otherwise re-reads it only when the query itself changes.
 */
export function rearmPolling(queryClient: QueryClient): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: runKeys.all })) {
    if (!pushedByRunStream(query.queryKey)) continue;
    for (const observer of query.observers) observer.setOptions(observer.options);
  }
}
