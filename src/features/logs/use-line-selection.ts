import { useCallback, useRef, useState } from 'react';
import type { LineRange } from './line-range';
import { lineRange, parseLineNumber, sameRange } from './line-range';
import { formatCount } from './log-text';

export interface LineSelectionOptions {
  /**
   * The selected lines, kept outside (e.g. in the URL hash); undefined to keep them inside.
   */
  readonly selection: LineRange | null | undefined;
  readonly onSelectionChange: ((range: LineRange | null) => void) | undefined;
  /** Lines the log holds, for go-to-line. */
  readonly lineCount: number;
  readonly announce: (text: string) => void;
}

/**
 * The selected lines (controlled or not): a click selects a line, Shift+click a range from the
 * last line clicked; go-to-line selects a typed line. A line to bring into view (`pendingLine`)
 * is set by go-to-line, by the selection the viewer opens with, and by a selection changed from
 * outside (a followed `#L` link, history navigation); never by a click (that line is on screen).
 */
export function useLineSelection({
  selection,
  onSelectionChange,
  lineCount,
  announce,
}: LineSelectionOptions) {
  const controlled = selection !== undefined;
  const [localSelection, setLocalSelection] = useState<LineRange | null>(null);
  const selected = controlled ? selection : localSelection;
  /** The last selection this viewer made, to tell it from one made outside. */
  const [emitted, setEmitted] = useState<LineRange | null>(null);
  const anchorLine = useRef<number | null>(null);
  /** A line to bring into view once it has arrived. */
  const [pendingLine, setPendingLine] = useState<number | null>(selected?.start ?? null);
  const [seenSelection, setSeenSelection] = useState(selected);
  if (!sameRange(seenSelection, selected)) {
    // The selection changed from outside (a followed #L link, history navigation): show it.
    setSeenSelection(selected);
    if (selected !== null && !sameRange(selected, emitted)) setPendingLine(selected.start);
  }

  const select = useCallback(
    (range: LineRange | null) => {
      setEmitted(range);
      if (!controlled) setLocalSelection(range);
      onSelectionChange?.(range);
    },
    [controlled, onSelectionChange],
  );

  /** A click on a line number; `extend` (Shift) makes a range from the last line clicked. */
  const pick = useCallback(
    (line: number, extend: boolean) => {
      if (extend && anchorLine.current !== null) {
        select(lineRange(anchorLine.current, line));
      } else {
        anchorLine.current = line;
        select(lineRange(line));
      }
    },
    [select],
  );

  const [goToInput, setGoToInput] = useState('');
  /** Selects the line typed in go-to-line and brings it into view, or says there is none. */
  const goTo = () => {
    const line = parseLineNumber(goToInput, lineCount);
    if (line === null) {
      announce(`There is no line ${goToInput} (the log has ${formatCount(lineCount)} lines)`);
      return;
    }
    anchorLine.current = line;
    select(lineRange(line));
    setPendingLine(line);
  };

  const clearPending = useCallback(() => setPendingLine(null), []);

  return {
    selected,
    select,
    pick,
    goToInput,
    setGoToInput,
    goTo,
    /** A line waiting to be brought into view, or null. */
    pendingLine,
    clearPending,
  };
}
