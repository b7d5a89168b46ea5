import { expect, test } from 'vitest';
import type { LogEntry } from '../api/map';
import type { LogCaps } from './log-caps';
import { UNKNOWN_CAPS } from './log-caps';
import type { LineSpan } from './log-fill';
import { FILL_PARALLEL, nextFillPage } from './log-fill';
import { LogStore } from './log-store';

const entry = (line: number): LogEntry => ({
  seq: line,
  time: line * 1000,
  level: 'info',
  message: `line ${line}`,
  containerId: null,
  line,
});

/** A log of 100,000 lines whose newest 1,000 are held (as after `tail=1000`). */
function setup(caps: Partial<LogCaps> = {}) {
  const store = new LogStore();
  const tail = Array.from({ length: 1000 }, (_, i) => entry(99_001 + i));
  store.place(tail, { total: 100_000 });
  return { store, caps: { ...UNKNOWN_CAPS, lines: true, tail: true, linePaging: true, ...caps } };
}

test('without a reader elsewhere, pages go back from the newest lines', () => {
  const { store, caps } = setup();
  expect(nextFillPage(store, caps, [], null, 0)?.query).toEqual({ line: 89_001, limit: 10_000 });
});

test('the first page after the tail is the linked line’s page, even while line= is untested', () => {
  const { store, caps } = setup({ linePaging: null });
  const want = { start: 49_950, end: 50_000 };
  expect(nextFillPage(store, caps, [], want, 0)?.query).toEqual({ line: 49_950, limit: 1_000 });
  // Only one probe is on its way until the server has shown it honours line=.
  expect(nextFillPage(store, caps, [{ start: 49_950, end: 50_949 }], want, 0)).toBeNull();
});

test('the reader’s lines do not wait behind a full set of background pages', () => {
  const { store, caps } = setup();
  const busy: LineSpan[] = Array.from({ length: FILL_PARALLEL }, (_, i) => ({
    start: 89_001 - i * 10_000,
    end: 99_000 - i * 10_000,
  }));
  const want = { start: 3, end: 40 };
  expect(nextFillPage(store, caps, busy, null, 0)).toBeNull();
  expect(nextFillPage(store, caps, busy, want, 0)?.query).toEqual({ line: 3, limit: 1_000 });
  // Once that page is on its way too, nothing more is asked for.
  const more = [...busy, { start: 3, end: 1_002 }];
  expect(nextFillPage(store, caps, more, want, 0)).toBeNull();
});
