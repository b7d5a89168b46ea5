/**
 * Which page to ask for next to fill a log held in part (the tail first, then the rest in the
 * background), as a plain function of what is held, what is on its way, what the reader looks
 * at, and what the server offers.
 */
import type { LogPageQuery } from '../api/client';
import { LOG_PAGE_LIMIT } from '../api/contract';
import type { LogCaps } from './log-caps';
import type { LogStore } from './log-store';

export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** A page to ask for, and the lines it is meant to bring (held aside while it is on its way). */
export interface FillPage {
  readonly query: LogPageQuery;
  readonly span: LineSpan | null;
}

/** Pages in flight at once while filling by `line=` pages. */
export const FILL_PARALLEL = 4;
/** Lines of a page asked for the reader's lines (those on screen, a linked line). */
export const READER_PAGE = LOG_PAGE_LIMIT;

/** Lines not held and not on their way, within [from, to]. */
function openGaps(store: LogStore, from: number, to: number, inFlight: readonly LineSpan[]) {
  const gaps: LineSpan[] = [];
  for (const gap of store.gaps(from, to)) {
    let pieces: LineSpan[] = [gap];
    for (const busy of inFlight) {
      pieces = pieces.flatMap((p) => {
        if (busy.end < p.start || busy.start > p.end) return [p];
        const out: LineSpan[] = [];
        if (busy.start > p.start) out.push({ start: p.start, end: busy.start - 1 });
        if (busy.end < p.end) out.push({ start: busy.end + 1, end: p.end });
        return out;
      });
    }
    gaps.push(...pieces);
  }
  return gaps;
}

/**
 * The next page, or null when nothing is to be asked now (all held, or the only kind of page
 * that works is already on its way). `want`: the lines on screen, filled first.
 */
export function nextFillPage(
  store: LogStore,
  caps: LogCaps,
  inFlight: readonly LineSpan[],
  want: LineSpan | null,
  /** Where a forward read (the last fallback) has got to. */
  forwardAfter: number,
): FillPage | null {
  const total = store.total;
  if (store.whole || total === 0) return null;
  if (caps.linePaging !== false) {
    // One probe while it is not known whether `line=` is honoured.
    if (caps.linePaging === null && inFlight.length > 0) return null;
    // The reader's lines never wait for a background page to finish: one more may be on its way,
    // a small one (quick to answer and to take in; the background brings the rest).
    const near = want ? openGaps(store, want.start, want.end, inFlight)[0] : undefined;
    if (near && inFlight.length <= FILL_PARALLEL) {
      const start = Math.max(1, near.start);
      const limit = Math.min(caps.limit, READER_PAGE);
      return page(start, Math.min(near.end, start + limit - 1), limit);
    }
    if (inFlight.length >= FILL_PARALLEL) return null;
    // Backwards from the newest lines: the reader scrolls up from the tail.
    const last = openGaps(store, 1, total, inFlight).at(-1);
    if (!last) return null;
    const start = Math.max(last.start, last.end - caps.limit + 1);
    return page(start, last.end, caps.limit);
  }
  if (inFlight.length > 0) return null; // the fallbacks go one page at a time
  // Back from the line just after the last gap; else forward from the start (SPEC §3).
  const gap = openGaps(store, 1, total, inFlight).at(-1);
  const seq = gap ? store.seqAt(gap.end + 1) : null;
  if (!gap) return null;
  if (caps.before !== false && seq !== null) {
    return { query: { before: seq, limit: caps.limit }, span: gap };
  }
  return { query: { after: forwardAfter, limit: caps.limit }, span: gap };
}

const page = (start: number, end: number, limit: number): FillPage => ({
  query: { line: start, limit },
  span: { start, end: Math.min(end, start + limit - 1) },
});
