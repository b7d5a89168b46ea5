/**
 * The concurrency chart's pure parts (ConcurrencyChart.tsx draws them): the words (the headline,
 * why Runs are queued, the summary a screen reader hears), the bars and the limit line in the
 * SVG's own units, the local hour ticks, and the samples by local hour for the table.
 */
import type { Concurrency, ConcurrencyCounts } from '../../api/map';
import { countOf } from '../../lib/plural';
import { formatShort } from '../../lib/time';

/** The SVG's height in its own units (its width is one unit per sample). */
export const PLOT_HEIGHT = 100;

type Sample = Concurrency['samples'][number];

/** "Now: 3 running, 5 queued (limit 3)". */
export function headline(c: Pick<Concurrency, 'now' | 'workerLimit'>): string {
  const limit = c.workerLimit === null ? '' : ` (limit ${c.workerLimit})`;
  return `Now: ${c.now.running} running, ${c.now.queued} queued${limit}`;
}

/** Why Runs wait, when the answer is plain: every worker is busy. */
export function queuedBecause(c: Pick<Concurrency, 'now' | 'workerLimit'>): string | null {
  const { running, queued } = c.now;
  if (queued === 0 || c.workerLimit === null || running < c.workerLimit) return null;
  return 'Runs are queued because every worker is busy';
}

/** Whether nothing was Running or Queued at any sample. */
export const isQuiet = (c: Pick<Concurrency, 'samples' | 'now'>): boolean =>
  c.now.running === 0 && c.now.queued === 0 && c.samples.every((s) => !s.running && !s.queued);

/** The first sample with the most of `what`, or null when there is none of it. */
function peak(samples: readonly Sample[], what: keyof ConcurrencyCounts): Sample | null {
  let best: Sample | null = null;
  for (const sample of samples) if (sample[what] > (best?.[what] ?? 0)) best = sample;
  return best;
}

/** What the chart shows, in one sentence: the peaks and when, and the limit. */
export function chartSummary(c: Concurrency, hours: number): string {
  const most = (what: keyof ConcurrencyCounts) => {
    const top = peak(c.samples, what);
    return top ? `at most ${top[what]} ${what} (${formatShort(top.time)})` : `none ${what}`;
  };
  const limit = c.workerLimit === null ? '' : `; worker limit ${c.workerLimit}`;
  return `Runs running and queued over the last ${countOf(hours, 'hour')}: ${most('running')}, ${most('queued')}${limit}`;
}

export interface Bar {
  /** Left edge and width, in samples. */
  readonly x: number;
  readonly width: number;
  /** Running: from `runningY` down to the baseline; Queued stacked on top of it. */
  readonly runningY: number;
  readonly runningHeight: number;
  readonly queuedY: number;
  readonly queuedHeight: number;
  readonly sample: Sample;
}

export interface Geometry {
  /** The SVG's viewBox width: one unit per sample. */
  readonly width: number;
  /** The count at the top of the plot. */
  readonly top: number;
  readonly bars: readonly Bar[];
  /** The limit line's height in the plot's units; null without a limit. */
  readonly limitY: number | null;
}

/** The bars of every sample, and the limit line, on a scale with room above the limit. */
export function chartGeometry(c: Concurrency): Geometry {
  const highest = Math.max(0, ...c.samples.map((s) => s.running + s.queued));
  const limit = c.workerLimit;
  const top = Math.max(1, highest, limit === null ? 0 : Math.ceil(limit * 1.25));
  const y = (count: number) => PLOT_HEIGHT - (count / top) * PLOT_HEIGHT;
  const gap = c.samples.length > 60 ? 0.15 : 0.25;
  const bars = c.samples.map((sample, i) => {
    const runningY = y(sample.running);
    const queuedY = y(sample.running + sample.queued);
    return {
      x: i + gap / 2,
      width: 1 - gap,
      runningY,
      runningHeight: PLOT_HEIGHT - runningY,
      queuedY,
      queuedHeight: runningY - queuedY,
      sample,
    };
  });
  return { width: c.samples.length, top, bars, limitY: limit === null ? null : y(limit) };
}

// The hour alone ("9 AM", "09"): seven of them fit the chart's width beside the heatmap.
const hourFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });

export interface Tick {
  /** Where along the axis, 0 to 100 (%). */
  readonly at: number;
  readonly label: string;
  /** Every sixth hour; the others are left out where room is short. */
  readonly major: boolean;
}

/** Local whole hours between the first and last sample, every `every` hours, off the edges. */
export function hourTicks(samples: readonly Pick<Sample, 'time'>[], every = 3): Tick[] {
  const first = samples[0]?.time;
  const last = samples.at(-1)?.time;
  if (first === undefined || last === undefined || last <= first) return [];
  const ticks: Tick[] = [];
  const hour = new Date(first);
  hour.setMinutes(0, 0, 0);
  for (; hour.getTime() <= last; hour.setHours(hour.getHours() + 1)) {
    const time = hour.getTime();
    const at = ((time - first) / (last - first)) * 100;
    if (at < 4 || at > 96 || hour.getHours() % every !== 0) continue;
    ticks.push({ at, label: hourFormat.format(time), major: hour.getHours() % 6 === 0 });
  }
  return ticks;
}

export interface HourRow {
  /** The local hour's start, in ms. */
  readonly hour: number;
  readonly label: string;
  readonly running: number;
  readonly queued: number;
}

/** The most Running and the most Queued of the samples in each local hour, oldest first. */
export function samplesByHour(samples: readonly Sample[]): HourRow[] {
  const rows: HourRow[] = [];
  for (const sample of samples) {
    const start = new Date(sample.time);
    start.setMinutes(0, 0, 0);
    const hour = start.getTime();
    const last = rows.at(-1);
    if (last && last.hour === hour) {
      rows[rows.length - 1] = {
        ...last,
        running: Math.max(last.running, sample.running),
        queued: Math.max(last.queued, sample.queued),
      };
    } else {
      rows.push({ hour, label: formatShort(hour), running: sample.running, queued: sample.queued });
    }
  }
  return rows;
}
