/**
 * What the viewer shows of a log: the lines that pass the level filter, and which of them match
 * the search. Both are kept up to date incrementally as lines arrive (only new lines are looked
 * at), so a search covers every line held — not only the rendered ones — at the cost of one pass
 * when the query or filter changes.
 */
import type { LogLevel } from '../../api/contract';
import type { LogEntry } from '../../api/map';
import type { LogStore } from '../../queries/log-store';
import { LOG_LEVELS } from '../../queries/log-store';
import type { LineRange } from './line-range';

export class LogView {
  readonly store: LogStore;
  readonly levels: ReadonlySet<LogLevel>;
  /** The search, lower-cased; empty for none. */
  readonly query: string;
  /** Store indices of the lines shown, when some level is filtered out; null when all are. */
  readonly #rows: number[] | null;
  /** Rows (positions in the view) whose line matches the search, in order. */
  readonly #matches: number[] = [];
  /** Store lines looked at so far. */
  #synced = 0;

  constructor(store: LogStore, levels: ReadonlySet<LogLevel>, query: string) {
    this.store = store;
    this.levels = levels;
    this.query = normalizeQuery(query);
    this.#rows = LOG_LEVELS.every((level) => levels.has(level)) ? null : [];
  }

  /** Takes in the lines that arrived since the last call. Idempotent. */
  sync(): this {
    const { store, query } = this;
    const rows = this.#rows;
    for (let index = this.#synced; index < store.length; index++) {
      const entry = store.at(index);
      let row = index;
      if (rows !== null) {
        if (!this.levels.has(entry.level)) continue;
        row = rows.length;
        rows.push(index);
      }
      if (query && entry.message.toLowerCase().includes(query)) this.#matches.push(row);
    }
    this.#synced = store.length;
    return this;
  }

  /** Number of rows shown. */
  get rowCount(): number {
    return this.#rows === null ? this.#synced : this.#rows.length;
  }

  /** Store index (0-based) of the line shown at a row. */
  indexAt(row: number): number {
    if (this.#rows === null) return row;
    const index = this.#rows[row];
    if (index === undefined) throw new RangeError(`No row ${row}`);
    return index;
  }

  /** The row showing a store index, or -1 when the filter hides that line. */
  rowOf(index: number): number {
    if (this.#rows === null) return index < this.#synced ? index : -1;
    const row = lowerBound(this.#rows, index);
    return this.#rows[row] === index ? row : -1;
  }

  /** The entry shown at a row. */
  entryAt(row: number): LogEntry {
    return this.store.at(this.indexAt(row));
  }

  /** The line number (1-based) shown at a row. */
  lineAt(row: number): number {
    return this.indexAt(row) + 1;
  }

  /** The row showing a line number, or -1 when the filter hides it or it is not held yet. */
  rowOfLine(line: number): number {
    return this.rowOf(line - 1);
  }

  /** The lines shown (filter applied) within a range of line numbers, for copy. */
  entriesIn(range: LineRange): readonly LogEntry[] {
    return this.store
      .range(range.start - 1, range.end)
      .filter((entry) => this.levels.has(entry.level));
  }

  /** Rows whose line matches the search, in order. */
  get matches(): readonly number[] {
    return this.#matches;
  }
}

export const normalizeQuery = (query: string): string => query.trim().toLowerCase();

/** First position in a sorted array whose value is ≥ target. */
export function lowerBound(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
