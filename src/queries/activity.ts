/**
 * The Activity page's charts: Runs per day (the heatmap) and Running / Queued over the last hours
 * (the concurrency chart, an extension), their keys and query options. The concurrency key nests
 * under the heatmap's, so whatever re-reads the heatmap (a Run created or deleted) re-reads it too;
 * how often it refreshes otherwise is the polling rule's (live.ts, `concurrencyRefetch`).
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/instance';
import { runKeys } from './runs';

export const activityKeys = {
  all: [...runKeys.all, 'activity'] as const,
  range: (startDate: string, endDate: string) => [...activityKeys.all, startDate, endDate] as const,
};

export const activityQuery = (startDate: string, endDate: string) =>
  queryOptions({
    queryKey: activityKeys.range(startDate, endDate),
    queryFn: ({ signal }) => api.getActivity({ startDate, endDate }, signal),
  });

export const concurrencyKeys = {
  all: [...activityKeys.all, 'concurrency'] as const,
  window: (hours: number) => [...concurrencyKeys.all, hours] as const,
};

export const concurrencyQuery = (hours: number) =>
  queryOptions({
    queryKey: concurrencyKeys.window(hours),
    queryFn: ({ signal }) => api.getConcurrency(hours, signal),
  });
