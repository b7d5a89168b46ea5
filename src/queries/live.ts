/**
 * The one rule for how often a view refreshes itself (SPEC §4 "Live"), for every live query (the
 * Runs list, a Run, a log): every few seconds while what it shows can still change, never once it
 * cannot, and never for a Run the API says does not exist. One request per view, never one per
 * row; TanStack Query pauses the interval in a background tab.
 */
import type { Query, QueryKey } from '@tanstack/react-query';
import { isApiError } from '../api/errors';
import { POLL } from '../config/polling';
import type { Run } from '../domain/run';
import { isActive } from '../domain/states';

/** A `refetchInterval` for a query whose data says whether it can still change. */
export function liveRefetch<T>(isLive: (data: T) => boolean, every: number = POLL.live) {
  return <K extends QueryKey>(query: Query<T, Error, T, K>): number | false => {
    const { data, error } = query.state;
    if (isApiError(error) && error.fromApi && error.status === 404) return false;
    if (data === undefined) return false;
    return isLive(data) ? every : false;
  };
}

/** Whether any of these Runs can still change (Queued or Running). */
export const anyActive = (runs: readonly Pick<Run, 'state'>[]): boolean =>
  runs.some((run) => isActive(run.state));
