/**
 * What the viewer shows of a log: its rows (every line of the log, held or not, when every
 * level is shown; the held lines of the levels shown otherwise) and which of them match the
 * search — over every line held, or on the server (`q=`) while the log is not whole.
 */
import type { LogSearch } from '../../api/client';
import type { LogLevel } from '../../api/contract';
import type { LogEntry } from '../../api/map';
import type { LogStore } from '../../queries/log-store';
import { LOG_LEVELS } from '../../queries/log-store';
import { LEVELS } from '../../queries/log-segment';
import type { LineRange } from './line-range';
import { findLines } from './log-find';

export class LogView {
  readonly store: LogStore;
  readonly levels: ReadonlySet<LogLevel>;
  /** The search, lower-cased; empty for none. */
  readonly query: string;
  readonly #server: LogSearch | null;
  readonly #filtered: boolean;
  /** Lines shown, when some level is filtered out. */
  #rows: Int32Array = new Int32Array(0);
  #matches: number[] = [];
  #matchCount = 0;
  #synced = -1;

  constructor(
    store: LogStore,
    levels: ReadonlySet<LogLevel>,
    query: string,
    server: LogSearch | null = null,
  ) {
    this.store = store;
    this.levels = levels;
    this.query = normalizeQuery(query);
    this.#server = server;
    this.#filtered = !LOG_LEVELS.every((level) => levels.has(level));
  }

  /** Takes in what changed in the store since the last call. Idempotent. */
  sync(): this {
    const version = this.store.getVersion();
    if (version === this.#synced) return this;
    this.#synced = version;
    if (this.#filtered) this.#rows = this.#shownLines();
    this.#findMatches();
    return this;
  }

  get rowCount(): number {
    return this.#filtered ? this.#rows.length : this.store.total;
  }
  /** The line number (1-based) shown at a row. */
  lineAt(row: number): number {
    return this.#filtered ? (this.#rows[row] ?? 0) : row + 1;
  }
  /** The entry shown at a row, or null while its line is not held. */
  entryAt(row: number): LogEntry | null {
    return this.store.entryAt(this.lineAt(row));
  }
  /** The row showing a line, or -1 (filtered out, not held, past the end). */
  rowOfLine(line: number): number {
    if (!this.#filtered) return line >= 1 && line <= this.store.total ? line - 1 : -1;
    const row = lowerBound(this.#rows, line);
    return this.#rows[row] === line ? row : -1;
  }
  /** The held lines shown within a range, for copy. */
  entriesIn(range: LineRange): readonly LogEntry[] {
    const out: LogEntry[] = [];
    for (let line = range.start; line <= Math.min(range.end, this.store.total); line++) {
      const entry = this.store.entryAt(line);
      if (entry && this.levels.has(entry.level)) out.push(entry);
    }
    return out;
  }
  /** Rows whose line matches the search, in order. */
  get matches(): readonly number[] {
    return this.#matches;
  }
  /** How many lines match (on the server, more than the rows listed may match). */
  get matchCount(): number {
    return this.#matchCount;
  }
  /** The matches come from the server (the log is not whole yet). */
  get searchedOnServer(): boolean {
    return this.#server !== null && !this.store.whole;
  }

  #shownLines(): Int32Array {
    const codes = new Set([...this.levels].map((level) => LEVELS.indexOf(level)));
    const lines: number[] = [];
    for (const s of this.store.segments) {
      for (let i = 0; i < s.length; i++) if (codes.has(s.level[i] ?? 0)) lines.push(s.start + i);
    }
    return Int32Array.from(lines);
  }

  #findMatches(): void {
    if (!this.query) {
      this.#matches = [];
      this.#matchCount = 0;
      return;
    }
    const server = this.searchedOnServer ? this.#server : null;
    const lines = server ? server.lines : findLines(this.store, this.query);
    const rows: number[] = [];
    for (const line of lines) {
      const row = this.rowOfLine(line);
      if (row >= 0) rows.push(row);
    }
    this.#matches = rows;
    this.#matchCount = server && !this.#filtered ? server.totalMatches : rows.length;
  }
}

export const normalizeQuery = (query: string): string => query.trim().toLowerCase();

/** First position in a sorted array whose value is ≥ target. */
export function lowerBound(sorted: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
