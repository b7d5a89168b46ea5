import { expect, test } from 'vitest';
import type { LogLevel } from '../../api/contract';
import type { LogEntry } from '../../api/map';
import { LogStore } from '../../queries/log-store';
import { lineRange } from './line-range';
import { LogView, lowerBound } from './log-view';

const levelOf = (seq: number): LogLevel =>
  seq % 7 === 0 ? 'error' : seq % 3 === 0 ? 'warning' : 'info';

function storeOf(count: number, from = 1): LogStore {
  const store = new LogStore();
  append(store, from, count);
  return store;
}

function append(store: LogStore, from: number, count: number) {
  const entries: LogEntry[] = [];
  for (let seq = from; seq < from + count; seq++) {
    entries.push({
      seq,
      time: 0,
      level: levelOf(seq),
      message: seq === 4242 ? 'Needle in the HAYSTACK' : `Processed partition ${seq}`,
      containerId: null,
    });
  }
  store.append({ entries, nextAfter: from + count - 1, complete: false }, true);
}

const ALL = new Set<LogLevel>(['info', 'warning', 'error']);

test('with every level shown, rows are lines', () => {
  const view = new LogView(storeOf(100), ALL, '').sync();
  expect(view.rowCount).toBe(100);
  expect(view.indexAt(41)).toBe(41);
  expect(view.rowOf(41)).toBe(41);
});

test('the level filter keeps only those lines, in order', () => {
  const store = storeOf(100);
  const view = new LogView(store, new Set<LogLevel>(['error']), '').sync();
  expect(view.rowCount).toBe(14);
  expect(store.at(view.indexAt(0)).seq).toBe(7);
  expect(view.rowOf(13)).toBe(1); // seq 14 is the second error
  expect(view.rowOf(0)).toBe(-1); // seq 1 is hidden
});

test('search covers every line held, case-insensitively, and follows new lines', () => {
  const store = storeOf(10_000);
  const view = new LogView(store, ALL, '  haystack ').sync();
  expect(view.query).toBe('haystack');
  expect(view.matches).toEqual([4241]);
  append(store, 10_001, 100);
  const more = new LogView(store, ALL, 'partition 1010').sync();
  expect(more.matches.map((row) => store.at(more.indexAt(row)).seq)).toEqual([1010, 10100]);
});

test('sync only looks at lines that arrived since the last call', () => {
  const store = storeOf(10);
  const view = new LogView(store, new Set<LogLevel>(['info', 'warning']), 'partition').sync();
  const before = view.rowCount;
  view.sync();
  expect(view.rowCount).toBe(before);
  append(store, 11, 10);
  view.sync();
  expect(view.rowCount).toBe(before + 9); // seq 14 is an error
  expect(view.matches).toHaveLength(view.rowCount);
});

test('a row knows its line and entry; a line its row, and copy takes the lines shown', () => {
  const store = storeOf(100);
  const view = new LogView(store, new Set<LogLevel>(['error']), '').sync();
  expect(view.lineAt(1)).toBe(14);
  expect(view.entryAt(1).seq).toBe(14);
  expect(view.rowOfLine(14)).toBe(1);
  expect(view.rowOfLine(13)).toBe(-1); // hidden by the filter
  expect(view.entriesIn(lineRange(1, 30)).map((entry) => entry.seq)).toEqual([7, 14, 21, 28]);
  const all = new LogView(store, ALL, '').sync();
  expect(all.rowOfLine(101)).toBe(-1); // not held (yet)
  expect(all.entriesIn(lineRange(99, 120))).toHaveLength(2);
});

test('lowerBound finds the first position at or above a value', () => {
  expect(lowerBound([1, 3, 5], 0)).toBe(0);
  expect(lowerBound([1, 3, 5], 3)).toBe(1);
  expect(lowerBound([1, 3, 5], 4)).toBe(2);
  expect(lowerBound([1, 3, 5], 9)).toBe(3);
});
