import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors';
import { STALE_MS } from '../config/polling';

/**
 * Retries only what retrying can fix (network, 5xx, malformed answers), twice; never a 4xx.
 * Tests build their own client with retries off.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        retry: (failureCount, error) => isApiError(error) && error.retryable && failureCount < 2,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
      },
      mutations: { retry: false },
    },
  });
}
