/**
 * One log of a Run (the Run-level log, or one container's): its entries in order, entry n at line
 * n (1-based), seqs increasing. It is made of segments: entries stored as they were appended, or a
 * generated block (log-block.ts) whose entries are made from their line number when read. Every
 * read is a direct index on the line, or a binary search on the seq: its time does not grow with
 * the log.
 */
import type { LogLevel } from '../../src/api/contract';

export interface SimLogEntry {
  readonly seq: number;
  readonly time: number;
  readonly level: LogLevel;
  readonly message: string;
  readonly containerId: number | null;
  /** Its 1-based position within its own log. */
  readonly line: number;
}

/** A run of consecutive lines of one log. */
export interface LogSegment {
  readonly size: number;
  /** The seq of its entry at `index` (0-based within the segment). */
  seqAt(index: number): number;
  /** How many of its entries have a seq ≤ `seq`. */
  countAtMost(seq: number): number;
  /** Its entry at `index`, which is line `line` of the log. */
  entryAt(index: number, line: number): SimLogEntry;
  /** Only the message of that entry (a search reads nothing else). */
  messageAt(index: number, line: number): string;
  /** A faster search than testing every message, when the segment has one (needle lower case). */
  matcher?(needle: string): ((index: number, line: number, test: Test) => boolean) | null;
}

/** Whether a message matches a search. */
export type Test = (message: string) => boolean;

/** Entries kept as they were appended. */
class StoredSegment implements LogSegment {
  readonly entries: SimLogEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  seqAt(index: number): number {
    return this.entries[index]?.seq ?? 0;
  }

  countAtMost(seq: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seqAt(mid) <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  entryAt(index: number): SimLogEntry {
    const entry = this.entries[index];
    if (!entry) throw new Error(`no stored entry at ${index}`);
    return entry;
  }

  messageAt(index: number): string {
    return this.entryAt(index).message;
  }
}

export class LogSequence {
  private readonly segments: LogSegment[] = [];
  /** The line before each segment's first (0 for the first segment). */
  private readonly offsets: number[] = [];
  private open: StoredSegment | null = null;
  private lines = 0;

  /** The lines it holds. */
  get size(): number {
    return this.lines;
  }

  /** Appends an entry; it becomes the last line. */
  append(entry: Omit<SimLogEntry, 'line'>): SimLogEntry {
    if (!this.open) {
      this.open = new StoredSegment();
      this.add(this.open);
    }
    const { seq, time, level, message, containerId } = entry;
    const stored = { seq, time, level, message, containerId, line: this.lines + 1 };
    this.open.entries.push(stored);
    this.lines++;
    return stored;
  }

  /** Adds a generated segment after the last line (its seqs must follow the last seq). */
  attach(segment: LogSegment): void {
    if (segment.size === 0) return;
    this.open = null;
    this.add(segment);
    this.lines += segment.size;
  }

  /** How many lines have a seq ≤ `seq`: line n + 1 is the first after `seq`. */
  countAtMost(seq: number): number {
    let count = 0;
    for (const segment of this.segments) {
      const within = segment.countAtMost(seq);
      count += within;
      if (within < segment.size) break;
    }
    return count;
  }

  /** The seq of line n; 0 for line 0 (before the first). */
  seqOf(line: number): number {
    const found = this.locate(line);
    return found ? found.segment.seqAt(found.index) : 0;
  }

  entry(line: number): SimLogEntry | undefined {
    const found = this.locate(line);
    return found ? found.segment.entryAt(found.index, line) : undefined;
  }

  /** Lines `from` to `to`, both included (clamped to the log). */
  entries(from: number, to: number): SimLogEntry[] {
    const out: SimLogEntry[] = [];
    const last = Math.min(to, this.lines);
    let line = Math.max(1, from);
    while (line <= last) {
      const found = this.locate(line);
      if (!found) break;
      // Read on through this segment without locating each line again.
      const { segment, index } = found;
      const end = Math.min(last, line + segment.size - index - 1);
      for (let i = index; line <= end; i++, line++) out.push(segment.entryAt(i, line));
    }
    return out;
  }

  /**
   * Calls `found` with each line, in order, whose message passes `test`; `needle` (lower case) is
   * what `test` looks for, so a segment that knows its text can skip lines that cannot hold it.
   */
  search(needle: string, test: Test, found: (line: number) => void): void {
    this.segments.forEach((segment, s) => {
      const offset = this.offsets[s] ?? 0;
      const matches =
        segment.matcher?.(needle) ??
        ((index: number, line: number) => test(segment.messageAt(index, line)));
      for (let i = 0; i < segment.size; i++) {
        if (matches(i, offset + i + 1, test)) found(offset + i + 1);
      }
    });
  }

  private add(segment: LogSegment): void {
    this.offsets.push(this.lines);
    this.segments.push(segment);
  }

  /** The segment holding line n, and its index there. */
  private locate(line: number): { segment: LogSegment; index: number } | null {
    if (line < 1 || line > this.lines) return null;
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.offsets[mid] ?? 0) < line) lo = mid;
      else hi = mid - 1;
    }
    const segment = this.segments[lo];
    return segment ? { segment, index: line - 1 - (this.offsets[lo] ?? 0) } : null;
  }
}
