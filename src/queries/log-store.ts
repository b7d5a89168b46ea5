/**
 * A log held in memory: append-only, so 100,000+ lines cost one array push per line and nothing
 * already held is ever copied or downloaded again. Components subscribe to it
 * (`useSyncExternalStore(store.subscribe, store.getVersion)`) instead of receiving a new array
 * per page.
 */
import type { LogPage } from '../api/client';
import type { LogLevel } from '../api/contract';
import type { LogEntry } from '../api/map';

export type LevelCounts = Readonly<Record<LogLevel, number>>;

export const LOG_LEVELS: readonly LogLevel[] = ['info', 'warning', 'error'];

export class LogStore {
  readonly #entries: LogEntry[] = [];
  #counts: Record<LogLevel, number> = { info: 0, warning: 0, error: 0 };
  /** The `after` cursor of the next request. */
  #cursor = 0;
  #complete = false;
  /** At least one answer arrived (even an empty one). */
  #loaded = false;
  /** The last answer said there was nothing more for now. */
  #caughtUp = false;
  #version = 0;
  readonly #listeners = new Set<() => void>();

  /** Number of lines held. Line numbers are 1-based positions in this log. */
  get length(): number {
    return this.#entries.length;
  }

  get cursor(): number {
    return this.#cursor;
  }

  /** The Run is terminal and every line was received: the log is final. */
  get complete(): boolean {
    return this.#complete;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  get caughtUp(): boolean {
    return this.#caughtUp;
  }

  /** Lines per level, kept up to date as pages arrive. */
  get counts(): LevelCounts {
    return this.#counts;
  }

  /** The entry at a 0-based index. */
  at(index: number): LogEntry {
    const entry = this.#entries[index];
    if (entry === undefined) throw new RangeError(`No log line at index ${index}`);
    return entry;
  }

  /** The entries from `start` to `end` (0-based, end exclusive), for copy and download. */
  range(start: number, end: number): readonly LogEntry[] {
    return this.#entries.slice(Math.max(0, start), Math.min(end, this.#entries.length));
  }

  get lastSeq(): number {
    return this.#entries[this.#entries.length - 1]?.seq ?? 0;
  }

  /**
   * Adds one answer of the logs endpoint. Entries at or below what is held are dropped, so a
   * page that arrives twice (two overlapping refreshes) never duplicates lines. Returns the
   * number of lines added.
   */
  append(page: LogPage, caughtUp: boolean): number {
    let added = 0;
    let last = this.lastSeq;
    // A new counts object per change, so that memoised readers see it.
    const counts = { ...this.#counts };
    for (const entry of page.entries) {
      if (entry.seq <= last) continue;
      this.#entries.push(entry);
      counts[entry.level]++;
      last = entry.seq;
      added++;
    }
    this.#cursor = Math.max(this.#cursor, page.nextAfter, last);
    const wasComplete = this.#complete;
    this.#complete = this.#complete || page.complete;
    const changed =
      added > 0 || !this.#loaded || wasComplete !== this.#complete || this.#caughtUp !== caughtUp;
    this.#loaded = true;
    this.#caughtUp = caughtUp;
    if (added > 0) this.#counts = counts;
    if (changed) {
      this.#version++;
      for (const listener of this.#listeners) listener();
    }
    return added;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Changes whenever lines arrive or the log's status changes. */
  getVersion = (): number => this.#version;
}
