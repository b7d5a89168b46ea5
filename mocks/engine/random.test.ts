import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Random } from './random';

const draw = (rng: Random, n: number) => Array.from({ length: n }, () => rng.next());

test('the same seed gives the same sequence; derived generators depend on seed and label', () => {
  expect(draw(new Random(42), 5)).toEqual(draw(new Random(42), 5));
  expect(draw(new Random(42), 5)).not.toEqual(draw(new Random(43), 5));
  expect(draw(Random.derive(42, 'run-1'), 3)).toEqual(draw(Random.derive(42, 'run-1'), 3));
  expect(draw(Random.derive(42, 'run-1'), 3)).not.toEqual(draw(Random.derive(42, 'run-2'), 3));
  expect(draw(Random.derive(42, 'run-1'), 3)).not.toEqual(draw(Random.derive(7, 'run-1'), 3));
});

test('helpers stay in their ranges', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.integer({ min: -50, max: 50 }),
      fc.integer({ min: 0, max: 100 }),
      (seed, min, span) => {
        const rng = new Random(seed);
        const x = rng.next();
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
        const n = rng.int(min, min + span);
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(min);
        expect(n).toBeLessThanOrEqual(min + span);
        const items = Array.from({ length: span + 1 }, (_, i) => i);
        expect(items).toContain(rng.pick(items));
        const sample = rng.sample(items, 3);
        expect(sample).toEqual([...new Set(sample)].sort((a, b) => a - b));
        expect(sample.length).toBe(Math.min(3, items.length));
        // A weight of 0 is never picked.
        expect(
          rng.weighted([
            ['b', 0],
            ['a', 1],
            ['c', 0],
          ]),
        ).toBe('a');
      },
    ),
    { numRuns: 200 },
  );
});

test('picking from nothing is an error', () => {
  expect(() => new Random(1).pick([])).toThrow('pick from an empty list');
  expect(() => new Random(1).weighted([])).toThrow();
});
