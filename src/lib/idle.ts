/**
 * Work worth doing once the page has nothing better to do: fetching the code a person is likely to
 * need next (a Run's details, the actions, the log viewer) after the first view has painted.
 */

/** Runs `work` when the browser is idle (or after `fallbackMs` where it cannot say); cancellable. */
export function whenIdle(work: () => void, fallbackMs = 1_500): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 10_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(work, fallbackMs);
  return () => window.clearTimeout(timer);
}

/** Starts loading each chunk when idle; one that fails here is tried again when it is shown. */
export function prefetchWhenIdle(chunks: readonly { preload: () => Promise<void> }[]): () => void {
  return whenIdle(() => {
    for (const chunk of chunks) void chunk.preload();
  });
}
