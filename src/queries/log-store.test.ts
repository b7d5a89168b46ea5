import { expect, test } from 'vitest';
import type { LogEntry } from '../api/map';
import { LogStore } from './log-store';

const entry = (seq: number, level: LogEntry['level'] = 'info'): LogEntry => ({
  seq,
  time: Date.UTC(2026, 10, 28, 12, 0, seq),
  level,
  message: `line ${seq}`,
  containerId: null,
});

const page = (seqs: number[], nextAfter: number, complete = false) => ({
  entries: seqs.map((s) => entry(s, s % 10 === 0 ? 'warning' : 'info')),
  nextAfter,
  complete,
});

test('appends pages in order, counts levels and moves the cursor', () => {
  const store = new LogStore();
  expect(store.append(page([1, 2, 3], 3), false)).toBe(3);
  expect(store.append(page([4, 10], 12), true)).toBe(2);
  expect(store.length).toBe(5);
  expect(store.cursor).toBe(12);
  expect(store.counts).toEqual({ info: 4, warning: 1, error: 0 });
  expect(store.at(4).seq).toBe(10);
  expect(store.caughtUp).toBe(true);
  expect(store.complete).toBe(false);
});

test('never holds a line twice when a page arrives again', () => {
  const store = new LogStore();
  store.append(page([1, 2, 3], 3), true);
  expect(store.append(page([2, 3, 4], 4), true)).toBe(1);
  expect(store.range(0, store.length).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
});

test('notifies subscribers when something changes, and only then', () => {
  const store = new LogStore();
  let calls = 0;
  const unsubscribe = store.subscribe(() => calls++);
  store.append(page([], 0), true); // first answer: loaded
  store.append(page([], 0), true); // nothing new
  store.append(page([1], 1), true);
  store.append(page([], 1, true), true); // complete
  unsubscribe();
  store.append(page([2], 2), true);
  expect(calls).toBe(3);
  expect(store.complete).toBe(true);
});

test('a counts object is replaced, not mutated, when lines arrive', () => {
  const store = new LogStore();
  store.append(page([1], 1), true);
  const before = store.counts;
  store.append(page([10], 10), true);
  expect(before).toEqual({ info: 1, warning: 0, error: 0 });
  expect(store.counts).toEqual({ info: 1, warning: 1, error: 0 });
});
