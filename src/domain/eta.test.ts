import { expect, test } from 'vitest';
import { ETA_HISTORY, estimateEta, etaBasis } from './eta';

const MIN = 60_000;
/** An earlier Run of `minutes`, ended at `endedAt` (newest first in the lists below). */
const earlier = (id: number, minutes: number, state: 'success' | 'failure' = 'success') => ({
  id,
  state,
  startedAt: 1_000_000,
  endedAt: 1_000_000 + minutes * MIN,
});

test('the basis is the median of the successful earlier Runs, with their shortest and longest', () => {
  const basis = etaBasis([earlier(9, 8), earlier(8, 12), earlier(7, 10)], 10);
  expect(basis).toEqual({ runs: 3, medianMs: 10 * MIN, shortestMs: 8 * MIN, longestMs: 12 * MIN });
  // Of an even count, the mean of the middle two.
  expect(etaBasis([earlier(9, 8), earlier(8, 12), earlier(7, 10), earlier(6, 20)], 10)).toEqual({
    runs: 4,
    medianMs: 11 * MIN,
    shortestMs: 8 * MIN,
    longestMs: 20 * MIN,
  });
});

test('failed Runs, Runs without both times, and the Run itself are not history', () => {
  const history = [
    earlier(10, 1), // the Run itself
    earlier(9, 100, 'failure'),
    { id: 8, state: 'success' as const, startedAt: null, endedAt: 5 },
    { id: 7, state: 'success' as const, startedAt: 9, endedAt: 5 }, // ended before it started
    earlier(6, 6),
  ];
  expect(etaBasis(history, 10)).toEqual({
    runs: 1,
    medianMs: 6 * MIN,
    shortestMs: 6 * MIN,
    longestMs: 6 * MIN,
  });
  expect(etaBasis([earlier(10, 1), earlier(9, 5, 'failure')], 10)).toBeNull();
  expect(etaBasis([], 10)).toBeNull();
});

test(`at most the newest ${ETA_HISTORY} earlier Runs count`, () => {
  const history = Array.from({ length: 15 }, (_, i) => earlier(100 - i, i < ETA_HISTORY ? 4 : 40));
  expect(etaBasis(history, 1)).toMatchObject({ runs: ETA_HISTORY, longestMs: 4 * MIN });
});

test('a running Run has the median less its elapsed time left, or is over it; a queued one gets the usual duration', () => {
  const basis = etaBasis([earlier(3, 10), earlier(2, 10), earlier(1, 10)], 9);
  const start = 5_000_000;
  expect(estimateEta({ state: 'running', startedAt: start }, basis, start + 4 * MIN)).toEqual({
    kind: 'left',
    leftMs: 6 * MIN,
    basis,
  });
  expect(estimateEta({ state: 'running', startedAt: start }, basis, start + 13 * MIN)).toEqual({
    kind: 'over',
    overMs: 3 * MIN,
    basis,
  });
  expect(estimateEta({ state: 'queued', startedAt: null }, basis, start)).toEqual({
    kind: 'usual',
    basis,
  });
  for (const state of ['success', 'failure', 'aborted'] as const)
    expect(estimateEta({ state, startedAt: start }, basis, start)).toBeNull();
  expect(estimateEta({ state: 'running', startedAt: start }, null, start)).toBeNull();
});
