import { useLayoutEffect } from 'react';
import type { LogView } from './log-view';

export interface RevealOptions {
  readonly view: LogView;
  /** Changes whenever lines arrive. */
  readonly version: number;
  /** A linked line waiting to be brought into view (from useLineSelection). */
  readonly pending: { readonly pendingLine: number | null; readonly clearPending: () => void };
  /** The row of the current search match, or -1. */
  readonly currentRow: number;
  /** Shows every level (when the filter hides the linked line). */
  readonly showAllLevels: () => void;
  /** A linked line past the end of the log. */
  readonly onMissing: (line: number) => void;
  /** The scrolling (from useFollowTail); every function stable. */
  readonly scroll: {
    readonly revealLine: (row: number) => void;
    readonly revealMatch: (row: number) => void;
  };
}

/**
 * Brings into view what the reader asked for: a linked line once it has arrived (showing every
 * level if the filter hides it), and the current search match when the search or match changes.
 */
export function useReveal({
  view,
  version,
  pending: { pendingLine, clearPending },
  currentRow,
  showAllLevels,
  onMissing,
  scroll: { revealLine, revealMatch },
}: RevealOptions) {
  const { store } = view;
  useLayoutEffect(() => {
    if (pendingLine === null) return;
    if (pendingLine > store.total) {
      // No such line: once the log is final, or its size is known from the server.
      if (store.complete || (store.loaded && store.numbering === 'server')) {
        onMissing(pendingLine);
        clearPending();
      }
      return;
    }
    const row = view.rowOfLine(pendingLine);
    if (row < 0) {
      showAllLevels(); // the filter hides it: show every level
      return;
    }
    revealLine(row);
    clearPending();
  }, [pendingLine, version, view, store, clearPending, showAllLevels, revealLine, onMissing]);

  // The row of a match never changes as lines arrive (they are only appended): this runs only
  // when the search or the current match changes.
  useLayoutEffect(() => {
    if (!view.query || currentRow < 0) return;
    revealMatch(currentRow);
  }, [view, currentRow, revealMatch]);
}
