import { expect, test } from 'vitest';
import type { Announced, LogSnapshot } from './log-announcements';
import { newLinesText, nextAnnouncement } from './log-announcements';

const log = (over: Partial<LogSnapshot>): LogSnapshot => ({
  length: 0,
  complete: false,
  caughtUp: false,
  ...over,
});

test('nothing is said until the log has caught up; then its count', () => {
  expect(nextAnnouncement(null, log({ length: 1_000 }), 'Run #1 log')).toEqual({
    seen: null,
    announcement: { kind: 'none' },
  });
  expect(nextAnnouncement(null, log({ length: 1, caughtUp: true }), 'Run #1 log')).toEqual({
    seen: { total: 1, final: false },
    announcement: { kind: 'say', text: 'Run #1 log: 1 line', supersede: false },
  });
  expect(nextAnnouncement(null, log({ length: 0, complete: true }), 'Log of orders')).toEqual({
    seen: { total: 0, final: true },
    announcement: { kind: 'say', text: 'Log of orders: 0 lines, final', supersede: false },
  });
});

test('then the lines added since, and once that the log is final', () => {
  const seen: Announced = { total: 22, final: false };
  expect(nextAnnouncement(seen, log({ length: 35, caughtUp: true }), 'L')).toEqual({
    seen: { total: 35, final: false },
    announcement: { kind: 'count', added: 13 },
  });
  const ended = nextAnnouncement(seen, log({ length: 50, complete: true }), 'L');
  expect(ended).toEqual({
    seen: { total: 50, final: true },
    announcement: { kind: 'say', text: 'The Run has ended: this log is final', supersede: true },
  });
  // Said once: afterwards nothing more arrives, so nothing more is counted.
  const after = nextAnnouncement(ended.seen, log({ length: 50, complete: true }), 'L');
  expect(after.announcement).toEqual({ kind: 'count', added: 0 });
  expect(newLinesText(1)).toBe('1 new line');
  expect(newLinesText(13)).toBe('13 new lines');
});
