import { expect, test } from 'vitest';
import {
  containsLine,
  formatLineHash,
  lineRange,
  parseLineHash,
  parseLineNumber,
  sameRange,
} from './line-range';

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

test('a range holds the lines from its start to its end', () => {
  expect(containsLine(lineRange(4, 9), 4)).toBe(true);
  expect(containsLine(lineRange(4, 9), 9)).toBe(true);
  expect(containsLine(lineRange(4, 9), 10)).toBe(false);
  expect(containsLine(null, 4)).toBe(false);
});

test('go-to-line takes a whole number within the log', () => {
  expect(parseLineNumber('120', 200)).toBe(120);
  expect(parseLineNumber(' 7 ', 200)).toBe(7);
  for (const text of ['', '0', '201', '-3', '1.5', 'L12', 'x'])
    expect(parseLineNumber(text, 200)).toBeNull();
});
