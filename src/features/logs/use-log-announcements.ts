import { useEffect, useRef } from 'react';
import type { LogStore } from '../../queries/log-store';
import type { Announced } from './log-announcements';
import { newLinesText, nextAnnouncement } from './log-announcements';
import { assertNever } from '../../domain/assert-never';

export interface LogAnnouncementsOptions {
  readonly store: LogStore;
  /** Changes whenever lines arrive. */
  readonly version: number;
  /** The log's accessible name, e.g. "Run #56 log". */
  readonly label: string;
  readonly announce: (text: string, supersede?: boolean) => void;
  readonly announceCount: (added: number, text: (n: number) => string) => void;
}

/** Tells the live region how the log grows: its count, new lines (throttled), "final". */
export function useLogAnnouncements({
  store,
  version,
  label,
  announce,
  announceCount,
}: LogAnnouncementsOptions) {
  const seen = useRef<Announced | null>(null);
  useEffect(() => {
    const snapshot = { length: store.total, complete: store.complete, caughtUp: store.caughtUp };
    const next = nextAnnouncement(seen.current, snapshot, label);
    seen.current = next.seen;
    const { announcement } = next;
    switch (announcement.kind) {
      case 'none':
        break;
      case 'say':
        announce(announcement.text, announcement.supersede);
        break;
      case 'count':
        announceCount(announcement.added, newLinesText);
        break;
      default:
        assertNever(announcement, 'announcement');
    }
  }, [version, store, label, announce, announceCount]);
}
