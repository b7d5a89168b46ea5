import { useMemo, useState } from 'react';
import { useNow } from '../../lib/now';
import type { LogStore } from '../../queries/log-store';
import type { LineDates, TimeMode } from './log-dates';
import { readTimeMode, saveTimeMode, spansDays } from './log-dates';

/**
 * How line times are written (local / UTC / relative, remembered), with dates when the log
 * spans more than one day. One object while nothing changes, so rows on screen do not render
 * again; relative times tick every second.
 */
export function useLineDates(store: LogStore, version: number) {
  const [mode, setModeState] = useState<TimeMode>(readTimeMode);
  const setMode = (next: TimeMode) => {
    saveTimeMode(next);
    setModeState(next);
  };
  const relative = mode === 'relative';
  const now = useNow(relative);
  const withDate = useMemo(() => {
    void version; // the lines changed
    return spansDays(store, mode);
  }, [store, mode, version]);
  const at = relative ? now : 0;
  const dates: LineDates = useMemo(() => ({ mode, withDate, now: at }), [mode, withDate, at]);
  return { dates, mode, setMode };
}
