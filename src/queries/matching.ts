/**
 * Every Run matching a list query's filters, all pages (bulk actions on "all matching"): key and
 * query options.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ListRunsQuery } from '../api/contract';
import { MAX_PAGE_SIZE } from '../api/contract';
import { api } from '../api/instance';
import type { Run } from '../domain/run';
import { settleBounded } from '../lib/settle-bounded';
import { runKeys } from './runs';

/** Requests in flight at once, for bulk actions and for paging through all matching Runs. */
export const BULK_CONCURRENCY = 4;

export const matchingKeys = {
  all: [...runKeys.all, 'matching'] as const,
  query: (query: ListRunsQuery) => [...matchingKeys.all, query] as const,
};

/**
 * Every Run matching the list query's filters, all pages of 100 (a few requests in flight at
 * once). Oldest first, so Runs created while paging land on the last page instead of shifting
 * the others; duplicates are dropped.
 */
export const matchingRunsQuery = (query: ListRunsQuery) => {
  const all: ListRunsQuery = {
    ...query,
    page: 1,
    size: MAX_PAGE_SIZE,
    sort_created: 'asc',
    sort_duration: undefined,
  };
  return queryOptions({
    queryKey: matchingKeys.query(all),
    queryFn: async ({ signal }): Promise<readonly Run[]> => {
      const first = await api.listRuns(all, signal);
      const rest = Array.from({ length: Math.max(0, first.pages - 1) }, (_, i) => i + 2);
      const pages = await settleBounded(rest, BULK_CONCURRENCY, (page) =>
        api.listRuns({ ...all, page }, signal),
      );
      const seen = new Set<number>();
      const runs: Run[] = [];
      for (const page of [{ status: 'fulfilled' as const, value: first }, ...pages]) {
        if (page.status === 'rejected') throw page.reason;
        for (const run of page.value.items) {
          if (seen.has(run.id)) continue;
          seen.add(run.id);
          runs.push(run);
        }
      }
      return runs;
    },
  });
};
