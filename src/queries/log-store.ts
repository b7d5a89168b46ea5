/**
 * A log held in memory, by line number: lines can arrive in any order (the tail first, older
 * pages in parallel, a linked line's page, live appends) and each is held once, at its line.
 * Held compactly in segments of consecutive lines (log-segment.ts): ~17 bytes a line plus its
 * text. A line's original text is kept beside only when it holds control sequences (colours).
 * Components subscribe (`useSyncExternalStore(store.subscribe, store.getVersion)`).
 */
import type { LogLevel } from '../api/contract';
import type { LogEntry } from '../api/map';
import type { LineInput, TextChunk } from './log-segment';
import { LEVELS, SEGMENT_MAX, Segment } from './log-segment';
import { hasControls, plainText } from './log-plain';
import { fitsBetween } from './log-seq';

export type LevelCounts = Readonly<Record<LogLevel, number>>;
export const LOG_LEVELS: readonly LogLevel[] = LEVELS;

/** How line numbers are known: from the server (`line`), or by position (a SPEC §3 server). */
export type Numbering = 'server' | 'position';

/** Why an answer could not be taken in: the log on the server is not the one held. */
export type LogConflict = 'changed' | 'shrank';

/** A line to hold: its plain message, and the original when that had control sequences. */
interface HeldInput extends LineInput {
  readonly raw: string | null;
}

export interface PlaceResult {
  readonly added: number;
  readonly conflict: LogConflict | null;
}

export class LogStore {
  #segments: Segment[] = [];
  #raw = new Map<number, string>();
  #total = 0;
  #held = 0;
  #counts: Record<LogLevel, number> = { info: 0, warning: 0, error: 0 };
  #numbering: Numbering = 'server';
  #complete = false;
  #loaded = false;
  #caughtUp = false;
  #version = 0;
  readonly #listeners = new Set<() => void>();
  readonly containerId: number | null;

  constructor(containerId: number | null = null) {
    this.containerId = containerId;
  }

