/**
 * Query keys and query options for every API resource, in one place: loaders, components and
 * mutations of every feature use these, so keys are never typed by hand twice.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ListRunsQuery } from './contract';
import { api } from './instance';

export const apiKeys = {
  all: ['api'] as const,
  runs: () => [...apiKeys.all, 'runs'] as const,
  runLists: () => [...apiKeys.runs(), 'list'] as const,
  runList: (query: ListRunsQuery) => [...apiKeys.runLists(), query] as const,
  runDetails: () => [...apiKeys.runs(), 'detail'] as const,
  runDetail: (id: number) => [...apiKeys.runDetails(), id] as const,
  runLogs: (id: number, container: number | null) =>
    [...apiKeys.runs(), 'logs', id, container] as const,
  activity: (startDate: string, endDate: string) =>
    [...apiKeys.runs(), 'activity', startDate, endDate] as const,
  datastores: () => [...apiKeys.all, 'datastores'] as const,
  me: () => [...apiKeys.all, 'me'] as const,
  /** Every log query of one Run (Run-level and per container). */
  runLogsOf: (id: number) => [...apiKeys.runs(), 'logs', id] as const,
  /** Every activity (heatmap) query, whatever its range. */
  activities: () => [...apiKeys.runs(), 'activity'] as const,
  /** All the Runs matching a list query, every page (bulk actions on "all matching"). */
  runMatchings: () => [...apiKeys.runs(), 'matching'] as const,
  runMatching: (query: ListRunsQuery) => [...apiKeys.runMatchings(), query] as const,
};

export const runListQuery = (query: ListRunsQuery) =>
  queryOptions({
    queryKey: apiKeys.runList(query),
    queryFn: ({ signal }) => api.listRuns(query, signal),
    placeholderData: keepPreviousData,
  });

export const runDetailQuery = (id: number) =>
  queryOptions({
    queryKey: apiKeys.runDetail(id),
    queryFn: ({ signal }) => api.getRun(id, signal),
  });

export const activityQuery = (startDate: string, endDate: string) =>
  queryOptions({
    queryKey: apiKeys.activity(startDate, endDate),
    queryFn: ({ signal }) => api.getActivity({ startDate, endDate }, signal),
  });

export const datastoresQuery = () =>
  queryOptions({
    queryKey: apiKeys.datastores(),
    queryFn: ({ signal }) => api.listDatastores(signal),
    staleTime: 5 * 60_000,
  });

export const meQuery = () =>
  queryOptions({
    queryKey: apiKeys.me(),
    queryFn: ({ signal }) => api.getMe(signal),
    staleTime: 60_000,
  });
