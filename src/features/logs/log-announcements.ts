/**
 * What the log's polite live region says as lines arrive, as a plain function: the count once
 * the log has caught up, then new lines (throttled by the announcer), and once that it is final.
 */
import { formatCount, linesLabel } from './log-text';

/** What was announced so far: null before the first count. */
export interface Announced {
  readonly total: number;
  readonly final: boolean;
}

export interface LogSnapshot {
  readonly length: number;
  readonly complete: boolean;
  readonly caughtUp: boolean;
}

export type Announcement =
  | { readonly kind: 'none' }
  /** Say it now; `supersede` drops a throttled count still waiting. */
  | { readonly kind: 'say'; readonly text: string; readonly supersede: boolean }
  /** Add to the throttled "N new lines". */
  | { readonly kind: 'count'; readonly added: number };

export function nextAnnouncement(
  seen: Announced | null,
  log: LogSnapshot,
  label: string,
): { readonly seen: Announced | null; readonly announcement: Announcement } {
  const now = { total: log.length, final: log.complete };
  if (seen === null) {
    if (!log.caughtUp && !log.complete) return { seen, announcement: { kind: 'none' } };
    const text = `${label}: ${linesLabel(log.length)}${log.complete ? ', final' : ''}`;
    return { seen: now, announcement: { kind: 'say', text, supersede: false } };
  }
  if (log.complete && !seen.final) {
    // A streaming log became final: say so (with the lines that came last).
    const text = 'The Run has ended: this log is final';
    return { seen: now, announcement: { kind: 'say', text, supersede: true } };
  }
  return {
    seen: { total: log.length, final: seen.final },
    announcement: { kind: 'count', added: log.length - seen.total },
  };
}

export const newLinesText = (n: number): string =>
  `${formatCount(n)} new ${n === 1 ? 'line' : 'lines'}`;
