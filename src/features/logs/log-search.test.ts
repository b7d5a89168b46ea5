import { expect, test } from 'vitest';
import { clampMatch, matchAnnouncement, matchStatus, stepMatch } from './log-search';

test('next and previous wrap around the matches', () => {
  expect(stepMatch(0, 1, 3)).toBe(1);
  expect(stepMatch(2, 1, 3)).toBe(0);
  expect(stepMatch(0, -1, 3)).toBe(2);
  expect(stepMatch(0, -1, 1)).toBe(0);
});

test('the current match stays within the matches there are', () => {
  expect(clampMatch(4, 10)).toBe(4);
  expect(clampMatch(4, 3)).toBe(2);
  expect(clampMatch(4, 0)).toBe(0);
});

test('the status says "n of m", no matches, or nothing without a search', () => {
  expect(matchStatus(true, 0, 20)).toBe('1 of 20');
  expect(matchStatus(true, 0, 0)).toBe('No matches');
  expect(matchStatus(false, 0, 0)).toBe('');
  expect(matchAnnouncement(1, 20, 10_006)).toBe('Match 2 of 20, line 10006');
});
