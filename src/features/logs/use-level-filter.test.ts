import { expect, test } from 'vitest';
import type { LogLevel } from '../../api/contract';
import { toggled } from './use-level-filter';

test('toggling a level removes it when shown and adds it back, leaving the set given alone', () => {
  const all: ReadonlySet<LogLevel> = new Set<LogLevel>(['info', 'warning', 'error']);
  const noInfo = toggled(all, 'info');
  expect([...noInfo]).toEqual(['warning', 'error']);
  expect([...toggled(noInfo, 'info')].sort()).toEqual(['error', 'info', 'warning']);
  expect(all.size).toBe(3);
});
