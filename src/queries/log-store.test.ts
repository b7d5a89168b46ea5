import { expect, test } from 'vitest';
import type { LogEntry } from '../api/map';
import { LogStore } from './log-store';

const entry = (line: number, seq = line * 2, message = `line ${line}`): LogEntry => ({
  seq,
  time: line * 1000,
  level: line % 10 === 0 ? 'error' : 'info',
  message,
  containerId: null,
  line,
});
const lines = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));

test('holds lines at their numbers in any order, each once, with the gaps known', () => {
  const store = new LogStore();
  expect(store.place(lines(91, 100), { total: 100 }).added).toBe(10);
  expect(store.place(lines(1, 10)).added).toBe(10);
  expect(store.place(lines(5, 20)).added).toBe(10); // 5–10 already held
  expect(store.total).toBe(100);
  expect(store.held).toBe(30);
  expect(store.gaps(1, 100)).toEqual([{ start: 21, end: 90 }]);
  expect(store.entryAt(95)).toEqual(entry(95));
  expect(store.counts).toEqual({ info: 27, warning: 0, error: 3 });
  expect(store.lastSeq).toBe(200);
});

test('a line held with another seq, or a total below the lines held, is a conflict', () => {
  const store = new LogStore();
  store.place(lines(1, 10), { total: 10 });
  expect(store.place([entry(5, 999)]).conflict).toBe('changed');
  expect(store.place([entry(11, 1)]).conflict).toBe('changed'); // seq out of order
  expect(store.place([], { total: 8 }).conflict).toBe('shrank');
  expect(store.held).toBe(10);
});

test('live appends one line at a time stay in a few chunks', () => {
  const store = new LogStore();
  for (let line = 1; line <= 3_000; line++) store.place([entry(line)]);
  expect([...store.chunks()].length).toBeLessThan(10);
  expect(store.entryAt(2_999)?.message).toBe('line 2999');
});

test('keeps the original text of a line with control sequences; its plain text is searched', () => {
  const store = new LogStore();
  const coloured = '\u001b[31mRED\u001b[0m and \u001b]8;;http://x\u0007link\u001b]8;;\u0007\u0007';
  store.place([entry(1, 2, coloured)]);
  expect(store.entryAt(1)?.message).toBe(coloured);
  expect([...store.chunks()][0]?.text).toBe('RED and link');
});

test('numbered by position (a SPEC §3 server): entries after the newest held are appended', () => {
  const store = new LogStore();
  store.setNumbering('position');
  const unnumbered = (seq: number) => ({ ...entry(1, seq), line: null });
  store.place([unnumbered(3), unnumbered(5)]);
  store.place([unnumbered(5), unnumbered(8)]);
  expect(store.total).toBe(3);
  expect(store.seqAt(3)).toBe(8);
});
