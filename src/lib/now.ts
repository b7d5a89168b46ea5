/**
 * The dashboard's "now". Against a real API it is the wall clock; with the simulator it is the
 * simulator's virtual clock (set once at start-up), so live durations agree with the server.
 */
import { useSyncExternalStore } from 'react';

let source: () => number = () => Date.now();

export function setNowSource(next: () => number): void {
  source = next;
}

export const now = (): number => source();

/**
 * Follows a clock read from elsewhere (the simulator served over HTTP): its time at the moment it
 * was read, moving on at its speed unless paused, so live durations agree with the server.
 */
export function followClock(clock: { now: number; paused: boolean; speed: number }): void {
  const readAt = Date.now();
  setNowSource(() =>
    clock.paused ? clock.now : clock.now + Math.round((Date.now() - readAt) * clock.speed),
  );
}

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let tick = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = setInterval(() => {
      tick++;
      for (const l of listeners) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * The current time, re-rendering every second while `live` is true (one shared timer for the
 * whole page, not one per row). When not live it reads the time once per render.
 */
export function useNow(live: boolean): number {
  useSyncExternalStore(
    live ? subscribe : noopSubscribe,
    () => tick,
    () => tick,
  );
  return source();
}

const noopSubscribe = () => () => undefined;

const wallClock = () => Date.now();

/**
 * The wall-clock time (not the simulator's), re-rendering every second on the same shared timer:
 * for how long ago an answer arrived ("Updated 3 s ago").
 */
export function useWallClock(): number {
  useSyncExternalStore(
    subscribe,
    () => tick,
    () => tick,
  );
  return wallClock();
}
