import type { ClipboardEvent, KeyboardEvent, RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { LineRange } from './line-range';
import type { TextSelectionLines } from './copy-lines';
import { copyRange, lineOfNode } from './copy-lines';
import { linesLabel, logText } from './log-text';
import type { LogView } from './log-view';

export interface LogCopyOptions {
  readonly view: LogView;
  readonly selected: LineRange | null;
  /** The scrolling element holding the rows. */
  readonly scrollRef: RefObject<HTMLElement | null>;
  readonly announce: (text: string) => void;
}

/**
 * Copy from the data, never from the DOM alone: a text selection spanning rows that scrolled out
 * of the DOM copies every line between its ends; with no text selected, a copy (Ctrl+C, or the
 * "Copy lines" button through the clipboard) takes the selected lines. Only lines shown count.
 */
export function useLogCopy({ view, selected, scrollRef, announce }: LogCopyOptions) {
  // Where a native text selection starts and ends, remembered while rows scroll out of the DOM.
  const textLines = useRef<{ anchor: number | null; focus: number | null }>({
    anchor: null,
    focus: null,
  });
  useEffect(() => {
    const onSelectionChange = () => {
      const s = document.getSelection();
      if (!s || s.isCollapsed) {
        textLines.current = { anchor: null, focus: null };
        return;
      }
      const anchor = lineOfNode(s.anchorNode, scrollRef.current);
      const focus = lineOfNode(s.focusNode, scrollRef.current);
      if (anchor !== null) textLines.current.anchor = anchor;
      if (focus !== null) textLines.current.focus = focus;
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [scrollRef]);

  const textOf = (range: LineRange) => {
    const entries = view.entriesIn(range);
    return { text: logText(entries), count: entries.length };
  };

  const onCopy = (event: ClipboardEvent) => {
    const s = document.getSelection();
    const text: TextSelectionLines | null = s && !s.isCollapsed ? textLines.current : null;
    const range = copyRange(text, selected);
    if (range === null) return;
    const copied = textOf(range);
    event.clipboardData.setData('text/plain', copied.text);
    event.preventDefault();
    announce(`Copied ${linesLabel(copied.count)}`);
  };

  /** Copies the selected lines through the clipboard. */
  const copySelection = async () => {
    if (!selected) return;
    const copied = textOf(selected);
    try {
      await navigator.clipboard.writeText(copied.text);
      announce(`Copied ${linesLabel(copied.count)}`);
    } catch {
      announce('Copying failed: the browser did not allow access to the clipboard');
    }
  };

  /** Ctrl+C (⌘C) with lines selected and no text selected copies those lines. */
  const onKeyDown = (event: KeyboardEvent) => {
    const isCopy = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c';
    const s = document.getSelection();
    if (isCopy && selected && (!s || s.isCollapsed)) {
      event.preventDefault();
      void copySelection();
    }
  };

  return { onCopy, onKeyDown, copySelection };
}
