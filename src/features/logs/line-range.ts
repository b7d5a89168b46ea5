/**
 * Line links: `#L120` or `#L120-L140` (1-based line numbers of the log, GitHub's notation).
 */
export interface LineRange {
  /** First line, 1-based. */
  readonly start: number;
  /** Last line, inclusive; ≥ start. */
  readonly end: number;
}

export const lineRange = (a: number, b: number = a): LineRange =>
  a <= b ? { start: a, end: b } : { start: b, end: a };

/** `#L120`, `L120`, `L120-L140` or `L120-140` → the range; anything else → null. */
export function parseLineHash(hash: string): LineRange | null {
  const match = /^#?L(\d{1,9})(?:-L?(\d{1,9}))?$/.exec(hash.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start < 1 || end < 1) return null;
  return lineRange(start, end);
}

/** The hash (without `#`) for a range: `L120`, `L120-L140`; '' for none. */
export function formatLineHash(range: LineRange | null): string {
  if (range === null) return '';
  return range.start === range.end ? `L${range.start}` : `L${range.start}-L${range.end}`;
}

export const sameRange = (a: LineRange | null, b: LineRange | null): boolean =>
  a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);

export const rangeSize = (range: LineRange): number => range.end - range.start + 1;

export const containsLine = (range: LineRange | null, line: number): boolean =>
  range !== null && line >= range.start && line <= range.end;

/** A line number typed by the reader, when the log has it (1 to `lineCount`); else null. */
export function parseLineNumber(text: string, lineCount: number): number | null {
  const line = Number(text);
  return Number.isInteger(line) && line >= 1 && line <= lineCount ? line : null;
}
