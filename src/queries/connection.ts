/**
 * Whether the API can be reached, as views need it: the breaker's state (unreachable since when,
 * next attempt, the last failure; offline) and "Retry now".
 */
import { useSyncExternalStore } from 'react';
import type { ConnectionState } from '../api/breaker';
import { breaker } from '../api/instance';

export type { ConnectionState };

export function useConnection(): ConnectionState {
  return useSyncExternalStore(breaker.subscribe, breaker.getState, breaker.getState);
}

/** Sends the next read at once instead of at its scheduled time. */
export const retryNow = (): void => breaker.retryNow();

/** What a query needs to say about its own retries. */
interface QueryTries {
  readonly failureReason: Error | null;
  readonly isFetching: boolean;
}

/**
 * Whether this query is trying again by itself after a failure, and when its next attempt goes
 * out (null when not known: offline, or its own backoff): for "Retrying in 8 s".
 */
export function useRetrying(query: QueryTries): { readonly at: number | null } | null {
  const connection = useConnection();
  if (query.failureReason === null || !query.isFetching) return null;
  return { at: connection.status === 'unreachable' ? connection.nextAttemptAt : null };
}
