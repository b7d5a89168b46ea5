/**
 * A run of consecutive lines of a log, held compactly: seq, time and level in typed arrays (17
 * bytes a line) and the messages as a few long strings with an offset index (the text plus 4
 * bytes a line), instead of one object and one string per line.
 */
import type { LogLevel } from '../api/contract';

/** Level codes of the typed arrays. */
export const LEVELS: readonly LogLevel[] = ['info', 'warning', 'error'];
export const levelCode = (level: LogLevel): number => LEVELS.indexOf(level);

/** Most lines of one segment; a longer run is held in several. */
export const SEGMENT_MAX = 1 << 16;
/** Chunks of fewer lines (live appends, one line at a time) are merged as they come. */
const SMALL_CHUNK = 512;

/** What one line needs: its plain message (control sequences taken out). */
export interface LineInput {
  readonly seq: number;
  readonly time: number;
  readonly level: LogLevel;
  readonly message: string;
}

/** Messages of consecutive lines joined by '\n'; message k is text[offsets[k], offsets[k+1]-1). */
export interface TextChunk {
  /** Line number of the first message. */
  readonly line: number;
  readonly count: number;
  readonly text: string;
  readonly offsets: Uint32Array;
}

function makeChunk(line: number, messages: readonly string[]): TextChunk {
  const offsets = new Uint32Array(messages.length + 1);
  let at = 0;
  for (let k = 0; k < messages.length; k++) {
    offsets[k] = at;
    at += (messages[k]?.length ?? 0) + 1;
  }
  offsets[messages.length] = at;
  return { line, count: messages.length, text: messages.join('\n'), offsets };
}

function mergeChunks(a: TextChunk, b: TextChunk): TextChunk {
  const offsets = new Uint32Array(a.count + b.count + 1);
  offsets.set(a.offsets.subarray(0, a.count));
  const shift = a.text.length + 1;
  for (let k = 0; k <= b.count; k++) offsets[a.count + k] = (b.offsets[k] ?? 0) + shift;
  return { line: a.line, count: a.count + b.count, text: `${a.text}\n${b.text}`, offsets };
}

export const chunkMessage = (chunk: TextChunk, k: number): string =>
  chunk.text.slice(chunk.offsets[k] ?? 0, (chunk.offsets[k + 1] ?? 1) - 1);

export class Segment {
  /** Line number of the first line. */
  readonly start: number;
  length = 0;
  seq: Float64Array;
  time: Float64Array;
  level: Uint8Array;
  readonly chunks: TextChunk[] = [];

  constructor(start: number, capacity: number) {
    this.start = start;
    this.seq = new Float64Array(capacity);
    this.time = new Float64Array(capacity);
    this.level = new Uint8Array(capacity);
  }

  /** Line number of the last line. */
  get end(): number {
    return this.start + this.length - 1;
  }

  get room(): number {
    return SEGMENT_MAX - this.length;
  }

  /** Appends lines (the next line numbers of this segment). */
  push(lines: readonly LineInput[]): void {
    this.#reserve(this.length + lines.length);
    const messages: string[] = [];
    for (const line of lines) {
      this.seq[this.length] = line.seq;
      this.time[this.length] = line.time;
      this.level[this.length] = levelCode(line.level);
      messages.push(line.message);
      this.length++;
    }
    this.chunks.push(makeChunk(this.start + this.length - lines.length, messages));
    // Keep live appends from making one chunk per line.
    for (;;) {
      const b = this.chunks.at(-1);
      const a = this.chunks.at(-2);
      if (!a || !b || a.count >= SMALL_CHUNK || b.count >= SMALL_CHUNK) break;
      this.chunks.splice(-2, 2, mergeChunks(a, b));
    }
  }

  /** The plain message of a line of this segment. */
  message(line: number): string {
    const { chunks } = this;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((chunks[mid]?.line ?? 0) <= line) lo = mid;
      else hi = mid - 1;
    }
    const chunk = chunks[lo];
    return chunk ? chunkMessage(chunk, line - chunk.line) : '';
  }

  #reserve(size: number): void {
    if (size <= this.seq.length) return;
    const capacity = Math.min(SEGMENT_MAX, Math.max(size, this.seq.length * 2, 64));
    const grow = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.seq = grow(this.seq, (n) => new Float64Array(n));
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.level = grow(this.level, (n) => new Uint8Array(n));
  }
}
