/**
 * Search in one of a Run's logs (docs/api.md "Logs", `q=`): the line numbers whose message, as a
 * reader sees it (colour escapes left out), contains the text, case-insensitive. It reads every
 * stored message; a generated block renders only the lines whose template may hold the text.
 */
import type { LogSearchWire } from '../../src/api/contract';
import { MAX_LOG_MATCHES } from '../../src/api/contract';
import { plainText } from '../engine/ansi';
import { withRun } from './checks';
import type { ReadContext } from './context';
import type { SimResult } from './result';
import { ok } from './result';

/** The text as a case-insensitive pattern (much faster than lower-casing every message). */
const patternOf = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

export function searchLog(
  ctx: ReadContext,
  id: number,
  container: number | null,
  text: string,
): SimResult<LogSearchWire> {
  return withRun(ctx, id, (run) => {
    const log = ctx.store.logOf(run).of(container);
    const pattern = patternOf(text);
    const lines: number[] = [];
    let matches = 0;
    log.search(
      text.toLowerCase(),
      (message) => pattern.test(plainText(message)),
      (line) => {
        matches++;
        if (lines.length < MAX_LOG_MATCHES) lines.push(line);
      },
    );
    return ok({ lines, total_matches: matches, total: log.size });
  });
}
