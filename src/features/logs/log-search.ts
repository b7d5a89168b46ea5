/** The search's current match as plain functions: which one, the next one, and what it says. */
import { formatCount } from './log-text';

/** The match shown as current: the chosen one, kept within the matches there are. */
export const clampMatch = (chosen: number, count: number): number =>
  Math.min(chosen, Math.max(0, count - 1));

/** The match `delta` steps from `current`, wrapping around at both ends (`count` > 0). */
export const stepMatch = (current: number, delta: number, count: number): number =>
  (((current + delta) % count) + count) % count;

/** "3 of 20", "No matches", or '' when there is no search. */
export function matchStatus(searching: boolean, current: number, count: number): string {
  if (!searching) return '';
  return count ? `${formatCount(current + 1)} of ${formatCount(count)}` : 'No matches';
}

/** What a screen reader hears on moving to a match. */
export const matchAnnouncement = (current: number, count: number, line: number): string =>
  `Match ${current + 1} of ${count}, line ${line}`;
