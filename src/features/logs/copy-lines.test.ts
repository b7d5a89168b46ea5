import { expect, test } from 'vitest';
import { copyRange } from './copy-lines';
import { lineRange } from './line-range';

test('with no text selected, a copy takes the selected lines (or lets the browser copy)', () => {
  expect(copyRange(null, lineRange(4, 9))).toEqual(lineRange(4, 9));
  expect(copyRange(null, null)).toBeNull();
});

test('a text selection across lines takes every line between its ends, in order', () => {
  expect(copyRange({ anchor: 70, focus: 5 }, lineRange(1))).toEqual(lineRange(5, 70));
  expect(copyRange({ anchor: 5, focus: 70 }, null)).toEqual(lineRange(5, 70));
});

test('a text selection within one line, or outside the rows, is the browser’s to copy', () => {
  expect(copyRange({ anchor: 5, focus: 5 }, lineRange(1))).toBeNull();
  expect(copyRange({ anchor: null, focus: 8 }, lineRange(1))).toBeNull();
  expect(copyRange({ anchor: 3, focus: null }, null)).toBeNull();
});
