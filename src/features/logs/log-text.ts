/** Log lines as text: for copy, download, highlighting and labels. */
import type { LogLevel } from '../../api/contract';
import type { LogEntry } from '../../api/map';
import { assertNever } from '../../domain/assert-never';

const countFormat = new Intl.NumberFormat();
/** "100,040" — one shared formatter: the viewer renders on every scroll frame. */
export const formatCount = (n: number): string => countFormat.format(n);

/** "1 line", "100,040 lines". */
export const linesLabel = (n: number): string => `${formatCount(n)} ${n === 1 ? 'line' : 'lines'}`;

export function levelLabel(level: LogLevel): string {
  switch (level) {
    case 'info':
      return 'Info';
    case 'warning':
      return 'Warning';
    case 'error':
      return 'Error';
    default:
      return assertNever(level, 'log level');
  }
}

/** The short tag shown on each line (level is never shown by colour alone). */
export function levelTag(level: LogLevel): string {
  switch (level) {
    case 'info':
      return 'INFO';
    case 'warning':
      return 'WARN';
    case 'error':
      return 'ERROR';
    default:
      return assertNever(level, 'log level');
  }
}

/** One line of a copied or downloaded log: ISO time (UTC), level, message. */
export const formatLogLine = (entry: LogEntry): string =>
  `${new Date(entry.time).toISOString()} ${levelTag(entry.level).padEnd(5)} ${entry.message}`;

export const logText = (entries: readonly LogEntry[]): string =>
  entries.map(formatLogLine).join('\n') + (entries.length ? '\n' : '');

export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

/** Splits a text around every case-insensitive occurrence of `query` (already lower-cased). */
export function highlightParts(text: string, query: string): readonly TextPart[] {
  if (!query) return [{ text, match: false }];
  const lower = text.toLowerCase();
  // Lower-casing can change the length of some characters; then highlight nothing rather than
  // the wrong characters.
  if (lower.length !== text.length) return [{ text, match: false }];
  const parts: TextPart[] = [];
  let from = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, at + query.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + query.length), match: true });
    from = at + query.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts.length ? parts : [{ text, match: false }];
}
