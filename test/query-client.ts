/**
 * The one QueryClient factory of the tests: a fresh client per render, no retries (a failure shows
 * at once), nothing stale (every mount asks the simulator), nothing collected mid-test.
 */
import { QueryClient } from '@tanstack/react-query';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 0, gcTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
