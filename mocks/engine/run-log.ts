/**
 * A Run's log: entries appended in order, numbered by one `seq` shared by the Run-level log
 * (`containerId` null) and each container's log.
 */
import type { LogLevel } from '../../src/api/contract';

export interface SimLogEntry {
  readonly seq: number;
  readonly time: number;
  readonly level: LogLevel;
  readonly message: string;
  readonly containerId: number | null;
}

/** What appending needs of a Run: its log, and what it counts of it. */
export interface LogTarget {
  /**
   * The entries. A Run seeded into the past is played "quietly": only its counts are kept, and
   * the entries are rebuilt on first read by playing the same plan again (db/quiet-logs.ts).
   */
  log: SimLogEntry[];
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
    run.log.push({ seq: run.lastSeq, time, level, message: text, containerId });
  }
  if (level !== 'info') run.warnings++;
}
