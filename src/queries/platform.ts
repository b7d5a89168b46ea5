/** The acting user and the datastores: keys and query options. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/instance';

export const platformKeys = {
  me: ['me'] as const,
  datastores: ['datastores'] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: platformKeys.me,
    queryFn: ({ signal }) => api.getMe(signal),
    staleTime: 60_000,
  });

export const datastoresQuery = () =>
  queryOptions({
    queryKey: platformKeys.datastores,
    queryFn: ({ signal }) => api.listDatastores(signal),
    staleTime: 5 * 60_000,
  });
