/**
 * Which lines a copy takes. Rows scroll out of the DOM while a text selection is dragged, so the
 * lines where it starts and ends are remembered and the copy is made from the data.
 */
import type { LineRange } from './line-range';
import { lineRange } from './line-range';

/** The lines where a native text selection starts and ends, as far as they were seen. */
export interface TextSelectionLines {
  readonly anchor: number | null;
  readonly focus: number | null;
}

/**
 * The lines a copy should give from the data, or null to let the browser copy what it has.
 * `text`: the lines of the native text selection, or null when there is none (collapsed).
 */
export function copyRange(
  text: TextSelectionLines | null,
  selected: LineRange | null,
): LineRange | null {
  if (text === null) return selected;
  const { anchor, focus } = text;
  // Within one line (or outside the rows) the browser's own copy is right.
  if (anchor === null || focus === null || anchor === focus) return null;
  return lineRange(anchor, focus);
}

/** The line number of the log row holding a DOM node, or null. */
export function lineOfNode(node: Node | null, scroller: HTMLElement | null): number | null {
  if (!node || !scroller) return null;
  const element = node instanceof Element ? node : node.parentElement;
  const row = element?.closest<HTMLElement>('[data-line]');
  if (!row || !scroller.contains(row)) {
    // A row that scrolled out of the DOM still knows its line (detached subtree).
    if (row && !row.isConnected) return Number(row.dataset.line);
    return null;
  }
  return Number(row.dataset.line);
}
