import { act, renderHook } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { useAnnouncer } from './use-announcer';

afterEach(() => {
  vi.useRealTimers();
});

const text = (n: number) => `${n} new lines`;

test('new lines are announced at most once per interval, summing what arrived meanwhile', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const { result } = renderHook(() => useAnnouncer(10_000));
  act(() => result.current.announceCount(5, text));
  expect(result.current.message).toBe('5 new lines');

  act(() => {
    vi.advanceTimersByTime(1_000);
    result.current.announceCount(3, text);
    vi.advanceTimersByTime(1_000);
    result.current.announceCount(4, text);
  });
  expect(result.current.message).toBe('5 new lines');

  act(() => vi.advanceTimersByTime(8_000));
  expect(result.current.message).toBe('7 new lines'); // 3 + 4, once the interval is over
});

test('a direct announcement is said at once, and repeating it still changes the region', () => {
  const { result } = renderHook(() => useAnnouncer());
  act(() => result.current.announce('Copied 3 lines'));
  expect(result.current.message).toBe('Copied 3 lines');
  act(() => result.current.announce('Copied 3 lines'));
  expect(result.current.message).not.toBe('Copied 3 lines');
  expect(result.current.message.trim()).toBe('Copied 3 lines');
});

test('a superseding announcement drops the count still waiting', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const { result } = renderHook(() => useAnnouncer(10_000));
  act(() => {
    result.current.announceCount(5, text);
    result.current.announceCount(3, text);
    result.current.announce('This log is final', true);
  });
  act(() => vi.advanceTimersByTime(20_000));
  expect(result.current.message).toBe('This log is final');
});
