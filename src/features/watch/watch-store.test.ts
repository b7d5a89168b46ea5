import { expect, test } from 'vitest';
import { filtersKey, parseWatches } from './watch-store';

test('stored watches are read one by one: a bad entry is dropped, the rest kept', () => {
  const stored = JSON.stringify([
    { kind: 'run', id: 56, type: 'scan' },
    { kind: 'run', id: -1, type: 'scan' },
    { kind: 'run', id: 57, type: 'sync2' },
    {
      kind: 'failures',
      key: 'k',
      filters: { operation_type: ['scan'] },
      scope: 'Scan Runs',
      seen: null,
    },
    { kind: 'later', id: 1 },
  ]);
  const read = parseWatches(stored);
  expect(read.dropped).toBe(3);
  expect(read.watches.map((w) => w.kind)).toEqual(['run', 'failures']);
});

test('text that is not a list of watches counts as one dropped entry', () => {
  expect(parseWatches('{not json')).toEqual({ watches: [], dropped: 1 });
  expect(parseWatches('{"kind":"run"}')).toEqual({ watches: [], dropped: 1 });
  expect(parseWatches(null)).toEqual({ watches: [], dropped: 0 });
});

test('the same filters in another order are the same watch', () => {
  expect(filtersKey({ operation_type: ['scan', 'profile'], datastore: [3, 1] })).toBe(
    filtersKey({ datastore: [1, 3], operation_type: ['profile', 'scan'] }),
  );
  expect(filtersKey({ operation_type: [] })).toBe(filtersKey({}));
  expect(filtersKey({ has_logs: true })).not.toBe(filtersKey({ has_logs: false }));
});
