import { expect, test } from 'vitest';
import { parseSearch } from '../../lib/search-params';
import {
  ACTIVITY_DEFAULTS,
  hasFilters,
  tidyActivitySearch,
  toListRunsQuery,
  validateActivitySearch,
  withoutFilters,
} from './activity-search';

const fromUrl = (qs: string) => validateActivitySearch(parseSearch(qs));

test('no params give the defaults', () => {
  expect(fromUrl('')).toEqual({
    ...ACTIVITY_DEFAULTS,
    has_logs: undefined,
    q: undefined,
    from: undefined,
    to: undefined,
  });
});

test('reads every param of the contract, lists repeated or comma-separated', () => {
  const search = fromUrl(
    '?type=scan,external_scan&status=failure&status=aborted&datastore=1,3&has_logs=true&q=%2312' +
      '&from=2026-11-01&to=2026-11-28&sort=duration&order=asc&page=3&size=10&expanded=12,13',
  );
  expect(search).toEqual({
    type: ['scan', 'external_scan'],
    status: ['failure', 'aborted'],
    datastore: [1, 3],
    has_logs: true,
    q: 12,
    from: '2026-11-01',
    to: '2026-11-28',
    sort: 'duration',
    order: 'asc',
    page: 3,
    size: 10,
    expanded: [12, 13],
  });
});

test('each invalid param falls back to its default on its own', () => {
  const search = fromUrl(
    '?type=scan,nope&status=bogus&datastore=x,2&has_logs=maybe&q=abc&from=2026-02-30&to=soon' +
      '&sort=name&order=up&page=-2&size=1000&expanded=1.5,7,7',
  );
  expect(search).toEqual({
    type: ['scan'],
    status: [],
    datastore: [2],
    has_logs: undefined,
    q: undefined,
    from: undefined,
    to: undefined,
    sort: 'created',
    order: 'desc',
    page: 1,
    size: 25,
    expanded: [7],
  });
});

test('accepts typed values from a navigation as well as strings', () => {
  expect(
    validateActivitySearch({ status: ['success'], page: 2, has_logs: false, q: 9, expanded: [4] }),
  ).toMatchObject({ status: ['success'], page: 2, has_logs: false, q: 9, expanded: [4] });
});

test('maps a view to the API query names', () => {
  expect(toListRunsQuery(fromUrl(''))).toEqual({ page: 1, size: 25, sort_created: 'desc' });
  expect(
    toListRunsQuery(
      fromUrl(
        '?type=catalog&status=queued,running&datastore=4&has_logs=false&q=7&from=2026-11-02&to=2026-11-03&sort=duration&order=asc&page=2&size=50',
      ),
    ),
  ).toEqual({
    page: 2,
    size: 50,
    operation_type: ['catalog'],
    result: ['queued', 'running'],
    datastore: [4],
    has_logs: false,
    id: 7,
    start_date: '2026-11-02',
    end_date: '2026-11-03',
    sort_duration: 'asc',
  });
});

test('clearing filters keeps sorting, page size and expanded Runs', () => {
  const search = fromUrl('?status=failure&q=3&sort=duration&size=10&page=4&expanded=3');
  expect(hasFilters(search)).toBe(true);
  const cleared = withoutFilters(search);
  expect(hasFilters(cleared)).toBe(false);
  expect(cleared).toMatchObject({ sort: 'duration', size: 10, page: 1, expanded: [3] });
});

test('the URL form: contract order, defaults left out, unknown params kept', () => {
  const search = fromUrl('?status=failure&type=scan&page=1&expanded=4');
  expect(Object.keys(tidyActivitySearch({ scenario: 'busy', ...search }))).toEqual([
    'type',
    'status',
    'expanded',
    'scenario',
  ]);
  expect(tidyActivitySearch(fromUrl('?sort=created&order=desc&size=25'))).toEqual({});
});
