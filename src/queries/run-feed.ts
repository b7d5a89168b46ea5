/**
 * The state of the tab's one Run-change stream (run-stream.ts), for the polling rule (live.ts:
 * no polling of Runs while it is live) and for views that want to say "Live".
 */
import { useSyncExternalStore } from 'react';
import type { StreamState } from '../api/event-stream';

export type RunFeedState =
  /** Not started (no app mounted), or stopped. */
  | { readonly status: 'off' }
  /** Dropped on purpose while the tab is hidden or the browser offline; resumes on return. */
  | { readonly status: 'paused'; readonly reason: 'hidden' | 'offline'; readonly since: number }
  | StreamState;

const OFF: RunFeedState = { status: 'off' };
let state: RunFeedState = OFF;
const listeners = new Set<() => void>();

export const getRunFeed = (): RunFeedState => state;

/** Whether Runs reach the cache by push: then nothing about Runs needs polling. */
export const runFeedIsLive = (): boolean => state.status === 'live';

export function subscribeRunFeed(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function setRunFeed(next: RunFeedState): void {
  state = next;
  for (const listener of [...listeners]) listener();
}

export function useRunFeed(): RunFeedState {
  return useSyncExternalStore(subscribeRunFeed, getRunFeed, getRunFeed);
}
