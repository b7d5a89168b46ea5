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
