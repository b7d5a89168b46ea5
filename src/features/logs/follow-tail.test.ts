import { expect, test } from 'vitest';
import type { ScrollSample } from './follow-tail';
import {
  LOG_ROW_HEIGHT,
  SETTLE_MS,
  newSince,
  readerScrolled,
  settleAfterScroll,
  settleFor,
  tailStatus,
  tailStatusText,
} from './follow-tail';

const sample = (over: Partial<ScrollSample>): ScrollSample => ({
  top: 500,
  lastTop: 500,
  fromEnd: 1_000,
  following: false,
  live: true,
  holding: false,
  ...over,
});

test('reaching the bottom of a live log follows again, unless a linked line is awaited', () => {
  expect(readerScrolled(sample({ fromEnd: 0 }))).toBe('follow');
  expect(readerScrolled(sample({ fromEnd: LOG_ROW_HEIGHT }))).toBe('follow');
  expect(readerScrolled(sample({ fromEnd: LOG_ROW_HEIGHT + 1 }))).toBe('keep');
  expect(readerScrolled(sample({ fromEnd: 0, holding: true }))).toBe('keep');
  expect(readerScrolled(sample({ fromEnd: 0, live: false }))).toBe('keep');
  expect(readerScrolled(sample({ fromEnd: 0, following: true }))).toBe('keep');
});

test('scrolling up pauses following; scrolling down, or a pixel of jitter, does not', () => {
  expect(readerScrolled(sample({ following: true, top: 400, lastTop: 500 }))).toBe('pause');
  expect(readerScrolled(sample({ following: true, top: 499, lastTop: 500 }))).toBe('keep');
  expect(readerScrolled(sample({ following: true, top: 600, lastTop: 500 }))).toBe('keep');
  expect(readerScrolled(sample({ following: false, top: 400, lastTop: 500 }))).toBe('keep');
  // At the bottom an upward move (the list grew under the reader) is not a pause.
  expect(readerScrolled(sample({ following: true, top: 400, fromEnd: 0 }))).toBe('keep');
});

test('a linked line is put back once when a scroll nobody asked for carries it away', () => {
  const settle = settleFor(40, 1_000);
  expect(settle).toEqual({ row: 40, until: 1_000 + SETTLE_MS });
  // Within half a viewport of where it was centred: keep guarding.
  expect(settleAfterScroll(settle, 1_100, 900, 800, 400)).toBe('keep');
  expect(settleAfterScroll(settle, 1_100, 1_001, 800, 400)).toBe('restore');
  expect(settleAfterScroll(settle, 1_100, 0, 800, 400)).toBe('restore');
  // Too late, or the line has no place any more: the guard goes.
  expect(settleAfterScroll(settle, 1_000 + SETTLE_MS + 1, 0, 800, 400)).toBe('drop');
  expect(settleAfterScroll(settle, 1_100, 0, undefined, 400)).toBe('drop');
});

test('new lines count from where following paused', () => {
  expect(newSince(120, 100)).toBe(20);
  expect(newSince(90, 100)).toBe(0); // a filter shows fewer rows now
});

test('the status says final, catching up, following or paused', () => {
  const progress = { complete: false, caughtUp: true, loaded: true };
  expect(tailStatus({ ...progress, complete: true }, true)).toBe('final');
  expect(tailStatus({ ...progress, caughtUp: false }, true)).toBe('catching-up');
  expect(tailStatus({ ...progress, caughtUp: false, loaded: false }, true)).toBe('following');
  expect(tailStatus(progress, true)).toBe('following');
  expect(tailStatus(progress, false)).toBe('paused');
  expect(tailStatusText('paused')).toBe('Paused: new lines keep arriving below');
  expect(tailStatusText('final')).toBe('This log is final.');
});
