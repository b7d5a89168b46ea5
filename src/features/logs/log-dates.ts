/**
 * How a log line's time is written: local or UTC clock time, or relative ("3 minutes ago"), with
 * the date too when the log spans more than one day (SPEC §4). The choice is remembered.
 */
import { formatAbsolute, formatClock, formatRelative } from '../../lib/time';
import type { LogStore } from '../../queries/log-store';

export type TimeMode = 'local' | 'utc' | 'relative';
export const TIME_MODES: readonly TimeMode[] = ['local', 'utc', 'relative'];
export const TIME_MODE_LABELS: Readonly<Record<TimeMode, string>> = {
  local: 'Local time',
  utc: 'UTC',
  relative: 'Relative',
};

export interface LineDates {
  readonly mode: TimeMode;
  /** The log spans more than one day: dates are written too. */
  readonly withDate: boolean;
  /** For relative times. */
  readonly now: number;
}

const localDate = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day a time falls on, in the mode's zone. */
export const dayOf = (time: number, mode: TimeMode): string =>
  mode === 'utc' ? new Date(time).toISOString().slice(0, 10) : localDate.format(time);

/** Whether the lines held span more than one day (first and last held line). */
export function spansDays(store: LogStore, mode: TimeMode): boolean {
  const first = store.segments[0];
  const last = store.segments.at(-1);
  if (!first || !last) return false;
  const a = first.time[0] ?? 0;
  const b = last.time[last.length - 1] ?? 0;
  return dayOf(a, mode) !== dayOf(b, mode);
}

/** "14:03:11", "2026-11-28 14:03:11Z", "3 minutes ago". */
export function formatLineTime(time: number, dates: LineDates): string {
  switch (dates.mode) {
    case 'relative':
      return formatRelative(time, dates.now);
    case 'utc': {
      const iso = new Date(time).toISOString();
      return dates.withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z` : `${iso.slice(11, 19)}Z`;
    }
    default:
      return dates.withDate ? `${localDate.format(time)} ${formatClock(time)}` : formatClock(time);
  }
}

/** The title on hover: the full date and zone. */
export const lineTimeTitle = (time: number): string =>
  `${formatAbsolute(time)} (${new Date(time).toISOString()})`;

const KEY = 'runs-activity.log-time';

export function readTimeMode(): TimeMode {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    return TIME_MODES.find((mode) => mode === stored) ?? 'local';
  } catch {
    return 'local';
  }
}

export function saveTimeMode(mode: TimeMode): void {
  try {
    globalThis.localStorage?.setItem(KEY, mode);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
}
