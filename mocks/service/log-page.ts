/**
 * A page of one Run's log (SPEC §3): entries with `seq > after` of one scope (the Run-level log, or
 * a container's), oldest first, at most LOG_PAGE_LIMIT, with the cursor to follow from.
 */
import type { LogPageWire } from '../../src/api/contract';
import { LOG_PAGE_LIMIT } from '../../src/api/contract';
import { isTerminal } from '../../src/domain/states';
import { findRun } from './checks';
import type { ReadContext } from './context';
import type { SimResult } from './result';
import { ok } from './result';
import { iso } from './wire';

export function logPage(
  ctx: ReadContext,
  id: number,
  after: number,
  container: number | null,
): SimResult<LogPageWire> {
  const found = findRun(ctx, id);
  if ('status' in found) return found;
  const log = ctx.store.logOf(found);
  // Binary search for the first entry with seq > after.
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((log[mid]?.seq ?? 0) <= after) lo = mid + 1;
    else hi = mid;
  }
  const entries: LogPageWire['entries'] = [];
  let i = lo;
  for (; i < log.length && entries.length < LOG_PAGE_LIMIT; i++) {
    const e = log[i];
    if (!e || e.containerId !== container) continue;
    entries.push({
      seq: e.seq,
      time: iso(e.time),
      level: e.level,
      message: e.message,
      container_id: e.containerId,
    });
  }
  // Everything before index i was scanned: the cursor can move past it.
  const scannedAll = i >= log.length;
  const lastScanned = i > 0 ? (log[i - 1]?.seq ?? after) : after;
  const nextAfter = Math.max(after, scannedAll ? (log[log.length - 1]?.seq ?? after) : lastScanned);
  return ok({ entries, next_after: nextAfter, complete: scannedAll && isTerminal(found.state) });
}
