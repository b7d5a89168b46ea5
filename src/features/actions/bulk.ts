/**
 * Bulk actions, the pure part: which selected Runs an action applies to (the same domain rules
 * as one Run's buttons), why the others are left out, and fetching every Run matching a filter.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ListRunsQuery } from '../../api/contract';
import { MAX_PAGE_SIZE } from '../../api/contract';
import { api } from '../../api/instance';
import { apiKeys } from '../../api/queries';
import { actionVerdict } from '../../domain/actions';
import type { ActingUser } from '../../domain/permissions';
import type { Run } from '../../domain/run';
import { runFacts } from '../../domain/run';
import { settleBounded } from './bounded';
import type { BulkAction } from './outcome';

/** Requests in flight at once, for bulk actions and for paging through all matching Runs. */
export const BULK_CONCURRENCY = 4;

export interface Eligibility {
  readonly eligible: readonly Run[];
  /** The most common reason among the Runs left out, or null when none is left out. */
  readonly reason: string | null;
}

export function eligibility(
  action: BulkAction,
  runs: readonly Run[],
  user: ActingUser,
): Eligibility {
  const eligible: Run[] = [];
  const reasons = new Map<string, number>();
  for (const run of runs) {
    const verdict = actionVerdict(action, runFacts(run), user);
    if (verdict.allowed) eligible.push(run);
    else reasons.set(verdict.reason, (reasons.get(verdict.reason) ?? 0) + 1);
  }
  let reason: string | null = null;
  let most = 0;
  for (const [text, n] of reasons) {
    if (n > most) {
      reason = text;
      most = n;
    }
  }
  return { eligible, reason };
}

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
    queryKey: apiKeys.runMatching(all),
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
