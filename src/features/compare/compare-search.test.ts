import { expect, test } from 'vitest';
import { compareNotices, runIdParam, validateCompareSearch } from './compare-search';

test('the sides are kept as given, numbers as text', () => {
  expect(validateCompareSearch({ a: '27', b: 54 })).toEqual({ a: '27', b: '54' });
  expect(validateCompareSearch({})).toEqual({ a: undefined, b: undefined });
});

test('a Run ID is a positive whole number', () => {
  expect(runIdParam('27')).toBe(27);
  expect(runIdParam(54)).toBe(54);
  for (const bad of ['abc', '-3', '0', '1.5', '', '1234567890123456', undefined])
    expect(runIdParam(bad)).toBeUndefined();
});

test('a value that is not a Run ID is said; a missing side is not', () => {
  expect(compareNotices(validateCompareSearch({ a: 'abc', b: '-3' }))).toEqual([
    'Ignored a=abc: Run IDs are whole numbers.',
    'Ignored b=-3: Run IDs are whole numbers.',
  ]);
  expect(compareNotices(validateCompareSearch({ a: '5' }))).toEqual([]);
  expect(compareNotices(validateCompareSearch({ a: '5', b: ['1', '2'] }))).toEqual([
    'Ignored b=1,2: Run IDs are whole numbers.',
  ]);
});
