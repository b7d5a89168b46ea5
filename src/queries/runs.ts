/**
 * The Runs list and one Run: their keys and query options. Loaders, components and mutations all
 * use these, so a key is never typed by hand twice. Every other key about Runs (logs, activity,
 * matching) nests under `runKeys.all`, so refreshing "everything about Runs" is one call.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListRunsQuery } from '../api/contract';
import { api } from '../api/instance';

export const runKeys = {
  all: ['runs'] as const,
  lists: () => [...runKeys.all, 'list'] as const,
  list: (query: ListRunsQuery) => [...runKeys.lists(), query] as const,
  details: () => [...runKeys.all, 'detail'] as const,
  detail: (id: number) => [...runKeys.details(), id] as const,
};

export const runListQuery = (query: ListRunsQuery) =>
  queryOptions({
    queryKey: runKeys.list(query),
    queryFn: ({ signal }) => api.listRuns(query, signal),
    placeholderData: keepPreviousData,
  });

export const runDetailQuery = (id: number) =>
  queryOptions({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => api.getRun(id, signal),
  });
