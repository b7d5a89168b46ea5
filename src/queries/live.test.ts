import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { ApiError } from '../api/errors';
import { POLL } from '../config/polling';
import { CONCURRENCY_SAMPLE_MS } from '../api/contract';
import type { Concurrency } from '../api/map';
import { concurrencyKeys } from './activity';
import { anyActive, concurrencyRefetch, liveRefetch, pushedByRunStream } from './live';
import { logKeys } from './logs';
import { setRunFeed } from './run-feed';
import { runKeys } from './runs';

type Runs = readonly { readonly state: 'queued' | 'success' }[];

/** A real query of a client, left in the state a fetch would leave it in. */
function queryWith<T>(
  data: T | undefined,
  error: Error | null = null,
  queryKey: readonly unknown[] = ['probe'],
) {
  const client = new QueryClient();
  const query = client.getQueryCache().build<T, Error, T, readonly unknown[]>(client, {
    queryKey,
  });
  query.setState({
    data,
    error,
    status: error ? 'error' : data === undefined ? 'pending' : 'success',
  });
  return query;
}

const rule = liveRefetch((runs: Runs) => anyActive(runs));

test('polls while any Run on screen is active, and stops when none is', () => {
  expect(rule(queryWith<Runs>([{ state: 'success' }, { state: 'queued' }]))).toBe(POLL.live);
  expect(rule(queryWith<Runs>([{ state: 'success' }, { state: 'success' }]))).toBe(false);
  expect(rule(queryWith<Runs>([]))).toBe(false);
  expect(rule(queryWith<Runs>(undefined))).toBe(false);
});

test('stops for a Run the API says does not exist, and asks at its own pace', () => {
  const gone = new ApiError({ kind: 'http', status: 404, detail: 'gone', method: 'GET', url: '/' });
  expect(rule(queryWith<Runs>([{ state: 'queued' }], gone))).toBe(false);
  const logRule = liveRefetch((complete: boolean) => !complete, POLL.log);
  expect(logRule(queryWith(false))).toBe(POLL.log);
  expect(logRule(queryWith(true))).toBe(false);
});

test('while the Run stream is live, Runs lists and details never poll; logs still do', () => {
  const active: Runs = [{ state: 'queued' }];
  const list = runKeys.list({ page: 1, size: 25 });
  const detail = runKeys.detail(7);
  const log = logKeys.log(7, null);
  expect([list, detail, log].map(pushedByRunStream)).toEqual([true, true, false]);
  try {
    setRunFeed({ status: 'live', since: 0 });
    expect(rule(queryWith(active, null, list))).toBe(false);
    expect(rule(queryWith(active, null, detail))).toBe(false);
    expect(rule(queryWith(active, null, log))).toBe(POLL.live);
    setRunFeed({ status: 'reconnecting', since: 0, attempt: 1, nextAttemptAt: 1, reason: 'x' });
    expect(rule(queryWith(active, null, list))).toBe(POLL.live);
  } finally {
    setRunFeed({ status: 'off' });
  }
});

test('the concurrency chart polls while Runs are active and no stream is live, else once a sample', () => {
  const key = concurrencyKeys.window(24);
  const counts = (running: number, queued: number): Concurrency => ({
    workerLimit: 3,
    now: { running, queued },
    samples: [],
  });
  expect(pushedByRunStream(key)).toBe(true);
  expect(concurrencyRefetch(queryWith(counts(3, 5), null, key))).toBe(POLL.live);
  expect(concurrencyRefetch(queryWith(counts(0, 1), null, key))).toBe(POLL.live);
  expect(concurrencyRefetch(queryWith(counts(0, 0), null, key))).toBe(CONCURRENCY_SAMPLE_MS);
  expect(concurrencyRefetch(queryWith<Concurrency>(undefined, null, key))).toBe(false);
  const absent = new ApiError({
    kind: 'http',
    status: 404,
    detail: 'Not Found',
    method: 'GET',
    url: '/',
  });
  expect(concurrencyRefetch(queryWith<Concurrency>(undefined, absent, key))).toBe(false);
  try {
    // The stream tells each change of state (run-changes.ts): only the window's next sample.
    setRunFeed({ status: 'live', since: 0 });
    expect(concurrencyRefetch(queryWith(counts(3, 5), null, key))).toBe(CONCURRENCY_SAMPLE_MS);
  } finally {
    setRunFeed({ status: 'off' });
  }
});
