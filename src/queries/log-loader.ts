/**
 * Reads one log into its store (log-store.ts): the newest lines first (`tail`), then — while a
 * viewer is attached — every other line in the background, a few `line=` pages of up to 10,000
 * in flight, the lines on screen first; new lines after the newest held (`after`), asked for by
 * the live rule (polling) or pushed by a stream (log-live.ts). Against a server without the
 * extensions it reads forward with `after`, as SPEC §3 describes, numbering lines by position.
 * A log that changed on the server (a line held with another seq, fewer lines than held) is read
 * again from its tail, so the held log never has a duplicated or a missing line.
 */
import type { LogPage, LogPageQuery, LogSearch } from '../api/client';
import { LOG_PAGE_LIMIT } from '../api/contract';
import type { LogEntry } from '../api/map';
import type { LogCaps } from './log-caps';
import { UNKNOWN_CAPS, readBeforePage, readLinePage, readTail } from './log-caps';
import type { LineSpan } from './log-fill';
import { nextFillPage } from './log-fill';
import type { LogConflict } from './log-store';
import { LogStore } from './log-store';

export type FetchLogPage = (query: LogPageQuery, signal?: AbortSignal) => Promise<LogPage>;
export type SearchLogOnServer = (q: string, signal?: AbortSignal) => Promise<LogSearch | null>;

export interface ViewerPlace {
  readonly top: number;
  readonly following: boolean;
  /** The lines there were when following paused ("N new" counts from there). */
  readonly pausedAt: number;
}

/** After a failed background page, the next try waits this long (doubling, at most 30 s). */
const RETRY_MS = 1_000;

export class LogLoader {
  readonly store: LogStore;
  readonly #fetch: FetchLogPage;
  readonly #search: SearchLogOnServer | null;
  #caps: LogCaps = UNKNOWN_CAPS;
  #opening: Promise<void> | null = null;
  /** `after` for new lines, and for reading forward (a server without `tail`). */
  #liveAfter = 0;
  #forwardAfter = 0;
  #forward = false;
  #attached = 0;
  #inFlight: LineSpan[] = [];
  #busy = 0;
  #want: LineSpan | null = null;
  #epoch = 0;
  #retry = RETRY_MS;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Why the last background page failed (lines held stay), or null. */
  fillError: Error | null = null;
  /** A healthy stream feeds the log (no polling meanwhile); set by the stream (log-live.ts). */
  streaming = false;
  /** Where a viewer of this log left it (a tab switch remounts the viewer): restored there. */
  viewerPlace: ViewerPlace | null = null;
  leaveViewer = (place: ViewerPlace): void => {
    this.viewerPlace = place;
  };
  /** Times the log changed on the server and was read again. */
  rereads = 0;
  lastConflict: LogConflict | null = null;

  /** Whose log this is (for keys): a Run's, and a container's or the Run-level one (null). */
  readonly runId: number;
  readonly containerId: number | null;

  constructor(
    fetchPage: FetchLogPage,
    options: { search?: SearchLogOnServer; runId?: number; containerId?: number | null } = {},
  ) {
    this.#fetch = fetchPage;
    this.#search = options.search ?? null;
    this.runId = options.runId ?? 0;
    this.containerId = options.containerId ?? null;
    this.store = new LogStore(this.containerId);
  }

  get caps(): LogCaps {
    return this.#caps;
  }
  /** The cursor after the newest line held (for a stream's `Last-Event-ID`). */
  get liveAfter(): number {
    return this.#liveAfter;
  }
  /** The reader's lines (unheld ones there are asked for first). */
  want(span: LineSpan | null): void {
    this.#want = span;
    this.#pump();
  }

