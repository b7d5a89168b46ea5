/** Runs per day (the heatmap): key and query options. */
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
