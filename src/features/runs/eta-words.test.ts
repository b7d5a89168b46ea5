import { expect, test } from 'vitest';
import type { EtaBasis } from '../../domain/eta';
import { etaBasisText, etaText } from './eta-words';

const MIN = 60_000;
const basis: EtaBasis = { runs: 8, medianMs: 10 * MIN, shortestMs: 8 * MIN, longestMs: 14 * MIN };

test('time left rounds up to the minute, and says what it is based on', () => {
  expect(etaText({ kind: 'left', leftMs: 5 * MIN + 10_000, basis }, 'Scan')).toBe(
    'About 6 minutes left, based on the last 8 Scan Runs',
  );
  expect(etaText({ kind: 'left', leftMs: 30_000, basis }, 'Scan')).toBe(
    'Less than a minute left, based on the last 8 Scan Runs',
  );
  expect(etaText({ kind: 'left', leftMs: 61 * MIN, basis: { ...basis, runs: 1 } }, 'Profile')).toBe(
    'About 1 hour 1 minute left, based on the last Profile Run',
  );
});

test('over the usual duration, and queued, say the usual duration', () => {
  expect(etaText({ kind: 'over', overMs: MIN, basis }, 'Scan')).toBe(
    'Longer than usual (usually about 10 minutes), based on the last 8 Scan Runs',
  );
  expect(etaText({ kind: 'usual', basis }, 'External Scan')).toBe(
    'Usually about 10 minutes once started, based on the last 8 External Scan Runs',
  );
});

test('the basis names the Runs, the datastore, the median and the range', () => {
  expect(etaBasisText(basis, 'Scan', 'Orders DB')).toBe(
    'The median duration of the last 8 successful Scan Runs on Orders DB: 10 minutes ' +
      '(shortest 8 minutes, longest 14 minutes).',
  );
  expect(etaBasisText({ ...basis, runs: 1 }, 'Scan', 'Orders DB')).toBe(
    'The last successful Scan Run on Orders DB took 10 minutes.',
  );
});
