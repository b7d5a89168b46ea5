import { QueryClient } from '@tanstack/react-query';
import { backoffMs } from '../api/breaker';
import { isApiError } from '../api/errors';
import { STALE_MS } from '../config/polling';

/**
 * Every read that failed for a reason that may pass (no answer, a timeout, a gateway, a 5xx, 429)
 * asks again on its own — first loads included — with a backoff of its own (1 s doubling to 30 s,
 * jitter, `Retry-After`), while the transport's breaker lets only one read at a time out while the
 * API is unreachable. A 4xx of the API's own or an unreadable answer will not change: no retry.
 * Actions are never retried behind the person's back. Tests build their own client.
 */
export function createQueryClient(options: { random?: () => number } = {}): QueryClient {
  const random = options.random ?? Math.random;
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        retry: (_failureCount, error) => isApiError(error) && error.transient,
        retryDelay: (failureCount, error) =>
          backoffMs(failureCount + 1, random, isApiError(error) ? error.retryAfterMs : null),
      },
      mutations: { retry: false },
    },
  });
}
