import { useCallback, useEffect, useRef, useState } from 'react';

/** New-line announcements are at most this frequent, so a streaming log never floods. */
export const ANNOUNCE_INTERVAL_MS = 10_000;

/**
 * Text for a polite live region. `announce` says something now; `announceCount` reports a
 * growing total ("120 new lines") at most once per interval, summing what arrived meanwhile.
 */
export function useAnnouncer(intervalMs = ANNOUNCE_INTERVAL_MS) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastAt = useRef(0);
  const pendingCount = useRef(0);
  const pendingText = useRef<(n: number) => string>(() => '');

  /** Says `text` now; `supersede` drops a pending count (it would only repeat old news). */
  const announce = useCallback((text: string, supersede = false) => {
    if (supersede) {
      pendingCount.current = 0;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    }
    // Re-announcing the same words needs a change in the region's text.
    setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);

  const flush = useCallback(() => {
    timer.current = null;
    if (pendingCount.current <= 0) return;
    lastAt.current = Date.now();
    announce(pendingText.current(pendingCount.current));
    pendingCount.current = 0;
  }, [announce]);

  const announceCount = useCallback(
    (added: number, text: (n: number) => string) => {
      if (added <= 0) return;
      pendingCount.current += added;
      pendingText.current = text;
      if (timer.current !== null) return;
      const wait = lastAt.current + intervalMs - Date.now();
      if (wait <= 0) flush();
      else timer.current = setTimeout(flush, wait);
    },
    [flush, intervalMs],
  );

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  return { message, announce, announceCount };
}
