import { useVirtualizer } from '@tanstack/react-virtual';
import type { WheelEvent } from 'react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { assertNever } from '../../domain/assert-never';
import { LOG_ROW_HEIGHT, newSince, readerScrolled } from './follow-tail';
import type { LogView } from './log-view';
import { useSettleGuard } from './use-settle-guard';
import { useWrapLines } from './use-wrap-lines';

export interface FollowTailOptions {
  readonly view: LogView;
  /** The log still grows. */
  readonly live: boolean;
  /** Start at the newest line, following new ones. */
  readonly startFollowing: boolean;
  /** A linked line waits to arrive: reaching the bottom does not follow meanwhile. */
  readonly holding: boolean;
  /** Following again (the button, "Jump to latest") gives up that wait. */
  readonly onResume: () => void;
}

/**
 * The scroll geometry of the log's lines, in one place: the virtualizer, every scroll write and
 * the reader's scrolling. Follows the newest line while `following`; pauses when the reader
 * scrolls (or wheels) up, resumes at the bottom; brings a linked line or a search match into
 * view; wraps lines keeping the top line. The list component renders what this lays out.
 */
export function useFollowTail({
  view,
  live,
  startFollowing,
  holding,
  onResume,
}: FollowTailOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = view.rowCount;
  const [following, setFollowing] = useState(startFollowing);
  const [pausedAt, setPausedAt] = useState(0);
  const rowCountRef = useRef(rowCount);
  useLayoutEffect(() => {
    rowCountRef.current = rowCount;
  }, [rowCount]);

  /** Stops following; "N new" counts from here. */
  const pause = useCallback(() => {
    setFollowing(false);
    setPausedAt(rowCountRef.current);
  }, []);
  const resume = () => {
    onResume();
    setFollowing(true);
  };

  const getItemKey = useCallback((row: number) => view.entryAt(row).seq, [view]);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey,
    overscan: 12,
  });
  const { wrap, setWrap } = useWrapLines(virtualizer, scrollRef, following);

  // While following, every arrival scrolls to the newest line (before paint).
  useLayoutEffect(() => {
    // One write to the element (one layout); the virtualizer follows from the scroll event.
    const el = scrollRef.current;
    if (following && rowCount > 0 && el) el.scrollTop = el.scrollHeight;
  }, [following, rowCount]);

  const { arm, release, restore } = useSettleGuard(virtualizer);

  /** Brings a linked line into view: the log on its page, then the line within the log. */
  const revealLine = useCallback(
    (row: number) => {
      pause();
      scrollRef.current?.scrollIntoView?.({ block: 'nearest' });
      virtualizer.scrollToIndex(row, { align: 'center' });
      arm(row);
    },
    [pause, virtualizer, arm],
  );
  /** Brings a search match into view. */
  const revealMatch = useCallback(
    (row: number) => {
      pause();
      virtualizer.scrollToIndex(row, { align: 'center' });
    },
    [pause, virtualizer],
  );

  const lastScrollTop = useRef(0);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    if (restore(el)) return; // a move nobody asked for, undone
    const top = el.scrollTop;
    const fromEnd = el.scrollHeight - el.clientHeight - top;
    const lastTop = lastScrollTop.current;
    const verdict = readerScrolled({ top, lastTop, fromEnd, following, live, holding });
    switch (verdict) {
      case 'follow':
        setFollowing(true);
        break;
      case 'pause':
        pause();
        break;
      case 'keep':
        break;
      default:
        assertNever(verdict, 'scroll verdict');
    }
    lastScrollTop.current = top;
  };

  const onWheel = (event: WheelEvent) => {
    release();
    if (event.deltaY < 0 && following) pause();
  };

  return {
    following,
    /** Lines that arrived since following paused. */
    newLines: newSince(rowCount, pausedAt),
    pause,
    resume,
    wrap,
    setWrap,
    revealLine,
    revealMatch,
    /** The reader acts: no linked line is guarded any more. */
    release,
    virtualizer,
    /** The scrolling element, and the reader's scrolling on it. */
    scrollRef,
    scrollHandlers: { onScroll, onWheel, onPointerDown: release },
  };
}