  /** The query's work: opens the log, or asks for the lines after the newest held. */
  async refresh(signal?: AbortSignal): Promise<void> {
    if (!this.store.loaded || this.#opening) {
      this.#opening ??= this.#open(signal).finally(() => {
        this.#opening = null;
      });
      await this.#opening;
      this.#pump();
      return;
    }
    if (this.store.complete) return; // final: never asked for again
    if (this.#forward) await this.#readForward(signal);
    else await this.#readNew(signal);
  }

  /** A viewer is on screen: fill the log in the background until it is whole. */
  attach(): () => void {
    this.#attached++;
    this.#pump();
    return () => {
      this.#attached--; // answers on their way are still taken in
    };
  }

  /** Entries pushed by a stream: taken in like any answer. */
  takeLive(entries: readonly LogEntry[], complete = false): void {
    const last = entries.at(-1);
    this.#take(entries, { complete, caughtUp: true });
    if (last) this.#liveAfter = Math.max(this.#liveAfter, last.seq);
  }

  async searchOnServer(q: string, signal?: AbortSignal): Promise<LogSearch | null> {
    if (!this.#search || this.#caps.search === false || !this.#caps.lines) return null;
    const found = await this.#search(q, signal);
    this.#caps = { ...this.#caps, search: found !== null };
    return found;
  }

  async #open(signal?: AbortSignal): Promise<void> {
    const page = await this.#fetch({ tail: LOG_PAGE_LIMIT }, signal);
    const verdict = readTail(page);
    this.#caps = verdict.caps;
    this.store.setNumbering(verdict.caps.lines ? 'server' : 'position');
    this.#forward = verdict.kind !== 'tail';
    this.#forwardAfter = 0;
    this.#liveAfter = page.nextAfter;
    if (verdict.kind === 'restart') {
      this.#liveAfter = 0;
      this.store.mark({ caughtUp: false });
      await this.#readForward(signal);
      return;
    }
    if (verdict.kind === 'head') this.#forwardAfter = page.nextAfter;
    const caughtUp = verdict.kind === 'tail' || page.entries.length < LOG_PAGE_LIMIT;
    const total = this.#atLeastHeld(page.total);
    this.#take(page.entries, { total, complete: page.complete, caughtUp });
    if (this.#forward && !caughtUp) await this.#readForward(signal);
  }

  /** SPEC §3's reading: forward with `after`, page after page, until caught up. */
  async #readForward(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const after = this.#forwardAfter;
      const page = await this.#fetch({ after, limit: this.#caps.limit }, signal);
      const caughtUp = page.complete || page.entries.length < LOG_PAGE_LIMIT;
      if (!this.#take(page.entries, { total: page.total, complete: page.complete, caughtUp })) {
        return;
      }
      this.#forwardAfter = Math.max(after, page.nextAfter);
      this.#liveAfter = Math.max(this.#liveAfter, this.#forwardAfter);
      if (caughtUp || this.#forwardAfter <= after) return;
    }
  }

  /** The lines after the newest held (polling): small pages, until caught up. */
  async #readNew(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const after = this.#liveAfter;
      const page = await this.#fetch({ after }, signal);
      const caughtUp = page.complete || page.entries.length < LOG_PAGE_LIMIT;
      if (!this.#take(page.entries, { total: page.total, complete: page.complete, caughtUp })) {
        return;
      }
      this.#liveAfter = Math.max(after, page.nextAfter);
      if (caughtUp || this.#liveAfter <= after) return;
    }
  }

  /**
   * The total of an answer that may be older than lines a stream pushed meanwhile (the tail, a
   * background page): it can grow the log, never say that it shrank. The answers that follow the
   * newest line one after another (`after`) are the ones that can.
   */
  #atLeastHeld(total: number | null): number | null {
    return total === null ? null : Math.max(total, this.store.lastLine);
  }

  /** Takes in entries; on a conflict reads the log again and says false. */
  #take(
    entries: readonly LogEntry[],
    status: { total?: number | null; complete?: boolean; caughtUp?: boolean },
  ): boolean {
    const { conflict } = this.store.place(entries, status);
    if (conflict === null) return true;
    this.lastConflict = conflict;
    this.rereads++;
    this.#epoch++;
    this.#inFlight = [];
    this.#busy = 0;
    this.store.clear();
    this.store.mark({ caughtUp: false });
    // Read again from the tail (a stream or the next poll would otherwise go on from a cursor
    // that no longer means anything).
    this.#opening = this.#open().finally(() => {
      this.#opening = null;
      this.#pump();
    });
    this.#opening.catch(() => undefined);
    return false;
  }

  /** Starts background pages while a viewer is attached and the log is not whole. */
  #pump(): void {
    if (this.#attached === 0 || this.#opening || this.#timer || !this.store.loaded) return;
    if (this.#forward) return; // read by the query, forward
    for (;;) {
      const next = nextFillPage(
        this.store,
        this.#caps,
        this.#inFlight,
        this.#want,
        this.#forwardAfter,
      );
      if (!next) return;
      this.#start(next.query, next.span);
    }
  }

  #start(query: LogPageQuery, span: LineSpan | null): void {
    const epoch = this.#epoch;
    if (span) this.#inFlight = [...this.#inFlight, span];
    this.#busy++;
    // An answer to a request made before the log was read again belongs to another log.
    const done = () => {
      if (epoch !== this.#epoch) return false;
      if (span) this.#inFlight = this.#inFlight.filter((s) => s !== span);
      this.#busy = Math.max(0, this.#busy - 1);
      return true;
    };
    this.#fetch(query)
      .then((page) => {
        if (!done()) return;
        this.#learn(query, page, span);
        if ('after' in query) this.#forwardAfter = Math.max(this.#forwardAfter, page.nextAfter);
        this.fillError = null;
        this.#retry = RETRY_MS;
        const held = this.store.held;
        if (!this.#take(page.entries, { total: this.#atLeastHeld(page.total) })) return;
        // A page that brought nothing: that form does not work here; use the next one.
        if (this.store.held === held && span) this.#giveUp(query);
        this.#pump();
      })
      .catch((error: unknown) => {
        if (!done()) return;
        this.fillError = error instanceof Error ? error : new Error(String(error));
        this.store.mark({});
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#pump();
        }, this.#retry);
        this.#retry = Math.min(30_000, this.#retry * 2);
      });
  }

  #learn(query: LogPageQuery, page: LogPage, span: LineSpan | null): void {
    if ('line' in query) {
      this.#caps = readLinePage(this.#caps, query, page, page.total ?? this.store.total);
    } else if ('before' in query && span) {
      this.#caps = readBeforePage(this.#caps, { line: span.end + 1, limit: query.limit }, page);
    }
  }

  #giveUp(query: LogPageQuery): void {
    if ('line' in query) this.#caps = { ...this.#caps, linePaging: false };
    else if ('before' in query) this.#caps = { ...this.#caps, before: false };
  }
}
