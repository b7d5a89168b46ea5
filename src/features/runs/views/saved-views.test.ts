import { expect, test } from 'vitest';
import { validateActivitySearch } from '../activity-search';
import { parseSavedViews } from './saved-views';
import { describeView, readViewSearch, viewSearchOf } from './view-search';

test('a view keeps filters, sort and size as the address writes them, not the page or open Runs', () => {
  const search = validateActivitySearch({
    status: 'failure,aborted',
    type: 'scan',
    sort: 'duration',
    order: 'asc',
    size: '50',
    page: '3',
    expanded: '12',
  });
  const text = viewSearchOf(search);
  expect(text).toBe('type=scan&status=failure,aborted&sort=duration&order=asc&size=50');
  expect(readViewSearch(text)).toEqual({
    search: { ...search, page: 1, expanded: [] },
    text,
    ignored: [],
  });
  expect(viewSearchOf(validateActivitySearch({}))).toBe('');
});

test('what a stored view cannot have is ignored and said', () => {
  const read = readViewSearch('status=failure,bogus&colour=red&page=2&sort=size');
  expect(read.text).toBe('status=failure');
  expect(read.ignored).toEqual([
    'Ignored colour=red: not a setting of this page',
    'Ignored status=bogus',
    'Ignored sort=size',
  ]);
});

test('a view in words', () => {
  const names = (id: number) => (id === 1 ? 'Sales Warehouse' : undefined);
  expect(describeView(validateActivitySearch({}), names)).toBe('Newest first');
  expect(
    describeView(
      validateActivitySearch({
        status: 'failure',
        datastore: '1,9',
        has_logs: 'true',
        from: '2026-11-01',
        sort: 'duration',
        order: 'asc',
        size: '100',
      }),
      names,
    ),
  ).toBe(
    'Status: Failure · Datastore: Sales Warehouse, datastore 9 · Has logs: yes · Days: 2026-11-01 to … · By duration, shortest first · 100 a page',
  );
});

test('stored views: damaged data, unreadable entries, duplicates and a missing default are said', () => {
  expect(parseSavedViews(null)).toEqual({ views: [], defaultId: null, problems: [] });
  expect(parseSavedViews('[1,2]').problems).toEqual([
    expect.stringMatching(/^Your saved views could not be read: the stored data is damaged/),
  ]);
  const read = parseSavedViews(
    JSON.stringify({
      views: [
        { id: 'a', name: '  Mine  ', search: 'status=failure', density: 'comfortable' },
        { id: 'a', name: 'Again', search: '' },
        { id: 'b', name: 'No search' },
        null,
      ],
      defaultId: 'gone',
    }),
  );
  expect(read.views).toEqual([
    { id: 'a', name: 'Mine', search: 'status=failure', density: 'comfortable' },
  ]);
  expect(read.defaultId).toBeNull();
  expect(read.problems).toEqual([
    '3 saved views could not be read and are left out.',
    'The default view could not be found: Activity opens with all Runs.',
  ]);
});
