import { expect, test } from 'vitest';
import type { ContainerResult } from '../../domain/run';
import { formatSpan, ganttRows, ganttSpan } from './gantt';

const T0 = Date.UTC(2026, 11, 1, 10);
const S = 1_000;
const container = (id: number, name: string) => ({
  id,
  name,
  containerType: 'table',
  tableType: null,
});
const result = (
  id: number,
  name: string,
  state: ContainerResult['state'],
  startedAt: number | null,
  endedAt: number | null,
): ContainerResult => ({
  id,
  container: { id, name, containerType: 'table' },
  state,
  createdAt: T0,
  startedAt,
  endedAt,
  recordsProcessed: 0,
  anomalies: 0,
  fieldsProfiled: null,
  checksSynchronized: null,
  message: null,
});

test('durations are compact, to the second under an hour', () => {
  expect(formatSpan(400)).toBe('0 s');
  expect(formatSpan(42 * S)).toBe('42 s');
  expect(formatSpan(252 * S)).toBe('4 min 12 s');
  expect(formatSpan(300 * S)).toBe('5 min');
  expect(formatSpan(3_780 * S)).toBe('1 h 3 min');
  expect(formatSpan(7_200 * S)).toBe('2 h');
});

test('the span runs from the Run’s start to its end, or to now while it runs', () => {
  expect(ganttSpan({ createdAt: T0, startedAt: T0 + 5 * S, endedAt: T0 + 105 * S }, 0)).toEqual({
    start: T0 + 5 * S,
    end: T0 + 105 * S,
  });
  expect(ganttSpan({ createdAt: T0, startedAt: null, endedAt: null }, T0 + 50 * S)).toEqual({
    start: T0,
    end: T0 + 50 * S,
  });
  // Never an empty span.
  expect(ganttSpan({ createdAt: T0, startedAt: T0, endedAt: T0 }, T0)).toEqual({
    start: T0,
    end: T0 + S,
  });
});

test('bars wait from the Run’s start to their own, in order of start; the rest are not started', () => {
  const span = { start: T0, end: T0 + 100 * S };
  const run = {
    state: 'running' as const,
    containers: [container(1, 'orders'), container(2, 'users'), container(3, 'events')],
  };
  const rows = ganttRows(
    run,
    [
      result(2, 'users', 'running', T0 + 50 * S, null),
      result(1, 'orders', 'success', T0, T0 + 25 * S),
    ],
    span,
    T0 + 80 * S,
  );
  expect(rows.map((r) => r.label)).toEqual([
    'orders: Success, 25 s',
    'users: Running, 30 s so far',
    'events: Not started',
  ]);
  const [orders, users] = rows;
  expect(orders).toMatchObject({ wait: { width: 0 }, bar: { left: 0, width: 25 } });
  expect(users).toMatchObject({ wait: { width: 50 }, bar: { left: 50, width: 30 } });
  // Once the Run has ended, what never started was not processed.
  const ended = ganttRows({ ...run, state: 'aborted' }, [], span, T0);
  expect(ended.map((r) => r.label)).toContain('events: Not processed');
});

test('a one-second container still shows, and no bar leaves the track', () => {
  const span = { start: T0, end: T0 + 10_000 * S };
  const [row] = ganttRows(
    { state: 'success', containers: [container(1, 'tiny')] },
    [result(1, 'tiny', 'success', T0 + 9_999 * S, T0 + 10_000 * S)],
    span,
    T0,
  );
  expect(row).toMatchObject({ kind: 'bar' });
  if (row?.kind !== 'bar') return;
  expect(row.bar.width).toBeGreaterThanOrEqual(0.6);
  expect(row.bar.left + row.bar.width).toBeLessThanOrEqual(100);
});
