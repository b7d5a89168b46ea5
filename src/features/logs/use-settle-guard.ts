import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import type { Settle } from './follow-tail';
import { settleAfterScroll, settleFor } from './follow-tail';

/**
 * Keeps a linked line just brought into view where it is. Right after a history navigation the
 * router restores the scroll positions it remembers for that entry, which would carry the reader
 * away from the linked line: until the reader scrolls themselves (or SETTLE_MS pass), such a move
 * is undone once.
 */
export function useSettleGuard(virtualizer: Virtualizer<HTMLDivElement, Element>) {
  const settle = useRef<Settle | null>(null);

  /** Guards the line at `row`, just brought into view. */
  const arm = useCallback((row: number) => {
    settle.current = settleFor(row, performance.now());
  }, []);

  /** The reader acts (pointer, wheel, keyboard): from now on their scrolling is theirs. */
  const release = useCallback(() => {
    settle.current = null;
  }, []);

  /** After a scroll of `el`: true when it carried the line away and the line was put back. */
  const restore = useCallback(
    (el: HTMLElement): boolean => {
      const target = settle.current;
      if (!target) return false;
      const wanted = virtualizer.getOffsetForIndex(target.row, 'center')?.[0];
      const now = performance.now();
      const verdict = settleAfterScroll(target, now, el.scrollTop, wanted, el.clientHeight);
      if (verdict !== 'keep') settle.current = null;
      if (verdict !== 'restore') return false;
      virtualizer.scrollToIndex(target.row, { align: 'center' });
      return true;
    },
    [virtualizer],
  );

  return { arm, release, restore };
}
