/**
 * The container Gantt's geometry and words, as plain functions: over the Run's time span (its
 * start to its end, or now while it runs), each container that started has a waiting gap (from
 * the Run's start to its own) and a bar (its start to its end, or now); the others are listed as
 * not started. Positions are percentages of the span.
 */
import type { ContainerRef, ContainerResult, Run } from '../../domain/run';
import { isActive, stateLabel } from '../../domain/states';
import type { RunState } from '../../domain/states';

/** A bar never thinner than this (percent of the span), so a one-second container shows. */
const MIN_WIDTH = 0.6;

export interface GanttSpan {
  readonly start: number;
  readonly end: number;
}

export type GanttRow =
  | {
      readonly kind: 'bar';
      readonly id: number;
      readonly name: string;
      readonly state: RunState;
      readonly startedAt: number;
      readonly endedAt: number | null;
      /** Percent of the span: the waiting gap, then the bar. */
      readonly wait: { readonly left: number; readonly width: number };
      readonly bar: { readonly left: number; readonly width: number };
      /** "orders: Success, 4 min 12 s" */
      readonly label: string;
    }
  | {
      readonly kind: 'pending';
      readonly id: number;
      readonly name: string;
      readonly label: string;
    };

/** "0 s", "42 s", "4 min 12 s", "1 h 3 min": compact, to the second under an hour. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

export function ganttSpan(run: Pick<Run, 'createdAt' | 'startedAt' | 'endedAt'>, now: number) {
  const start = run.startedAt ?? run.createdAt;
  const end = Math.max(run.endedAt ?? now, start + 1_000);
  return { start, end };
}

const pct = (ms: number, span: GanttSpan) =>
  Math.min(100, Math.max(0, ((ms - span.start) / (span.end - span.start)) * 100));

function barRow(result: ContainerResult, span: GanttSpan, now: number): GanttRow {
  const startedAt = result.startedAt ?? span.start;
  const endedAt = result.endedAt;
  const left = pct(startedAt, span);
  const right = pct(endedAt ?? now, span);
  const width = Math.max(MIN_WIDTH, right - left);
  const took = formatSpan((endedAt ?? now) - startedAt);
  const name = result.container.name;
  return {
    kind: 'bar',
    id: result.container.id,
    name,
    state: result.state,
    startedAt,
    endedAt,
    wait: { left: 0, width: left },
    bar: { left: Math.min(left, 100 - width), width },
    label:
      endedAt === null
        ? `${name}: ${stateLabel(result.state)}, ${took} so far`
        : `${name}: ${stateLabel(result.state)}, ${took}`,
  };
}

/** The rows: started containers in order of their start, then the ones not started. */
export function ganttRows(
  run: Pick<Run, 'state' | 'containers'>,
  results: readonly ContainerResult[],
  span: GanttSpan,
  now: number,
): GanttRow[] {
  const started = results
    .filter((r) => r.startedAt !== null)
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.id - b.id);
  const seen = new Set(started.map((r) => r.container.id));
  const waiting = isActive(run.state) ? 'Not started' : 'Not processed';
  const pending: ContainerRef[] = run.containers.filter((c) => !seen.has(c.id));
  return [
    ...started.map((r) => barRow(r, span, now)),
    ...pending.map((c) => ({
      kind: 'pending' as const,
      id: c.id,
      name: c.name,
      label: `${c.name}: ${waiting}`,
    })),
  ];
}