  get numbering(): Numbering {
    return this.#numbering;
  }
  /** Lines the log holds on the server (as far as known), or the lines held when not said. */
  get total(): number {
    return Math.max(this.#total, this.lastLine);
  }
  get held(): number {
    return this.#held;
  }
  /** Every line of the log is held. */
  get whole(): boolean {
    return this.#held >= this.total && this.#loaded;
  }
  get complete(): boolean {
    return this.#complete;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** The last answer for new lines said there was nothing more for now. */
  get caughtUp(): boolean {
    return this.#caughtUp;
  }
  /** Lines held per level: the log's exact counts once it is whole. */
  get counts(): LevelCounts {
    return this.#counts;
  }
  get segments(): readonly Segment[] {
    return this.#segments;
  }
  /** The highest line held, 0 for none. */
  get lastLine(): number {
    return this.#segments.at(-1)?.end ?? 0;
  }
  /** Seq of the highest line held: the `after` cursor for new lines. */
  get lastSeq(): number {
    const last = this.#segments.at(-1);
    return last ? (last.seq[last.length - 1] ?? 0) : 0;
  }
  /** Seq of the lowest line held (the `before` cursor for older lines), or null. */
  get firstSeq(): number | null {
    return this.#segments[0]?.seq[0] ?? null;
  }
  get firstLine(): number {
    return this.#segments[0]?.start ?? 0;
  }

  /** The segment holding a line, or undefined. */
  segmentOf(line: number): Segment | undefined {
    const segments = this.#segments;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid];
      if (!s) break;
      if (line < s.start) hi = mid - 1;
      else if (line > s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  has(line: number): boolean {
    return this.segmentOf(line) !== undefined;
  }
  seqAt(line: number): number | null {
    const s = this.segmentOf(line);
    return s ? (s.seq[line - s.start] ?? null) : null;
  }
  levelAt(line: number): LogLevel | null {
    const s = this.segmentOf(line);
    return s ? (LEVELS[s.level[line - s.start] ?? 0] ?? 'info') : null;
  }
  /** A line's text as received (with its control sequences), or null when not held. */
  rawAt(line: number): string | null {
    const s = this.segmentOf(line);
    if (!s) return null;
    return this.#raw.get(line) ?? s.message(line);
  }
  /** A line as an entry (message as received), or null when not held. */
  entryAt(line: number): LogEntry | null {
    const s = this.segmentOf(line);
    if (!s) return null;
    const i = line - s.start;
    return {
      seq: s.seq[i] ?? 0,
      time: s.time[i] ?? 0,
      level: LEVELS[s.level[i] ?? 0] ?? 'info',
      message: this.#raw.get(line) ?? s.message(line),
      containerId: this.containerId,
      line,
    };
  }
  /** Every text chunk held, in line order (for search). */
  *chunks(): Generator<TextChunk> {
    for (const segment of this.#segments) yield* segment.chunks;
  }
  /** The line ranges not held within [from, to], in order. */
  gaps(from: number, to: number): { start: number; end: number }[] {
    const gaps: { start: number; end: number }[] = [];
    let at = Math.max(1, from);
    for (const s of this.#segments) {
      if (s.end < at) continue;
      if (s.start > to) break;
      if (s.start > at) gaps.push({ start: at, end: Math.min(to, s.start - 1) });
      at = s.end + 1;
    }
    if (at <= to) gaps.push({ start: at, end: to });
    return gaps;
  }

  /** Sets how lines are numbered; only before any line is held. */
  setNumbering(numbering: Numbering): void {
    if (this.#held === 0) this.#numbering = numbering;
  }

  /**
   * Takes in an answer: entries at their lines (by `line`, or after the last line held when
   * numbered by position), each line once. A line held with another seq, or seqs out of order
   * with the lines around them, or a `total` below the lines held, is a conflict: nothing is
   * taken and the caller reads the log again.
   */
  place(
    entries: readonly LogEntry[],
    status: { total?: number | null; complete?: boolean; caughtUp?: boolean } = {},
  ): PlaceResult {
    if (status.total != null && status.total < this.lastLine)
      return { added: 0, conflict: 'shrank' };
    const runs: { line: number; lines: HeldInput[] }[] = [];
    let next = this.lastLine + 1;
    let lastSeq = this.lastSeq;
    for (const entry of entries) {
      let line: number;
      if (this.#numbering === 'position') {
        if (entry.seq <= lastSeq) continue; // already held
        line = next++;
        lastSeq = entry.seq;
      } else {
        if (entry.line === null) return { added: 0, conflict: 'changed' };
        line = entry.line;
        const held = this.seqAt(line);
        if (held !== null) {
          if (held !== entry.seq) return { added: 0, conflict: 'changed' };
          continue;
        }
      }
      const run = runs.at(-1);
      const raw = hasControls(entry.message) ? entry.message : null;
      const input = { ...entry, message: raw === null ? entry.message : plainText(raw), raw };
      if (run && run.line + run.lines.length === line) run.lines.push(input);
      else runs.push({ line, lines: [input] });
    }
    for (const run of runs) {
      if (!fitsBetween(this.#segments, run.line, run.lines))
        return { added: 0, conflict: 'changed' };
    }
    let added = 0;
    for (const run of runs) added += this.#insert(run.line, run.lines);
    const changed = this.#status(status) || added > 0;
    if (status.total != null) this.#total = Math.max(status.total, this.lastLine);
    if (changed) this.#notify();
    return { added, conflict: null };
  }

  /** Forgets every line (the log changed on the server); status stays. */
  clear(): void {
    this.#segments = [];
    this.#raw.clear();
    this.#total = 0;
    this.#held = 0;
    this.#counts = { info: 0, warning: 0, error: 0 };
    this.#notify();
  }

  /** Marks the status of the log (the Run ended, caught up) without new lines. */
  mark(status: { complete?: boolean; caughtUp?: boolean; total?: number | null }): void {
    if (status.total != null) this.#total = Math.max(this.#total, status.total);
    if (this.#status(status) || status.total != null) this.#notify();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };
  /** Changes whenever lines arrive or the log's status changes. */
  getVersion = (): number => this.#version;

  #status({ complete, caughtUp }: { complete?: boolean; caughtUp?: boolean }): boolean {
    const before = [this.#complete, this.#caughtUp, this.#loaded].join();
    if (complete) this.#complete = true;
    if (caughtUp !== undefined) this.#caughtUp = caughtUp;
    this.#loaded = true;
    return before !== [this.#complete, this.#caughtUp, this.#loaded].join();
  }

  #insert(line: number, lines: readonly HeldInput[]): number {
    const segments = this.#segments;
    let k = segments.length;
    while (k > 0 && (segments[k - 1]?.start ?? 0) > line) k--;
    const counts = { ...this.#counts };
    let done = 0;
    while (done < lines.length) {
      const at = line + done;
      const prev = segments[k - 1];
      let target: Segment;
      if (prev && prev.end === at - 1 && prev.room > 0) target = prev;
      else {
        target = new Segment(at, Math.min(lines.length - done, SEGMENT_MAX));
        segments.splice(k, 0, target);
        k++;
      }
      const take = lines.slice(done, done + Math.min(target.room, lines.length - done));
      target.push(take);
      for (const [i, input] of take.entries()) {
        counts[input.level]++;
        if (input.raw !== null) this.#raw.set(at + i, input.raw);
      }
      done += take.length;
    }
    this.#counts = counts;
    this.#held += lines.length;
    return lines.length;
  }

  #notify(): void {
    this.#version++;
    for (const listener of this.#listeners) listener();
  }
}
