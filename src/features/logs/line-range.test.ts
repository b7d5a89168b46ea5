import { expect, test } from 'vitest';
import { formatLineHash, lineRange, parseLineHash, sameRange } from './line-range';

test('reads line links with or without #, single lines and ranges', () => {
  expect(parseLineHash('#L120')).toEqual({ start: 120, end: 120 });
  expect(parseLineHash('L120')).toEqual({ start: 120, end: 120 });
  expect(parseLineHash('L120-L140')).toEqual({ start: 120, end: 140 });
  expect(parseLineHash('#L140-120')).toEqual({ start: 120, end: 140 });
});

test('anything else is no line link', () => {
  for (const hash of ['', '#', 'L', 'L0', 'Lx', 'line120', 'L12a', '#L-3', 'L1-L0'])
    expect(parseLineHash(hash)).toBeNull();
});

test('writes single lines and ranges and round-trips', () => {
  expect(formatLineHash(lineRange(7))).toBe('L7');
  expect(formatLineHash(lineRange(9, 3))).toBe('L3-L9');
  expect(formatLineHash(null)).toBe('');
  expect(parseLineHash(formatLineHash(lineRange(3, 9)))).toEqual(lineRange(3, 9));
  expect(sameRange(lineRange(3, 9), lineRange(9, 3))).toBe(true);
  expect(sameRange(lineRange(3), null)).toBe(false);
});
