import { expect, test } from 'vitest';
import { formatDuration, formatRelative } from './time';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const MINUTE = 60_000;

test('a relative time counts whole units down, as a duration does: the two agree side by side', () => {
  const elapsed = 9 * MINUTE + 36_000;
  expect(formatRelative(NOW - elapsed, NOW)).toBe('9 minutes ago');
  expect(formatDuration(elapsed)).toBe('9 minutes');
  expect(formatRelative(NOW - 59_000, NOW)).toBe('59 seconds ago');
  expect(formatDuration(59_000)).toBe('59 seconds');
  expect(formatRelative(NOW - 61 * MINUTE, NOW)).toBe('1 hour ago');
  expect(formatRelative(NOW + 90 * MINUTE, NOW)).toBe('in 1 hour');
  expect(formatRelative(NOW - 25 * 60 * MINUTE, NOW)).toBe('yesterday');
  expect(formatRelative(NOW, NOW)).toBe('now');
});
