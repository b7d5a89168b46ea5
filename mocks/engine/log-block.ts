/**
 * A block of log lines made when read instead of stored: lines of the Run-level log and of one
 * container's log, interleaved evenly, with consecutive seqs and times spread evenly over a span.
 * Each entry is made from its line number by a LineSource (seeded and deterministic), so a million
 * lines cost a few numbers of memory, and any line or seq is found by arithmetic.
 */
import type { LogLevel } from '../../src/api/contract';
import type { LogSegment, SimLogEntry, Test } from './log-sequence';
import type { LogTarget } from './run-log';

/** The text of a generated log, line by line (the line number within its own log). */
export interface LineSource {
  level(line: number): LogLevel;
  message(line: number): string;
  /**
   * A faster search, when the source can tell which lines may hold `needle` (lower case): the
   * matcher says whether line n matches, calling `test` on its message only where it must.
   */
  matcher?(needle: string): (line: number, test: (message: string) => boolean) => boolean;
}

export interface BlockScope {
  readonly lines: number;
  readonly source: LineSource;
}

export interface BlockSpec {
  /** Time of the block's first and last entry. */
  readonly from: number;
  readonly to: number;
  readonly containerId: number;
  readonly runLevel: BlockScope;
  readonly container: BlockScope;
}

/**
 * Where the lines of each log sit in the block: of its `size` entries, `containers` belong to the
 * container's log, spread evenly (the first m entries hold floor(m × containers / size) of them).
 */
class Interleave {
  constructor(
    readonly size: number,
    readonly containers: number,
  ) {}

  /** Index in the block of the i-th (0-based) entry of one log. */
  indexOf(container: boolean, i: number): number {
    const { size, containers } = this;
    if (container) return Math.ceil(((i + 1) * size) / containers) - 1;
    return Math.floor((i * size) / (size - containers));
  }

  /** How many of the block's first m entries belong to one log. */
  countIn(container: boolean, m: number): number {
    const inContainer = Math.floor((m * this.containers) / this.size);
    return container ? inContainer : m - inContainer;
  }
}

class BlockSegment implements LogSegment {
  constructor(
    private readonly block: {
      firstSeq: number;
      from: number;
      to: number;
      containerId: number;
      interleave: Interleave;
    },
    private readonly container: boolean,
    private readonly source: LineSource,
    readonly size: number,
  ) {}

  seqAt(index: number): number {
    return this.block.firstSeq + this.block.interleave.indexOf(this.container, index);
  }

  countAtMost(seq: number): number {
    const { interleave, firstSeq } = this.block;
    const m = Math.min(interleave.size, Math.max(0, seq - firstSeq + 1));
    return interleave.countIn(this.container, m);
  }

  entryAt(index: number, line: number): SimLogEntry {
    const { firstSeq, from, to, containerId, interleave } = this.block;
    const k = interleave.indexOf(this.container, index);
    return {
      seq: firstSeq + k,
      time: from + Math.floor((k * (to - from)) / Math.max(1, interleave.size - 1)),
      level: this.source.level(line),
      message: this.source.message(line),
      containerId: this.container ? containerId : null,
      line,
    };
  }

  messageAt(_index: number, line: number): string {
    return this.source.message(line);
  }

  matcher(needle: string): ((index: number, line: number, test: Test) => boolean) | null {
    const matches = this.source.matcher?.(needle);
    return matches ? (_index, line, test) => matches(line, test) : null;
  }
}

/** Appends a generated block to a Run's logs: its seqs follow the Run's last. */
export function appendBlock(run: LogTarget, spec: BlockSpec): void {
  const { runLevel, container } = spec;
  const interleave = new Interleave(runLevel.lines + container.lines, container.lines);
  const block = { ...spec, firstSeq: run.lastSeq + 1, interleave };
  const logs = [
    [run.log.writable(null), false, runLevel],
    [run.log.writable(spec.containerId), true, container],
  ] as const;
  for (const [log, inContainer, scope] of logs) {
    const first = log.size + 1;
    log.attach(new BlockSegment(block, inContainer, scope.source, scope.lines));
    for (let line = first; line < first + scope.lines; line++) {
      if (scope.source.level(line) !== 'info') run.warnings++;
    }
  }
  run.lastSeq += interleave.size;
}
