import type { WheelEvent } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ViewerPlace } from '../../queries/log-loader';
import { assertNever } from '../../domain/assert-never';
import { LOG_ROW_HEIGHT, SETTLE_MS, newSince, readerScrolled } from './follow-tail';
import type { LogView } from './log-view';
import { useLogViewport } from './use-log-viewport';

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
  /** Where a viewer of this log was left before (kept across a remount), and where to keep it. */
  readonly place: ViewerPlace | null;
  readonly onLeave: (place: ViewerPlace) => void;
}

/**
 * The scroll behaviour of the log's lines: the viewport (use-log-viewport.ts) and when it moves
 * by itself. Follows the newest line while `following`; pauses when the reader scrolls (or
 * wheels) up, resumes at the bottom; brings a linked line or a search match into view and keeps
 * a linked line there against scrolls the reader did not make (a restored scroll position).
 */
export function useFollowTail({
  view,
  live,
  startFollowing,
  holding,
  onResume,
  place,
  onLeave,
}: FollowTailOptions) {
  const rowCount = view.rowCount;
  const [following, setFollowing] = useState(place ? place.following : startFollowing);
  const [pausedAt, setPausedAt] = useState(place?.pausedAt ?? 0);
  const [wrap, setWrap] = useState(false);
  const rowCountRef = useRef(rowCount);
  useLayoutEffect(() => {
    rowCountRef.current = rowCount;
  }, [rowCount]);

  /** Stops following; "N new" counts from here. */
  const pause = useCallback(() => {
    setFollowing(false);
    setPausedAt(rowCountRef.current);
  }, []);
  /** A linked line just brought into view, kept there until the reader acts (or SETTLE_MS). */
  const settle = useRef<{ row: number; until: number } | null>(null);
  const release = useCallback(() => {
    settle.current = null;
  }, []);
  const followingRef = useRef(following);
  const pausedAtRef = useRef(pausedAt);
  useLayoutEffect(() => {
    followingRef.current = following;
    pausedAtRef.current = pausedAt;
  }, [following, pausedAt]);
  const onWheelUp = useCallback(() => {
    settle.current = null;
    if (followingRef.current) pause();
  }, [pause]);
  const viewport = useLogViewport(rowCount, LOG_ROW_HEIGHT, wrap, onWheelUp, place?.top ?? 0);
  const { top: readTop } = viewport;
  useEffect(
    () => () =>
      onLeave({
        top: readTop(),
        following: followingRef.current,
        pausedAt: pausedAtRef.current,
      }),
    [onLeave, readTop],
  );
  const { scrollToEnd, scrollToRow, scrollRef, rowsRef, layout } = viewport;

  const resume = () => {
    onResume();
    setFollowing(true);
  };

  // While following, every arrival shows the newest line (before paint), and so does a new
  // height of the area (measured after its lines were first laid out, or resized).
  const { height } = viewport;
  useLayoutEffect(() => {
    if (following && rowCount > 0) scrollToEnd();
    // scrollToEnd reads the geometry of this render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [following, rowCount, height]);

  /** Brings a linked line into view: the log on its page, then the line within the log. */
  const revealLine = useCallback(
    (row: number) => {
      pause();
      scrollRef.current?.scrollIntoView?.({ block: 'nearest' });
      scrollToRow(row, 'center');
      settle.current = { row, until: performance.now() + SETTLE_MS };
    },
    [pause, scrollToRow, scrollRef],
  );
  /** Brings a search match into view. */
  const revealMatch = useCallback(
    (row: number) => {
      pause();
      scrollToRow(row, 'center');
    },
    [pause, scrollToRow],
  );

  const onScroll = () => {
    const lastTop = viewport.top() * LOG_ROW_HEIGHT;
    if (!viewport.onScroll()) return; // this hook's own move
    // The area emptied (a log read again from its tail): the browser moved, not the reader.
    if (rowCountRef.current === 0) return;
    const target = settle.current;
    if (target) {
      if (performance.now() < target.until) return scrollToRow(target.row, 'center');
      settle.current = null;
    }
    const top = viewport.top() * LOG_ROW_HEIGHT;
    const verdict = readerScrolled({
      top,
      lastTop,
      fromEnd: viewport.fromEnd(),
      following,
      live,
      holding,
    });
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
    layout,
    rowsRef,
    scrollRef,
    scrollHandlers: {
      onScroll,
      onPointerDown: release,
      onWheel: (event: WheelEvent) => {
        release();
        if (event.deltaY < 0 && following) pause();
      },
    },
  };
}
