import { expect, test } from 'vitest';
import type { LogPage } from '../api/client';
import { LOG_PAGE_LIMIT } from '../api/contract';
import type { LogEntry } from '../api/map';
import { fetchNewLines } from './logs';
import { LogStore } from './log-store';

/** A server log of `total` lines; `complete` once the Run ended. Records every `after` asked. */
function server(total: number) {
  const state = { total, complete: false, asked: [] as number[] };
  const fetchPage = async (after: number): Promise<LogPage> => {
    state.asked.push(after);
    const entries: LogEntry[] = [];
    for (let seq = after + 1; seq <= state.total && entries.length < LOG_PAGE_LIMIT; seq++)
      entries.push({ seq, time: 0, level: 'info', message: `line ${seq}`, containerId: null });
    const last = entries[entries.length - 1]?.seq ?? after;
    return { entries, nextAfter: last, complete: state.complete && last === state.total };
  };
  return { state, fetchPage };
}

test('catches up page by page, then asks only for what is new, and stops once complete', async () => {
  const { state, fetchPage } = server(2_500);
  const store = new LogStore();
  expect(await fetchNewLines(store, fetchPage)).toBe(2_500);
  expect(state.asked).toEqual([0, 1_000, 2_000]);

  state.total = 2_520;
  expect(await fetchNewLines(store, fetchPage)).toBe(20);
  expect(state.asked.slice(3)).toEqual([2_500]);

  state.complete = true;
  expect(await fetchNewLines(store, fetchPage)).toBe(0);
  expect(store.complete).toBe(true);
  const asked = state.asked.length;
  expect(await fetchNewLines(store, fetchPage)).toBe(0);
  expect(state.asked).toHaveLength(asked); // complete: no request at all
  expect(store.length).toBe(2_520);
  expect(new Set(store.range(0, store.length).map((e) => e.seq)).size).toBe(2_520);
});

test('a full page that does not move the cursor does not loop', async () => {
  const store = new LogStore();
  const stuck = async (): Promise<LogPage> => ({
    entries: Array.from({ length: LOG_PAGE_LIMIT }, (_, i) => ({
      seq: i + 1,
      time: 0,
      level: 'info' as const,
      message: 'same',
      containerId: null,
    })),
    nextAfter: 0,
    complete: false,
  });
  await fetchNewLines(store, stuck);
  await fetchNewLines(store, stuck);
  expect(store.length).toBe(LOG_PAGE_LIMIT);
});
