/** The daily heatmap's layout: weeks as columns (Monday first), days as rows, UTC days. */
import type { ActivityDay } from '../../api/client';
import { utcDay } from '../../lib/time';

export const HEATMAP_WEEKS = 12;
const DAY_MS = 86_400_000;

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface HeatmapCell {
  readonly date: string;
  readonly count: number;
  readonly level: HeatLevel;
}

export interface HeatmapRange {
  readonly startDate: string;
  readonly endDate: string;
}

/** The last `weeks` whole weeks (Monday to Sunday) up to and including today's UTC day. */
export function heatmapRange(now: number, weeks: number = HEATMAP_WEEKS): HeatmapRange {
  const endDate = utcDay(now);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  const weekday = (new Date(end).getUTCDay() + 6) % 7; // Monday = 0
  const start = end - (weekday + 7 * (weeks - 1)) * DAY_MS;
  return { startDate: utcDay(start), endDate };
}

export function heatLevel(count: number, max: number): HeatLevel {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as HeatLevel;
}

/** Columns of 7 days (Monday..Sunday); days after the range's end are null. */
export function heatmapWeeks(
  range: HeatmapRange,
  days: readonly ActivityDay[],
): { weeks: (HeatmapCell | null)[][]; total: number; max: number } {
  const counts = new Map(days.map((d) => [d.date, d.count]));
  const start = Date.parse(`${range.startDate}T00:00:00Z`);
  const end = Date.parse(`${range.endDate}T00:00:00Z`);
  let max = 0;
  let total = 0;
  for (let t = start; t <= end; t += DAY_MS) {
    const count = counts.get(utcDay(t)) ?? 0;
    max = Math.max(max, count);
    total += count;
  }
  const weeks: (HeatmapCell | null)[][] = [];
  for (let weekStart = start; weekStart <= end; weekStart += 7 * DAY_MS) {
    const week: (HeatmapCell | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const t = weekStart + i * DAY_MS;
      if (t > end) {
        week.push(null);
        continue;
      }
      const date = utcDay(t);
      const count = counts.get(date) ?? 0;
      week.push({ date, count, level: heatLevel(count, max) });
    }
    weeks.push(week);
  }
  return { weeks, total, max };
}

/** Moves a day by `days` (negative to go back). */
export const shiftDay = (date: string, days: number): string =>
  utcDay(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
