import { expect, test } from 'vitest';
import {
  describeFilters,
  endedSentence,
  failureListOf,
  failureSentence,
  watchedFiltersOf,
} from './watch-words';

test('what a watch says when its Run ends', () => {
  expect(endedSentence({ id: 57, type: 'scan', state: 'failure', hasLogs: false })).toBe(
    'Run #57 Scan finished: Failure',
  );
  expect(endedSentence({ id: 8, type: 'catalog', state: 'success', hasLogs: true })).toBe(
    'Run #8 Sync finished: Success (completed with logs)',
  );
  expect(failureSentence({ id: 9, type: 'profile' }, 'all Runs')).toBe(
    'Run #9 Profile finished: Failure (watching for a Failure among all Runs)',
  );
});

test('a watch for Failures keeps the filters, not the status, sort or page', () => {
  const filters = watchedFiltersOf({
    page: 3,
    size: 10,
    operation_type: ['scan'],
    result: ['success'],
    datastore: [2],
    has_logs: true,
    sort_duration: 'asc',
  });
  expect(filters).toEqual({ operation_type: ['scan'], datastore: [2], has_logs: true });
  expect(failureListOf(filters)).toEqual({
    page: 1,
    size: 50,
    result: ['failure'],
    sort_created: 'desc',
    operation_type: ['scan'],
    datastore: [2],
    has_logs: true,
  });
});

test('filters in words', () => {
  const names = (id: number) => (id === 2 ? 'orders-db' : undefined);
  expect(describeFilters({}, names)).toBe('all Runs');
  expect(
    describeFilters({ operation_type: ['scan', 'profile', 'export'], datastore: [2, 7] }, names),
  ).toBe('Scan, Profile or Export Runs on orders-db or datastore 7');
  expect(
    describeFilters(
      { id: 12, has_logs: false, start_date: '2026-11-01', end_date: '2026-11-28' },
      names,
    ),
  ).toBe('Run #12, without logs, from 2026-11-01, to 2026-11-28');
});
