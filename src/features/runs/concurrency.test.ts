/**
 * The concurrency chart's pure parts: the headline and why Runs wait, the summary sentence, the
 * bars and the limit line in the SVG's units, the local hour ticks and the samples by hour.
 */
import { expect, test } from 'vitest';
import type { Concurrency } from '../../api/map';
import { formatShort } from '../../lib/time';
import {
  PLOT_HEIGHT,
  chartGeometry,
  chartSummary,
  headline,
  hourTicks,
  isQuiet,
  queuedBecause,
  samplesByHour,
} from './concurrency';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A local whole hour, so that the hour tests read the same in every time zone. */
const START = new Date(2026, 10, 28, 9, 0, 0, 0).getTime();

function concurrency(counts: readonly [number, number][], workerLimit: number | null = 3) {
  const samples = counts.map(([running, queued], i) => ({
    time: START + i * 15 * MINUTE,
    running,
    queued,
  }));
  const last = samples.at(-1) ?? { running: 0, queued: 0 };
  return {
    workerLimit,
    now: { running: last.running, queued: last.queued },
    samples,
  } satisfies Concurrency;
}

test('the headline says now and the limit; the reason only when every worker is busy', () => {
  const busy = concurrency([[3, 5]]);
  expect(headline(busy)).toBe('Now: 3 running, 5 queued (limit 3)');
  expect(queuedBecause(busy)).toBe('Runs are queued because every worker is busy');
  expect(queuedBecause(concurrency([[2, 1]]))).toBeNull();
  expect(queuedBecause(concurrency([[3, 0]]))).toBeNull();
  const unknown = concurrency([[3, 5]], null);
  expect(headline(unknown)).toBe('Now: 3 running, 5 queued');
  expect(queuedBecause(unknown)).toBeNull();
});

test('quiet only when nothing ran or waited at any sample', () => {
  expect(
    isQuiet(
      concurrency([
        [0, 0],
        [0, 0],
      ]),
    ),
  ).toBe(true);
  expect(
    isQuiet(
      concurrency([
        [0, 1],
        [0, 0],
      ]),
    ),
  ).toBe(false);
});

test('the summary tells the peaks, when they were first reached, and the limit', () => {
  const c = concurrency([
    [1, 0],
    [3, 0],
    [3, 2],
    [2, 4],
    [0, 0],
  ]);
  expect(chartSummary(c, 24)).toBe(
    `Runs running and queued over the last 24 hours: at most 3 running (${formatShort(START + 15 * MINUTE)}), at most 4 queued (${formatShort(START + 45 * MINUTE)}); worker limit 3`,
  );
  expect(chartSummary(concurrency([[0, 0]], null), 1)).toBe(
    'Runs running and queued over the last 1 hour: none running, none queued',
  );
});

test('bars stack Queued on Running, one per sample; the limit line sits below the top', () => {
  const g = chartGeometry(
    concurrency([
      [0, 0],
      [2, 0],
      [3, 5],
    ]),
  );
  // The top is the most at once (8), above the limit and its room (ceil(3 × 1.25) = 4).
  expect(g.top).toBe(8);
  expect(g.width).toBe(3);
  const [empty, two, full] = g.bars;
  expect(empty).toMatchObject({ runningHeight: 0, queuedHeight: 0, runningY: PLOT_HEIGHT });
  expect(two).toMatchObject({ runningY: 75, runningHeight: 25, queuedY: 75, queuedHeight: 0 });
  expect(full).toMatchObject({
    runningY: 62.5,
    runningHeight: 37.5,
    queuedY: 0,
    queuedHeight: 62.5,
  });
  expect(full?.x).toBeCloseTo(2.125);
  expect(full?.width).toBeCloseTo(0.75);
  expect(g.limitY).toBe(62.5);
  // With little going on, the limit keeps room above it; without one, there is no line.
  expect(chartGeometry(concurrency([[1, 0]])).top).toBe(4);
  expect(chartGeometry(concurrency([[1, 0]])).limitY).toBe(25);
  expect(chartGeometry(concurrency([[0, 0]], null))).toMatchObject({ top: 1, limitY: null });
});

test('hour ticks fall on local whole hours, every third, none at the edges', () => {
  const day = concurrency(Array.from({ length: 97 }, () => [0, 0] as [number, number]));
  const ticks = hourTicks(day.samples);
  // 09:00 is the left edge; 12:00, 15:00, … 06:00 the next day inside.
  expect(ticks).toHaveLength(7);
  expect(ticks[0]?.at).toBeCloseTo(12.5);
  expect(ticks.map((t) => t.label)).toEqual(
    [12, 15, 18, 21, 0, 3, 6].map((h) =>
      new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).format(
        new Date(2026, 10, 28, h).getTime(),
      ),
    ),
  );
  expect(ticks.map((t) => t.major)).toEqual([true, false, true, false, true, false, true]);
  expect(hourTicks(day.samples.slice(0, 1))).toEqual([]);
});

test('the table gives, for each local hour, the most Running and the most Queued', () => {
  const rows = samplesByHour(
    concurrency([
      [1, 0],
      [3, 2],
      [2, 4],
      [0, 0],
      [1, 1],
    ]).samples,
  );
  expect(rows).toEqual([
    { hour: START, label: formatShort(START), running: 3, queued: 4 },
    { hour: START + HOUR, label: formatShort(START + HOUR), running: 1, queued: 1 },
  ]);
});
