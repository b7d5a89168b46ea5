import { expect, test } from 'vitest';
import { parseSearch, stringifySearch } from './search-params';

test('parses single values as strings and repeated keys as arrays', () => {
  expect(parseSearch('?type=scan&status=failure&status=aborted&q=%2312')).toEqual({
    type: 'scan',
    status: ['failure', 'aborted'],
    q: '#12',
  });
  expect(parseSearch('')).toEqual({});
  expect(parseSearch('status=failure,aborted')).toEqual({ status: 'failure,aborted' });
});

test('writes arrays comma-separated and leaves out empty values', () => {
  expect(
    stringifySearch({
      status: ['failure', 'aborted'],
      type: [],
      page: 2,
      has_logs: true,
      q: undefined,
      from: '',
      expanded: [12, 13],
    }),
  ).toBe('?status=failure,aborted&page=2&has_logs=true&expanded=12,13');
  expect(stringifySearch({})).toBe('');
});

test('encodes what must be encoded, nothing more', () => {
  expect(stringifySearch({ q: 'a b&c=d', list: ['x,y'] })).toBe('?q=a%20b%26c%3Dd&list=x,y');
});

test('round trips a search object through the URL', () => {
  const search = { type: ['scan', 'external_scan'], page: '3', from: '2026-11-01' };
  expect(parseSearch(stringifySearch(search))).toEqual({
    type: 'scan,external_scan',
    page: '3',
    from: '2026-11-01',
  });
});
