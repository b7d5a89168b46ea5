/**
 * The simulator's control surface (SPEC §6) and launching a Run: key, query and mutation options.
 * Every control changes what the whole API answers, so each refreshes every query on success.
 */
import type { QueryClient } from '@tanstack/react-query';
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type {
  LaunchBody,
  SimClockBody,
  SimFaultsBody,
  SimResetBody,
  SimUserBody,
} from '../api/contract';
import { api } from '../api/instance';
import { runKeys } from './runs';

export const simKeys = {
  clock: ['sim', 'clock'] as const,
  faults: ['sim', 'faults'] as const,
};

export const simFaultsQuery = () =>
  queryOptions({
    queryKey: simKeys.faults,
    queryFn: ({ signal }) => api.getSimFaults(signal),
  });

/** Switching faults changes every answer: what is on screen rides it out (or recovers) on its own. */
export const simFaultsMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['sim', 'faults'],
    mutationFn: (body: SimFaultsBody) => api.simFaults(body),
    onSuccess: (state) => {
      queryClient.setQueryData(simKeys.faults, state);
    },
  });

export const simClockQuery = () =>
  queryOptions({
    queryKey: simKeys.clock,
    queryFn: ({ signal }) => api.getSimClock(signal),
  });

const refreshAll = (queryClient: QueryClient) => queryClient.invalidateQueries();

export const simClockMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['sim', 'clock'],
    mutationFn: (body: SimClockBody) => api.simClock(body),
    onSuccess: (state) => {
      queryClient.setQueryData(simKeys.clock, state);
      void refreshAll(queryClient);
    },
  });

export const simUserMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['sim', 'user'],
    mutationFn: (body: SimUserBody) => api.simUser(body),
    onSuccess: () => {
      void refreshAll(queryClient);
    },
  });

export const simResetMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['sim', 'reset'],
    mutationFn: (body: SimResetBody) => api.simReset(body),
    onSuccess: () => {
      // Another store: nothing held about the old Runs is true any more.
      queryClient.removeQueries({ queryKey: runKeys.all });
      void refreshAll(queryClient);
    },
  });

export const launchRunMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['runs', 'launch'],
    mutationFn: (body: LaunchBody) => api.launchRun(body),
    onSuccess: () => {
      void refreshAll(queryClient);
    },
  });
