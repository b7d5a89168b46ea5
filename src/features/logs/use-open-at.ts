import { useEffect, useRef } from 'react';
import type { LogStore } from '../../queries/log-store';
import type { LogView } from './log-view';

/** The last error-level line held, or 0. */
export function lastErrorLine(store: LogStore): number {
  for (let k = store.segments.length - 1; k >= 0; k--) {
    const s = store.segments[k];
    if (!s) continue;
    for (let i = s.length - 1; i >= 0; i--) if (s.level[i] === 2) return s.start + i;
  }
  return 0;
}

/**
 * A failed Run's log opens at its error: the last error-level line, once it is held (in the
 * newest lines, or once the whole log is), unless the reader has moved or a line was linked.
 */
export function useOpenAtError(options: {
  readonly enabled: boolean;
  readonly view: LogView;
  readonly version: number;
  readonly revealLine: (row: number) => void;
  /** The reader scrolled or picked a line: leave them where they are. */
  readonly moved: boolean;
}) {
  const { enabled, view, version, revealLine, moved } = options;
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || done.current || moved) return;
    const { store } = view;
    if (!store.loaded) return;
    const line = lastErrorLine(store);
    // The last one held is the log's last only when every line after it is held too.
    const last = line > 0 && store.gaps(line, store.total).length === 0;
    const row = last ? view.rowOfLine(line) : -1;
    if (row >= 0) {
      done.current = true;
      revealLine(row);
    } else if (store.whole) done.current = true;
  }, [enabled, view, version, revealLine, moved]);
}
