import { expect, test } from 'vitest';
import { countOf, plural } from './plural';

test('one word for one thing, the other for every other count', () => {
  expect(plural(1, 'run')).toBe('run');
  expect(plural(0, 'run')).toBe('runs');
  expect(plural(2, 'entity', 'entities')).toBe('entities');
  expect(countOf(1, 'line')).toBe('1 line');
  expect(countOf(1_204, 'line')).toBe(`${(1_204).toLocaleString()} lines`);
});
