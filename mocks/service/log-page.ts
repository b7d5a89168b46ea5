/**
 * A page of one of a Run's logs (docs/api.md "Logs"): the forms `after`, `tail`, `before` and
 * `line`. Each finds its first line by a binary search on the seq or directly by number, then reads
 * the page: its time is the page's, not the log's.
 */
import type { LogEntryWire, LogPageWire, LogsQuery } from '../../src/api/contract';
import { isTerminal } from '../../src/domain/states';
import type { LogSequence, SimLogEntry } from '../engine/log-sequence';
import type { SimRun } from '../engine/run-model';
import { withRun } from './checks';
import type { ReadContext } from './context';
import type { SimResult } from './result';
import { ok } from './result';
import { iso } from './wire';

export type LogPageQuery = Exclude<LogsQuery, { kind: 'search' }>;

export function logPage(ctx: ReadContext, id: number, query: LogPageQuery): SimResult<LogPageWire> {
  return withRun(ctx, id, (run) => {
    const log = ctx.store.logOf(run).of(query.container);
    const [first, last] = lines(log, query);
    return ok(page(run, log, first, last, query.kind === 'after' ? query.after : 0));
  });
}

export const toEntryWire = (e: SimLogEntry): LogEntryWire => ({
  seq: e.seq,
  time: iso(e.time),
  level: e.level,
  message: e.message,
  container_id: e.containerId,
  line: e.line,
});

/** The lines a form asks for, first to last; last < first is an empty page at `first`. */
function lines(log: LogSequence, query: LogPageQuery): [number, number] {
  switch (query.kind) {
    case 'after': {
      const first = log.countAtMost(query.after) + 1;
      return [first, first + query.limit - 1];
    }
    case 'line': {
      const first = Math.min(query.line, log.size + 1);
      return [first, first + query.limit - 1];
    }
    case 'before': {
      const last = log.countAtMost(query.before - 1);
      return [Math.max(1, last - query.limit + 1), last];
    }
    case 'tail':
      return [Math.max(1, log.size - query.tail + 1), log.size];
    default: {
      const exhaustive: never = query;
      return exhaustive;
    }
  }
}

/**
 * Lines first..last with the cursors around them: `next_after` follows from the page's end (the
 * Run's last seq once the page reaches the log's end, so a caught-up cursor moves past the other
 * logs' seqs), `prev_before` reads the lines before it (null from line 1).
 */
function page(
  run: SimRun,
  log: LogSequence,
  first: number,
  last: number,
  after: number,
): LogPageWire {
  const end = Math.min(last, log.size);
  const atEnd = end >= log.size;
  let prevBefore: number | null = null;
  if (first > 1) prevBefore = end >= first ? log.seqOf(first) : log.seqOf(first - 1) + 1;
  return {
    entries: log.entries(first, end).map(toEntryWire),
    next_after: atEnd ? Math.max(after, run.lastSeq) : log.seqOf(end),
    complete: atEnd && isTerminal(run.state),
    total: log.size,
    prev_before: prevBefore,
  };
}
