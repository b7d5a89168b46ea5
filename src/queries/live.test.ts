import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { ApiError } from '../api/errors';
import { POLL } from '../config/polling';
import { anyActive, liveRefetch } from './live';

type Runs = readonly { readonly state: 'queued' | 'success' }[];

/** A real query of a client, left in the state a fetch would leave it in. */
function queryWith<T>(data: T | undefined, error: Error | null = null) {
  const client = new QueryClient();
  const query = client.getQueryCache().build<T, Error, T, readonly ['probe']>(client, {
    queryKey: ['probe'],
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
