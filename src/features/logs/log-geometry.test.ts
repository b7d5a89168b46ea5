import fc from 'fast-check';
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

test('property: for any log length, row height and viewport, every line is reachable and maps back exactly', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5_000_000 }),
      fc.integer({ min: 12, max: 40 }),
      fc.integer({ min: 100, max: 2_000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom<'start' | 'center' | 'end'>('start', 'center', 'end'),
      (rows, rowHeight, viewport, at, align) => {
        const g = { rows, rowHeight, viewport };
        expect(scrollHeight(g)).toBeLessThanOrEqual(MAX_SCROLL_PX);
        const row = Math.min(rows - 1, Math.floor(at * rows));
        // Brought into view by number: the scroll position for it shows it, whole if it fits.
        const top = rowForAlign(g, row, align);
        const s = scrollForRow(g, top);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(Math.max(0, scrollHeight(g) - viewport));
        // The scroll position maps back to the same place in rows.
        expect(rowAtScroll(g, s)).toBeCloseTo(top, 6);
        const w = rowWindow(g, rowAtScroll(g, s), s, 0);
        expect(row).toBeGreaterThanOrEqual(w.first);
        expect(row).toBeLessThanOrEqual(w.last);
        const y = w.offset + (row - w.first) * rowHeight - s;
        expect(y).toBeGreaterThanOrEqual(-1e-6);
        if (rowHeight <= viewport) expect(y + rowHeight).toBeLessThanOrEqual(viewport + 1e-6);
        // The end of the scroll range is the last line at the bottom.
        expect(rowAtScroll(g, scrollHeight(g) - viewport)).toBeCloseTo(maxRow(g), 6);
      },
    ),
    { numRuns: 500 },
  );
});
