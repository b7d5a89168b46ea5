/**
 * What a log server offers (docs/api.md, Logs; SPEC §3.1), learnt from its answers: every
 * extension is optional, and a server without it ignores the parameter. What is not known yet
 * is `null` and is tried once.
 */
import type { LogPage } from '../api/client';
import { LOG_PAGE_LIMIT, MAX_LOG_LIMIT } from '../api/contract';

export interface LogCaps {
  /** Entries carry `line`; otherwise lines are numbered by position (forward paging only). */
  readonly lines: boolean;
  /** `tail=N` is honoured (the answer is the newest lines). */
  readonly tail: boolean;
  /** `line=n` is honoured. */
  readonly linePaging: boolean | null;
  /** `before=seq` is honoured. */
  readonly before: boolean | null;
  /** The page size asked for: 10,000 until a server answers 1,000 to it. */
  readonly limit: number;
  /** `q=` searches on the server. */
  readonly search: boolean | null;
}

export const UNKNOWN_CAPS: LogCaps = {
  lines: false,
  tail: false,
  linePaging: null,
  before: null,
  limit: MAX_LOG_LIMIT,
  search: null,
};

/** How to read the answer to `tail=N`: what the server offers, and where the answer belongs. */
export type TailVerdict =
  /** The newest lines, numbered: show them and fill the rest in the background. */
  | { readonly kind: 'tail'; readonly caps: LogCaps }
  /** The oldest lines (the server ignored `tail`): keep them and page forward. */
  | { readonly kind: 'head'; readonly caps: LogCaps }
  /** Not usable (the newest lines without numbers): read the log forward from its start. */
  | { readonly kind: 'restart'; readonly caps: LogCaps };

export function readTail(page: LogPage): TailVerdict {
  const first = page.entries[0];
  const last = page.entries.at(-1);
  const numbered = first !== undefined && first.line !== null;
  const extended = page.total !== null || page.prevBefore !== undefined;
  if (!first || !last) {
    // Nothing yet: a server that speaks the extensions numbers its lines.
    const caps = { ...UNKNOWN_CAPS, lines: extended, tail: extended };
    return { kind: extended ? 'tail' : 'head', caps };
  }
  if (!numbered) {
    const caps = { ...UNKNOWN_CAPS, linePaging: false, before: false };
    // A numbered server would say where the page sits; an unnumbered tail cannot be placed.
    return typeof page.prevBefore === 'number' ? { kind: 'restart', caps } : { kind: 'head', caps };
  }
  const reachesEnd = page.total === null ? extended : last.line === page.total;
  const startsAtOne = first.line === 1;
  if (reachesEnd) return { kind: 'tail', caps: { ...UNKNOWN_CAPS, lines: true, tail: true } };
  // Numbered but not the newest lines: the server ignored `tail` and answered the head.
  return {
    kind: startsAtOne ? 'head' : 'restart',
    caps: { ...UNKNOWN_CAPS, lines: true, linePaging: false, before: false },
  };
}

/**
 * After a `line=n&limit=N` answer: whether `line` was honoured, and whether `limit` was (a page
 * of exactly 1,000 for a larger N when more lines follow: the server does not take `limit`).
 */
export function readLinePage(
  caps: LogCaps,
  asked: { readonly line: number; readonly limit: number },
  page: LogPage,
  total: number,
): LogCaps {
  const first = page.entries[0];
  const last = page.entries.at(-1);
  // Past the end says nothing, nor does line 1 (a server without `line=` answers the head).
  if (!first || !last || asked.line === 1) return caps;
  const honoured = first.line === asked.line;
  const more = (last.line ?? 0) < total;
  const limit = pageLimit(caps, asked.limit, page, honoured && more);
  return { ...caps, linePaging: honoured, limit };
}

/** After a `before=seq&limit=N` answer: whether it ended just before `seq` (at `line`). */
export function readBeforePage(
  caps: LogCaps,
  asked: { readonly line: number; readonly limit: number },
  page: LogPage,
): LogCaps {
  const first = page.entries[0];
  const last = page.entries.at(-1);
  if (!first || !last) return caps;
  const honoured = last.line === asked.line - 1;
  const more = (first.line ?? 1) > 1;
  const limit = pageLimit(caps, asked.limit, page, honoured && more);
  return { ...caps, before: honoured, limit };
}

/** A full page of 1,000 lines for a larger `limit` (not a smaller page asked on purpose). */
function pageLimit(caps: LogCaps, asked: number, page: LogPage, full: boolean): number {
  return full && asked > LOG_PAGE_LIMIT && page.entries.length === LOG_PAGE_LIMIT
    ? LOG_PAGE_LIMIT
    : caps.limit;
}
