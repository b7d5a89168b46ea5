import type { RefObject } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Geometry } from './log-geometry';
import {
  maxRow,
  rowAtScroll,
  rowForAlign,
  rowWindow,
  scaled,
  scrollForRow,
  scrollHeight,
} from './log-geometry';

const OVERSCAN = 12;

/** What to render: rows `first`…`last`, the first at `offset` in an area `totalSize` tall. */
export interface RowLayout {
  readonly first: number;
  readonly last: number;
  readonly offset: number;
  readonly totalSize: number;
}

export interface LogViewport {
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly rowsRef: RefObject<HTMLDivElement | null>;
  readonly layout: RowLayout;
  /** The height of the scrolling area, as last measured. */
  readonly height: number;
  /** The viewport's top, in rows (fractional), for event handlers. */
  readonly top: () => number;
  /** Pixels (of rows) between the viewport's bottom and the last row. */
  readonly fromEnd: () => number;
  readonly scrollToRow: (row: number, align: 'start' | 'center' | 'end') => void;
  readonly scrollToEnd: () => void;
  /** For the scrolling element's onScroll: true when the reader (not this hook) scrolled. */
  readonly onScroll: () => boolean;
}

/**
 * The log's own virtualizer (no per-row bookkeeping, so a million rows cost nothing): keeps the
 * viewport's position in rows, maps it to the scrolling element (log-geometry.ts: capped and
 * scaled when the rows are taller than a browser can scroll), renders the rows around it, and
 * scrolls by wheel itself when positions are scaled or rows wrap (natural speed either way).
 * Wrapped rows are laid out by the browser from the top row down, or up from the last row at
 * the end of the log.
 */
export function useLogViewport(
  rows: number,
  rowHeight: number,
  wrap: boolean,
  onWheelUp: () => void,
  initialTop = 0,
): LogViewport {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(400);
  // An object, so that every move renders and re-writes the element's scroll position, even to
  // the position already rendered: something else (the router's scroll restoration on a `#L`
  // change) may have moved the element meanwhile.
  const [pos, setPos] = useState(() => ({ top: initialTop }));
  const g: Geometry = { rows, rowHeight, viewport };
  const top = Math.min(pos.top, maxRow(g));
  /** For handlers: the geometry and position of the last render. */
  const state = useRef({ g, top });
  /** The scrollTop this hook wrote last (its scroll event is not the reader's). */
  const written = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 400);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  const scrollTop = scrollForRow(g, top);
  const atEnd = wrap && rows > 0 && top >= maxRow(g) - 0.01;
  // After every render: the element's scroll position matches the position in rows.
  useLayoutEffect(() => {
    state.current = { g: { rows, rowHeight, viewport }, top };
    const el = scrollRef.current;
    if (!el) return;
    // The area may have just been shown or resized: lay out for its real height.
    const height = el.clientHeight;
    if (height > 0 && height !== viewport) {
      setViewport(height);
      return;
    }
    if (Math.abs(el.scrollTop - scrollTop) >= 1) {
      written.current = scrollTop;
      el.scrollTop = scrollTop;
    }
    const rowsEl = rowsRef.current;
    if (atEnd && rowsEl) {
      // Wrapped, at the end: the last row's bottom at the viewport's bottom.
      const y = Math.max(0, scrollTop + viewport - rowsEl.offsetHeight);
      rowsEl.style.transform = `translateY(${y}px)`;
    }
  }, [rows, rowHeight, viewport, top, scrollTop, atEnd, pos]);

  const place = useCallback((next: number) => {
    const { g: now } = state.current;
    const clamped = Math.min(maxRow(now), Math.max(0, next));
    state.current = { ...state.current, top: clamped };
    setPos({ top: clamped });
  }, []);

  const onScroll = useCallback((): boolean => {
    const el = scrollRef.current;
    if (!el) return false;
    const wrote = written.current;
    // Ours: where this hook put it, or as far as the browser let it go towards there.
    const end = el.scrollHeight - el.clientHeight;
    const ours =
      wrote !== null &&
      (Math.abs(el.scrollTop - wrote) < 1 || (wrote > end && el.scrollTop >= end - 1));
    written.current = null;
    if (ours) return false;
    // The reader's (or the browser's) position. Where the rows already are, nothing is placed:
    // a forced re-write there would undo a scroll the reader made meanwhile, not yet reported.
    const row = rowAtScroll(state.current.g, el.scrollTop);
    if (Math.abs(row - state.current.top) > 1e-6) place(row);
    return true;
  }, [place]);

  // Scaled positions or wrapped rows: the wheel moves the rows by its pixels, not the scrollbar.
  const custom = scaled(g) || wrap;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !custom) return;
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY === 0 || event.ctrlKey) return;
      event.preventDefault();
      const { g: now, top: at } = state.current;
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? now.viewport : 1;
      const rowsEl = rowsRef.current;
      const count = rowsEl?.childElementCount ?? 0;
      const average = wrap && rowsEl && count ? rowsEl.offsetHeight / count : now.rowHeight;
      if (event.deltaY < 0) onWheelUp();
      place(at + (event.deltaY * unit) / Math.max(1, average));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [custom, wrap, place, onWheelUp]);

  const scrollToRow = useCallback(
    (row: number, align: 'start' | 'center' | 'end') =>
      place(rowForAlign(state.current.g, row, align)),
    [place],
  );
  const scrollToEnd = useCallback(() => place(maxRow(state.current.g)), [place]);
  const readTop = useCallback(() => state.current.top, []);
  const fromEnd = useCallback(
    () => (maxRow(state.current.g) - state.current.top) * state.current.g.rowHeight,
    [],
  );

  const visible = Math.ceil(viewport / rowHeight);
  const win = atEnd
    ? { first: Math.max(0, rows - visible - OVERSCAN), last: rows - 1, offset: scrollTop }
    : rowWindow(g, top, scrollTop, wrap ? 0 : OVERSCAN);
  const last = wrap ? Math.min(rows - 1, win.last + OVERSCAN) : win.last;

  return {
    scrollRef,
    rowsRef,
    layout: { first: win.first, last, offset: win.offset, totalSize: scrollHeight(g) },
    top: readTop,
    fromEnd,
    scrollToRow,
    scrollToEnd,
    onScroll,
    height: viewport,
  };
}
