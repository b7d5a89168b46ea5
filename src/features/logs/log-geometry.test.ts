import { expect, test } from 'vitest';
import {
  MAX_SCROLL_PX,
  maxRow,
  rowAtScroll,
  rowForAlign,
  rowWindow,
  scrollForRow,
  scrollHeight,
} from './log-geometry';

test('up to the cap, one pixel of scroll is one pixel of rows', () => {
  const g = { rows: 100_000, rowHeight: 20, viewport: 600 };
  expect(scrollHeight(g)).toBe(2_000_000);
  expect(scrollForRow(g, 500)).toBe(10_000);
  expect(rowAtScroll(g, 10_010)).toBe(500.5);
  expect(rowWindow(g, 500, 10_000, 12)).toEqual({ first: 488, last: 543, offset: 9_760 });
});

test('a million lines fit under the browser’s limit, and every line is reachable exactly', () => {
  const g = { rows: 1_000_000, rowHeight: 20, viewport: 600 };
  expect(scrollHeight(g)).toBe(MAX_SCROLL_PX);
  // The last line at the bottom is the end of the scroll range.
  expect(scrollForRow(g, maxRow(g))).toBe(MAX_SCROLL_PX - 600);
  for (const line of [1, 123_457, 999_999, 1_000_000]) {
    const top = rowForAlign(g, line - 1, 'center');
    const s = scrollForRow(g, top);
    const w = rowWindow(g, top, s, 0);
    const y = w.offset + (line - 1 - w.first) * 20 - s; // the line's place in the viewport
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(580);
  }
});
