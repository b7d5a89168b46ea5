/**
 * A model log server for the loader's tests: one log with seqs that have gaps, numbered lines,
 * and the forms of docs/api.md (`after`, `tail`, `before`, `line`, `limit`, `total`), each of
 * which can be switched off to play a server that does not have it (SPEC §3 only). Test-only:
 * imported by tests, never by the app.
 */
import type { LogPage, LogPageQuery } from '../api/client';
import { LOG_PAGE_LIMIT, MAX_LOG_LIMIT } from '../api/contract';
import type { LogEntry } from '../api/map';

export interface ModelFeatures {
  readonly lines: boolean;
  readonly total: boolean;
  readonly tail: boolean;
  readonly before: boolean;
  readonly linePaging: boolean;
  readonly limit: boolean;
}

export const ALL_FEATURES: ModelFeatures = {
  lines: true,
  total: true,
  tail: true,
  before: true,
  linePaging: true,
  limit: true,
};
export const SPEC3_ONLY: ModelFeatures = {
  lines: false,
  total: false,
  tail: false,
  before: false,
  linePaging: false,
  limit: false,
};

export class ModelLogServer {
  readonly log: LogEntry[] = [];
  complete = false;
  requests = 0;
  #seq = 0;
  readonly features: ModelFeatures;

  constructor(features: ModelFeatures = ALL_FEATURES, lines = 0) {
    this.features = features;
    this.append(lines);
  }

  /** Appends lines; seqs skip a few numbers now and then (other logs of the Run). */
  append(count: number, level: LogEntry['level'] = 'info'): void {
    for (let i = 0; i < count; i++) {
      this.#seq += 1 + (this.log.length % 3 === 2 ? 2 : 0);
      const line = this.log.length + 1;
      this.log.push({
        seq: this.#seq,
        time: Date.UTC(2026, 10, 28) + line * 1000,
        level: line % 50 === 0 ? 'error' : line % 7 === 0 ? 'warning' : level,
        message: `line ${line} of the log`,
        containerId: null,
        line,
      });
    }
  }

  /** The entries a stream sends after a seq. */
  after(seq: number): LogEntry[] {
    return this.log.filter((e) => e.seq > seq).map((e) => this.#wire(e));
  }

  page = (query: LogPageQuery): Promise<LogPage> => {
    this.requests++;
    const f = this.features;
    const limit = Math.min(
      f.limit && 'limit' in query && query.limit !== undefined ? query.limit : LOG_PAGE_LIMIT,
      MAX_LOG_LIMIT,
    );
    let from: number; // index of the first entry
    let count = limit;
    if ('tail' in query && f.tail) {
      count = Math.min(query.tail, LOG_PAGE_LIMIT);
      from = Math.max(0, this.log.length - count);
    } else if ('before' in query && f.before) {
      const end = this.log.findIndex((e) => e.seq >= query.before);
      const stop = end === -1 ? this.log.length : end;
      from = Math.max(0, stop - limit);
      count = stop - from;
    } else if ('line' in query && f.linePaging) {
      from = query.line - 1;
    } else {
      const after = 'after' in query ? query.after : 0;
      const at = this.log.findIndex((e) => e.seq > after);
      from = at === -1 ? this.log.length : at;
    }
    const entries = this.log.slice(from, from + count).map((e) => this.#wire(e));
    const end = from + entries.length;
    const last = this.log[end - 1];
    return Promise.resolve({
      entries,
      nextAfter: last?.seq ?? ('after' in query ? query.after : 0),
      complete: this.complete && end >= this.log.length,
      total: f.total ? this.log.length : null,
      prevBefore: f.before ? (from > 0 ? (this.log[from]?.seq ?? null) : null) : undefined,
    });
  };

  #wire(e: LogEntry): LogEntry {
    return this.features.lines ? e : { ...e, line: null };
  }
}
