/**
 * A Run's logs: the Run-level log (`containerId` null) and one log per container, each its own
 * sequence of lines (log-sequence.ts), all numbered by one `seq` the Run's logs share.
 */
import type { LogLevel } from '../../src/api/contract';
import type { SimLogEntry } from './log-sequence';
import { LogSequence } from './log-sequence';

export type { SimLogEntry } from './log-sequence';

export class RunLog {
  private readonly logs = new Map<number | null, LogSequence>();

  /** One log: the Run-level log (null) or a container's; empty when it has no line yet. */
  of(containerId: number | null): LogSequence {
    return this.logs.get(containerId) ?? new LogSequence();
  }

  /** The log to write to (made when first written). */
  writable(containerId: number | null): LogSequence {
    let log = this.logs.get(containerId);
    if (!log) {
      log = new LogSequence();
      this.logs.set(containerId, log);
    }
    return log;
  }

  append(entry: Omit<SimLogEntry, 'line'>): void {
    this.writable(entry.containerId).append(entry);
  }

  /** The lines of all its logs. */
  get length(): number {
    let lines = 0;
    for (const log of this.logs.values()) lines += log.size;
    return lines;
  }

  /** Every entry of every log in seq order. Reads them all: for tests and small logs only. */
  all(): SimLogEntry[] {
    return [...this.logs.values()]
      .flatMap((log) => log.entries(1, log.size))
      .sort((a, b) => a.seq - b.seq);
  }
}

/** What appending needs of a Run: its log, and what it counts of it. */
export interface LogTarget {
  /**
   * Its logs. A Run seeded into the past is played "quietly": only its counts are kept, and the
   * entries are rebuilt on first read by playing the same plan again (db/quiet-logs.ts).
   */
  log: RunLog;
  quiet: boolean;
  lastSeq: number;
  warnings: number;
}

/** Appends an entry; a quiet Run only counts it (a lazy message is then never written). */
export function log(
  run: LogTarget,
  time: number,
  level: LogLevel,
  message: string | (() => string),
  containerId: number | null = null,
): void {
  run.lastSeq += 1;
  if (!run.quiet) {
    const text = typeof message === 'string' ? message : message();
    run.log.append({ seq: run.lastSeq, time, level, message: text, containerId });
  }
  if (level !== 'info') run.warnings++;
}
