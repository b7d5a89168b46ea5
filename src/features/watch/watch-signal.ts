/**
 * The little the entry chunk knows about watches: where they are stored and the event this tab
 * fires when they change, so the shell loads the watcher's code only once there is a watch
 * (watch-store.ts holds the rest, in the watcher's own chunk).
 */
export const WATCHES_KEY = 'runs-dashboard.watches';
export const WATCHES_CHANGED = 'runs-dashboard:watches-changed';

/** Whether any watch is stored (a reload keeps them). */
export function watchesStored(): boolean {
  try {
    const raw = localStorage.getItem(WATCHES_KEY);
    return raw !== null && raw !== '[]';
  } catch {
    return false;
  }
}

/** Hears a change of the stored watches, in this tab or another. */
export function subscribeWatchSignal(onChange: () => void): () => void {
  window.addEventListener(WATCHES_CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(WATCHES_CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}
