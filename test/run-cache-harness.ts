/**
 * A query cache with Runs lists and details on screen (observed), fetched from a FakeRunsServer,
 * for the tests of the Run stream: how often each was fetched, and whether the cache shows
 * exactly what the server would answer now.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { RunPage } from '../src/api/client';
import type { ListRunsQuery, RunPageWire } from '../src/api/contract';
import { ApiError, isApiError } from '../src/api/errors';
import { readOneRun, readRunPage } from '../src/api/read-run';
import type { Run } from '../src/domain/run';
import { anyActive, liveRefetch } from '../src/queries/live';
import { runKeys } from '../src/queries/runs';
import type { FakeRunsServer } from './fake-runs-server';

/** A page as the client reads it (read-run.ts). */
export const toPage = (wire: RunPageWire): RunPage => ({ ...wire, ...readRunPage(wire.items) });

export interface CacheHarnessOptions {
  readonly lists: readonly ListRunsQuery[];
  readonly details?: readonly number[];
  /** How long the server takes to answer, in ms (its answer is what it holds at the end). */
  readonly delay?: () => number;
  /** Lists poll by the live rule (as the Activity page's does). */
  readonly poll?: boolean;
}

export function cacheHarness(server: FakeRunsServer, options: CacheHarnessOptions) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity } },
  });
  const fetches = new Map<string, number>();
  const answer = async <T>(key: QueryKey, read: () => T): Promise<T> => {
    const hash = JSON.stringify(key);
    fetches.set(hash, (fetches.get(hash) ?? 0) + 1);
    const ms = options.delay?.() ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    return read();
  };
  const observers = [
    ...options.lists.map(
      (query) =>
        new QueryObserver<RunPage>(queryClient, {
          queryKey: runKeys.list(query),
          queryFn: () => answer(runKeys.list(query), () => toPage(server.list(query))),
          refetchInterval: options.poll
            ? liveRefetch((page: RunPage) => anyActive(page.items))
            : false,
        }),
    ),
    ...(options.details ?? []).map(
      (id) =>
        new QueryObserver<Run>(queryClient, {
          queryKey: runKeys.detail(id),
          queryFn: () =>
            answer(runKeys.detail(id), () => {
              const wire = server.detail(id);
              if (wire) return readOneRun(wire, '');
              throw new ApiError({
                kind: 'http',
                status: 404,
                detail: 'gone',
                method: 'GET',
                url: '',
              });
            }),
        }),
    ),
  ];
  const unsubscribes = observers.map((observer) => observer.subscribe(() => {}));

  return {
    queryClient,
    /** Fetches of one query so far. */
    fetchesOf: (key: QueryKey): number => fetches.get(JSON.stringify(key)) ?? 0,
    listOf: (query: ListRunsQuery) => queryClient.getQueryData<RunPage>(runKeys.list(query)),
    /** Differences between the cache and what the server answers now (empty when in sync). */
    differences(): string[] {
      const out: string[] = [];
      for (const query of options.lists) {
        const cached = queryClient.getQueryData<RunPage>(runKeys.list(query));
        const expected = toPage(server.list(query));
        if (JSON.stringify(cached) !== JSON.stringify(expected)) {
          out.push(`list ${JSON.stringify(query)}: ${brief(cached)} ≠ ${brief(expected)}`);
        }
      }
      for (const id of options.details ?? []) {
        // A detail whose re-read answered 404 shows "this Run does not exist", whatever it held.
        const query = queryClient.getQueryCache().find<Run>({ queryKey: runKeys.detail(id) });
        const gone = isApiError(query?.state.error) && query.state.error.status === 404;
        const cached = gone ? undefined : query?.state.data;
        const wire = server.detail(id);
        const expected = wire ? readOneRun(wire, '') : undefined;
        if (JSON.stringify(cached) !== JSON.stringify(expected)) {
          out.push(`detail ${id}: ${cached?.state ?? 'none'} ≠ ${expected?.state ?? 'none'}`);
        }
      }
      return out;
    },
    dispose(): void {
      for (const unsubscribe of unsubscribes) unsubscribe();
      queryClient.clear();
    },
  };
}

const brief = (page: RunPage | undefined): string =>
  page
    ? `${page.total}: ${page.items.map((r) => `${r.id}/${r.state}/${r.hasLogs ? 'L' : '-'}/${r.progress.processed}`).join(' ')}`
    : 'nothing';
