/**
 * The scroll geometry of the log's rows as plain functions. The scrolling element is never
 * taller than MAX_SCROLL_PX (browsers cannot scroll past ~16.7 M px; a million 20 px lines are
 * 20 M px): its scroll position maps to a position in rows, linearly, so every line stays
 * reachable by the scrollbar and a line brought into view by number lands exactly. Up to that
 * height, one pixel of scroll is one pixel of rows (native scrolling, untouched).
 */

/** The tallest scrolling area made: well under every browser's limit. */
export const MAX_SCROLL_PX = 8_000_000;

export interface Geometry {
  /** Rows, each `rowHeight` tall (unwrapped; wrapped rows are laid out by the browser). */
  readonly rows: number;
  readonly rowHeight: number;
  /** Height of the scrolling element's viewport. */
  readonly viewport: number;
}

/** Height of the area inside the scrolling element. */
export const scrollHeight = (g: Geometry): number => Math.min(g.rows * g.rowHeight, MAX_SCROLL_PX);

/** The largest position (in rows) of the viewport's top: the last row at the bottom. */
export const maxRow = (g: Geometry): number =>
  Math.max(0, g.rows - g.viewport / Math.max(1, g.rowHeight));

/** Pixels of scrollTop per row: the row height, or less once the area is capped. */
export function pxPerRow(g: Geometry): number {
  const range = scrollHeight(g) - g.viewport;
  const rows = maxRow(g);
  if (rows <= 0 || range <= 0) return g.rowHeight;
  return Math.min(g.rowHeight, range / rows);
}

/** Whether scroll positions are scaled (the rows are taller than the area). */
export const scaled = (g: Geometry): boolean => g.rows * g.rowHeight > MAX_SCROLL_PX;

/** The viewport's top position in rows (fractional) for a scrollTop. */
export const rowAtScroll = (g: Geometry, scrollTop: number): number =>
  Math.min(maxRow(g), Math.max(0, scrollTop / pxPerRow(g)));

/** The scrollTop showing a position in rows at the viewport's top. */
export const scrollForRow = (g: Geometry, row: number): number =>
  Math.min(Math.max(0, scrollHeight(g) - g.viewport), Math.max(0, row * pxPerRow(g)));

/** Where to put the viewport's top (in rows) to show `row` aligned as asked. */
export function rowForAlign(g: Geometry, row: number, align: 'start' | 'center' | 'end'): number {
  const visible = g.viewport / Math.max(1, g.rowHeight);
  const top =
    align === 'start' ? row : align === 'center' ? row + 0.5 - visible / 2 : row + 1 - visible;
  return Math.min(maxRow(g), Math.max(0, top));
}

export interface RowWindow {
  /** First and last row rendered (inclusive; last < first when there are none). */
  readonly first: number;
  readonly last: number;
  /** translateY of the first rendered row, within the scrolling area. */
  readonly offset: number;
}

/**
 * The rows to render for a position: those in the viewport and `overscan` on each side, placed
 * so that row `top` (fractional) sits at the viewport's top, at scroll position `scrollTop`.
 */
export function rowWindow(
  g: Geometry,
  top: number,
  scrollTop: number,
  overscan: number,
): RowWindow {
  if (g.rows === 0) return { first: 0, last: -1, offset: 0 };
  const visible = Math.ceil(g.viewport / Math.max(1, g.rowHeight)) + 1;
  const first = Math.max(0, Math.floor(top) - overscan);
  const last = Math.min(g.rows - 1, Math.floor(top) + visible + overscan);
  const offset = scrollTop - (top - first) * g.rowHeight;
  return { first, last, offset };
}
