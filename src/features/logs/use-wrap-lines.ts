import type { Virtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Line wrapping. Wrapping changes every row's height: the rows are measured again, keeping the
 * top line where it was (once at once, and once more when the rows in view have been measured).
 * While following, the newest line stays in view instead.
 */
export function useWrapLines(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scrollRef: RefObject<HTMLDivElement | null>,
  following: boolean,
) {
  const [wrap, setWrapState] = useState(false);
  const anchor = useRef<number | null>(null);

  const setWrap = (next: boolean) => {
    const el = scrollRef.current;
    anchor.current =
      el && !following ? (virtualizer.getVirtualItemForOffset(el.scrollTop)?.index ?? null) : null;
    setWrapState(next);
  };

  useLayoutEffect(() => {
    virtualizer.measure();
    const row = anchor.current;
    anchor.current = null;
    if (row === null) return;
    virtualizer.scrollToIndex(row, { align: 'start' });
    const frame = requestAnimationFrame(() => virtualizer.scrollToIndex(row, { align: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [wrap, virtualizer]);

  return { wrap, setWrap };
}
