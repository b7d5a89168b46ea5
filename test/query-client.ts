/**
 * The one QueryClient factory of the tests: a fresh client per render, no retries (a failure shows
 * at once), nothing stale (every mount asks the simulator), nothing collected mid-test. Every
 * client made here is cancelled and cleared after its test (test/setup.ts), so no request of one
 * test can land in the next.
 */
import { QueryClient } from '@tanstack/react-query';

const made = new Set<QueryClient>();

/** Cancels and clears this client after its test too (for tests of the app's own client). */
export function discardAfterTest(client: QueryClient): QueryClient {
  made.add(client);
  return client;
}

export function createTestQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 0, gcTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  made.add(client);
  return client;
}

/** Cancels every request still out and forgets every client (after each test). */
export async function discardTestQueryClients(): Promise<void> {
  const clients = [...made];
  made.clear();
  await Promise.all(clients.map((client) => client.cancelQueries()));
  for (const client of clients) client.clear();
}
