import { expect, test } from 'vitest';
import { relaunchText } from './lifecycle-words';

test('the relaunch line names what each action picks up and where the new Run starts', () => {
  expect(relaunchText('scan', ['resume', 'rerun'])).toBe(
    'Resume (only the tables not finished) or Rerun (every table from scratch) creates a new Run, starting in Queued.',
  );
  expect(relaunchText('promote', ['rerun'])).toBe(
    'Rerun (every entity from scratch) creates a new Run, starting in Running.',
  );
  expect(relaunchText('external_scan', [])).toBe(
    'Not possible: External Scan runs cannot be resumed or rerun; launch a new run instead.',
  );
});
