/**
 * The generated log text: a search that skips lines by their template (line-template.ts) finds
 * exactly what testing every line finds, for any text — pieces of real lines, or made up.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { plainText } from '../engine/ansi';
import type { LineSource } from '../engine/log-block';
import { containerLines, runLevelLines } from './generated-lines';

const LINES = 3_000;
const of = {
  seed: 42,
  table: 'orders',
  datastore: 'Sales Warehouse',
  start: Date.UTC(2026, 10, 26),
};
const sources: Record<string, LineSource> = {
  runLevel: runLevelLines(of),
  container: containerLines(of),
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines found both ways: with the matcher, and by testing every message. */
function both(source: LineSource, text: string): [number[], number[]] {
  const pattern = new RegExp(escape(text), 'i');
  const test = (message: string) => pattern.test(plainText(message));
  const matches = source.matcher?.(text.toLowerCase());
  const fast: number[] = [];
  const slow: number[] = [];
  for (let n = 1; n <= LINES; n++) {
    if (matches ? matches(n, test) : test(source.message(n))) fast.push(n);
    if (test(source.message(n))) slow.push(n);
  }
  return [fast, slow];
}

test('a few texts: words, numbers, markup, tags, nothing', () => {
  for (const source of Object.values(sources)) {
    for (const text of [
      'batch',
      'BATCH 1,0',
      'connection reset',
      'warn ',
      'error batch',
      '<b>',
      'zzz',
    ]) {
      const [fast, slow] = both(source, text);
      expect(fast, text).toEqual(slow);
    }
  }
  expect(both(sources.runLevel as LineSource, 'batch')[0].length).toBeGreaterThan(LINES * 0.9);
  expect(both(sources.runLevel as LineSource, 'zzz')[0]).toEqual([]);
});

test('any piece of any line, and any short text, is found the same both ways', () => {
  const names = Object.keys(sources);
  const piece = fc
    .record({
      name: fc.constantFrom(...names),
      line: fc.integer({ min: 1, max: LINES }),
      from: fc.nat(120),
      length: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ name, line, from, length }) => {
      const text = plainText((sources[name] as LineSource).message(line));
      const start = from % text.length;
      return { name, text: text.slice(start, start + length) };
    });
  const made = fc.record({
    name: fc.constantFrom(...names),
    text: fc.string({
      unit: fc.constantFrom(...'abcdeo ,.0123:_<>()"TZ'),
      minLength: 1,
      maxLength: 6,
    }),
  });
  fc.assert(
    fc.property(fc.oneof(piece, made), ({ name, text }) => {
      const [fast, slow] = both(sources[name] as LineSource, text);
      expect(fast).toEqual(slow);
    }),
    { numRuns: 40 },
  );
});
