import { expect, test } from 'vitest';
import type { LogPage } from '../api/client';
import type { LogEntry } from '../api/map';
import { UNKNOWN_CAPS, readLinePage } from './log-caps';

const pageOf = (from: number, count: number): LogPage => ({
  entries: Array.from({ length: count }, (_, i): LogEntry => ({
    seq: from + i,
    time: 0,
    level: 'info',
    message: `line ${from + i}`,
    containerId: null,
    line: from + i,
  })),
  nextAfter: from + count - 1,
  complete: false,
  total: 100_000,
  prevBefore: from,
});

test('a page of 1,000 for a limit of 10,000 means the server does not take limit', () => {
  const caps = readLinePage(
    UNKNOWN_CAPS,
    { line: 500, limit: 10_000 },
    pageOf(500, 1_000),
    100_000,
  );
  expect(caps).toMatchObject({ linePaging: true, limit: 1_000 });
});

test('a page of 1,000 asked for on purpose (the reader’s lines) keeps pages of 10,000', () => {
  const caps = readLinePage(UNKNOWN_CAPS, { line: 500, limit: 1_000 }, pageOf(500, 1_000), 100_000);
  expect(caps).toMatchObject({ linePaging: true, limit: 10_000 });
});

test('a page that does not start at the line asked for: line= is not honoured', () => {
  const caps = readLinePage(UNKNOWN_CAPS, { line: 500, limit: 1_000 }, pageOf(1, 1_000), 100_000);
  expect(caps.linePaging).toBe(false);
});
