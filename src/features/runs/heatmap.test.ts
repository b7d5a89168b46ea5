import { expect, test } from 'vitest';
import { heatLevel, heatmapRange, heatmapWeeks, shiftDay } from './heatmap';

test('the range ends today (UTC) and starts on a Monday 11 weeks earlier', () => {
  // 2026-11-28 is a Saturday.
  const range = heatmapRange(Date.UTC(2026, 10, 28, 23, 30));
  expect(range).toEqual({ startDate: '2026-09-07', endDate: '2026-11-28' });
  expect(new Date(`${range.startDate}T00:00:00Z`).getUTCDay()).toBe(1);
});

test('lays days out in weeks, with empty cells after today', () => {
  const range = { startDate: '2026-09-07', endDate: '2026-11-28' };
  const { weeks, total, max } = heatmapWeeks(range, [
    { date: '2026-11-28', count: 8 },
    { date: '2026-11-27', count: 2 },
    { date: '2026-01-01', count: 99 }, // outside the range: ignored
  ]);
  expect(weeks).toHaveLength(12);
  expect(weeks.every((w) => w.length === 7)).toBe(true);
  expect(total).toBe(10);
  expect(max).toBe(8);
  const last = weeks[11] ?? [];
  expect(last[5]).toEqual({ date: '2026-11-28', count: 8, level: 4 });
  expect(last[4]).toEqual({ date: '2026-11-27', count: 2, level: 1 });
  expect(last[6]).toBeNull();
  expect(weeks[0]?.[0]).toEqual({ date: '2026-09-07', count: 0, level: 0 });
});

test('levels grow with the count relative to the busiest day', () => {
  expect([0, 1, 3, 5, 8].map((c) => heatLevel(c, 8))).toEqual([0, 1, 2, 3, 4]);
  expect(heatLevel(3, 0)).toBe(0);
});

test('shifts days across month ends', () => {
  expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01');
  expect(shiftDay('2026-03-01', -7)).toBe('2026-02-22');
});
