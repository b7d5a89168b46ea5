import { expect, test } from 'vitest';
import { formatLogLine, highlightParts, linesLabel, logText } from './log-text';

const hostile = "Row 120: value '<img src=x onerror=alert(1)>' is not a valid date";

test('a line as text: ISO time, level tag, message exactly as received', () => {
  const entry = {
    seq: 1,
    time: Date.UTC(2026, 10, 28, 12, 0, 5),
    level: 'warning' as const,
    message: hostile,
    containerId: null,
    line: 1,
  };
  expect(formatLogLine(entry)).toBe(`2026-11-28T12:00:05.000Z WARN  ${hostile}`);
  expect(logText([entry, entry])).toBe(`${formatLogLine(entry)}\n${formatLogLine(entry)}\n`);
  expect(logText([])).toBe('');
});

test('splits around every case-insensitive occurrence of the search', () => {
  expect(highlightParts('Skipped SKIP skip', 'skip')).toEqual([
    { text: 'Skip', match: true },
    { text: 'ped ', match: false },
    { text: 'SKIP', match: true },
    { text: ' ', match: false },
    { text: 'skip', match: true },
  ]);
  expect(highlightParts(hostile, '<img')).toEqual([
    { text: "Row 120: value '", match: false },
    { text: '<img', match: true },
    { text: " src=x onerror=alert(1)>' is not a valid date", match: false },
  ]);
  expect(highlightParts('nothing here', 'absent')).toEqual([
    { text: 'nothing here', match: false },
  ]);
  expect(highlightParts('no search', '')).toEqual([{ text: 'no search', match: false }]);
});

test('counts of lines read as words', () => {
  expect(linesLabel(1)).toBe('1 line');
  expect(linesLabel(0)).toBe('0 lines');
  expect(linesLabel(100_040)).toBe(`${(100_040).toLocaleString()} lines`);
});
