/**
 * The recent history an estimate rests on (src/domain/eta.ts): the newest successful Runs of one
 * type on one datastore, from the Runs list. Key and query options.
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/instance';
import { ETA_HISTORY } from '../domain/eta';
import type { OperationType } from '../domain/operations';
import { runKeys } from './runs';

export const historyKeys = {
  all: [...runKeys.all, 'history'] as const,
  of: (type: OperationType, datastoreId: number) =>
    [...historyKeys.all, type, datastoreId] as const,
};

export const runHistoryQuery = (type: OperationType, datastoreId: number) =>
  queryOptions({
    queryKey: historyKeys.of(type, datastoreId),
    queryFn: ({ signal }) =>
      api.listRuns(
        {
          page: 1,
          size: ETA_HISTORY,
          operation_type: [type],
          datastore: [datastoreId],
          result: ['success'],
          sort_created: 'desc',
        },
        signal,
      ),
    // Finished Runs do not change: read again at most every few minutes.
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });
