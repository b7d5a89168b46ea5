import { expect, test } from 'vitest';
import type { LogLevel } from '../../api/contract';
import type { LogEntry } from '../../api/map';
import { LogStore } from '../../queries/log-store';
import { lineRange } from './line-range';
import { LogView, lowerBound } from './log-view';

const levelOf = (line: number): LogLevel =>
  line % 7 === 0 ? 'error' : line % 3 === 0 ? 'warning' : 'info';

/** Lines `from` to `from + count - 1` (seq = line), with their total. */
function place(store: LogStore, from: number, count: number, total = from + count - 1) {
  const entries: LogEntry[] = [];
  for (let line = from; line < from + count; line++) {
    entries.push({
      seq: line,
      time: 0,
      level: levelOf(line),
      message: line === 4242 ? 'Needle in the HAYSTACK' : `Processed partition ${line}`,
      containerId: null,
      line,
    });
  }
  store.place(entries, { total });
}

function storeOf(count: number): LogStore {
  const store = new LogStore();
  place(store, 1, count);
  return store;
}

const ALL = new Set<LogLevel>(['info', 'warning', 'error']);

test('with every level shown, rows are the log’s lines, held or not', () => {
  const store = new LogStore();
  place(store, 901, 100, 1000);
  const view = new LogView(store, ALL, '').sync();
  expect(view.rowCount).toBe(1000);
  expect(view.lineAt(41)).toBe(42);
  expect(view.entryAt(41)).toBeNull(); // not held yet: a placeholder
  expect(view.entryAt(999)?.seq).toBe(1000);
  expect(view.rowOfLine(1001)).toBe(-1);
});

test('the level filter keeps only the held lines of those levels, in order', () => {
  const view = new LogView(storeOf(100), new Set<LogLevel>(['error']), '').sync();
  expect(view.rowCount).toBe(14);
  expect(view.lineAt(0)).toBe(7);
  expect(view.rowOfLine(14)).toBe(1);
  expect(view.rowOfLine(13)).toBe(-1); // hidden by the filter
  expect(view.entriesIn(lineRange(1, 30)).map((entry) => entry.seq)).toEqual([7, 14, 21, 28]);
});

test('search covers every line held, case-insensitively, one match a line, and follows new lines', () => {
  const store = storeOf(10_000);
  const view = new LogView(store, ALL, '  haystack ').sync();
  expect(view.query).toBe('haystack');
  expect(view.matches).toEqual([4241]);
  place(store, 10_001, 100);
  const more = new LogView(store, ALL, 'partition 1010').sync();
  expect(more.matches.map((row) => more.lineAt(row))).toEqual([1010, 10100]);
  expect(more.matchCount).toBe(2);
});

test('while the log is not whole, matches come from the server (with its count)', () => {
  const store = new LogStore();
  place(store, 991, 10, 1000);
  const view = new LogView(store, ALL, 'x', { lines: [5, 995], totalMatches: 12_000 }).sync();
  expect(view.searchedOnServer).toBe(true);
  expect(view.matches).toEqual([4, 994]);
  expect(view.matchCount).toBe(12_000);
});

test('sync takes in what arrived since the last call', () => {
  const store = storeOf(10);
  const view = new LogView(store, new Set<LogLevel>(['info', 'warning']), 'partition').sync();
  const before = view.rowCount;
  place(store, 11, 10);
  view.sync();
  expect(view.rowCount).toBe(before + 9); // line 14 is an error
  expect(view.matches).toHaveLength(view.rowCount);
});

test('lowerBound finds the first position at or above a value', () => {
  expect(lowerBound([1, 3, 5], 0)).toBe(0);
  expect(lowerBound([1, 3, 5], 3)).toBe(1);
  expect(lowerBound([1, 3, 5], 4)).toBe(2);
  expect(lowerBound([1, 3, 5], 9)).toBe(3);
});
