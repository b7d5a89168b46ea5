/**
 * Where a run of lines may go in a held log: its seqs must increase, and fall between those of
 * the held lines around it (else the server's log is not the one held). Pure, over the segments.
 */
import type { LineInput, Segment } from './log-segment';

/** Seqs of a run, placed from `line` on, fall between those of the held lines around it. */
export function fitsBetween(
  segments: readonly Segment[],
  line: number,
  lines: readonly LineInput[],
): boolean {
  for (let k = 1; k < lines.length; k++) {
    if ((lines[k]?.seq ?? 0) <= (lines[k - 1]?.seq ?? 0)) return false;
  }
  const before = heldSeqBefore(segments, line);
  const after = heldSeqAfter(segments, line + lines.length - 1);
  const first = lines[0]?.seq ?? 0;
  const last = lines.at(-1)?.seq ?? 0;
  return (before === null || before < first) && (after === null || after > last);
}

function heldSeqBefore(segments: readonly Segment[], line: number): number | null {
  for (let k = segments.length - 1; k >= 0; k--) {
    const s = segments[k];
    if (s && s.start < line) return s.seq[Math.min(s.length, line - s.start) - 1] ?? null;
  }
  return null;
}

function heldSeqAfter(segments: readonly Segment[], line: number): number | null {
  for (const s of segments) {
    if (s.end > line) return s.seq[Math.max(0, line + 1 - s.start)] ?? null;
  }
  return null;
}
