import { expect, test } from 'vitest';
import { LIVE_REFRESH_MS } from '../../config/polling';
import { liveInterval } from './live';

test('polls while any Run on screen is active, and stops when none is', () => {
  expect(liveInterval([{ state: 'success' }, { state: 'queued' }])).toBe(LIVE_REFRESH_MS);
  expect(liveInterval([{ state: 'running' }])).toBe(LIVE_REFRESH_MS);
  expect(liveInterval([{ state: 'success' }, { state: 'failure' }, { state: 'aborted' }])).toBe(
    false,
  );
  expect(liveInterval([])).toBe(false);
  expect(liveInterval(undefined)).toBe(false);
});
