/** How dense the Runs list is: compact (the default on desktop) or comfortable; remembered. */
import { useSyncExternalStore } from 'react';

export type Density = 'compact' | 'comfortable';
const KEY = 'runs-dashboard.density';
const listeners = new Set<() => void>();

function read(): Density {
  try {
    return localStorage.getItem(KEY) === 'comfortable' ? 'comfortable' : 'compact';
  } catch {
    return 'compact';
  }
}

let current: Density = read();

export function setDensity(density: Density): void {
  current = density;
  try {
    localStorage.setItem(KEY, density);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  for (const listener of listeners) listener();
}

export function useDensity(): Density {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => 'compact',
  );
}
