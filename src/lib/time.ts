/** Time formatting in the user's locale and time zone (Intl). */
import { countOf } from './plural';

const absoluteFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

const shortFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "Nov 28, 2026, 14:03:11 GMT+1" — absolute, with the zone. */
export const formatAbsolute = (ms: number): string => absoluteFormat.format(ms);

/** "Nov 28, 14:03" — compact, for dense places. */
export const formatShort = (ms: number): string => shortFormat.format(ms);

/** "14:03:11" — for log timestamps. */
export const formatClock = (ms: number): string => timeFormat.format(ms);

/** The user's time zone, e.g. "Europe/Paris". */
export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "3 minutes ago", "in 2 hours", "yesterday". */
export function formatRelative(ms: number, now: number): string {
  // Whole units, counted down like durations are ("9 minutes ago" beside "Running for 9 minutes").
  const diff = ms - now;
  const abs = Math.abs(diff);
  const whole = (unit: number) => Math.trunc(diff / unit) || 0;
  if (abs < 60_000) return relativeFormat.format(whole(1000), 'second');
  if (abs < 3_600_000) return relativeFormat.format(whole(60_000), 'minute');
  if (abs < 86_400_000) return relativeFormat.format(whole(3_600_000), 'hour');
  if (abs < 30 * 86_400_000) return relativeFormat.format(whole(86_400_000), 'day');
  return relativeFormat.format(whole(30 * 86_400_000), 'month');
}

/** "38 minutes", "1 hour 5 minutes", "42 seconds", "2 days 3 hours". */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return countOf(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return countOf(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${countOf(hours, 'hour')} ${countOf(rest, 'minute')}` : countOf(hours, 'hour');
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${countOf(days, 'day')} ${countOf(rest, 'hour')}` : countOf(days, 'day');
}

/** A UTC calendar day "YYYY-MM-DD" for an instant (the API's date parameters are UTC days). */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const formatCount = (n: number): string => n.toLocaleString();

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Sat, Nov 28, 2026" for a UTC calendar day "YYYY-MM-DD" (the API's days are UTC days). */
export const formatDay = (day: string): string => dayFormat.format(Date.parse(`${day}T00:00:00Z`));

/** "Updated 3 s ago" style: the age of something in seconds, minutes or hours. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h`;
}
