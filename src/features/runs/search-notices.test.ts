import { expect, test } from 'vitest';
import { validateActivitySearch } from './activity-search';
import { searchNotices } from './search-notices';

const notices = (raw: Record<string, unknown>) => searchNotices(raw, validateActivitySearch(raw));

test('each invalid value of the address is named, the valid ones are not', () => {
  expect(notices({ status: 'failure,bogus', type: 'scan', page: '0', sort: 'size' })).toEqual([
    'Ignored status=bogus',
    'Ignored sort=size',
    'Ignored page=0',
  ]);
  expect(notices({ status: 'failure', page: '2', size: '25', order: 'desc' })).toEqual([]);
  expect(notices({ from: '2026-13-01', has_logs: 'maybe' })).toEqual([
    'Ignored has_logs=maybe',
    'Ignored from=2026-13-01',
  ]);
});

test('a Run ID too long to be an ID, and a date range that ends before it starts, say so', () => {
  expect(notices({ q: '123456789012345678901' })).toEqual([
    'Ignored q=123456789012345678901: too long to be a Run ID',
  ]);
  expect(notices({ from: '2026-11-30', to: '2026-11-01' })).toEqual([
    'The date range ends (2026-11-01) before it starts (2026-11-30): no Run can match',
  ]);
});
