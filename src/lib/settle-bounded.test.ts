import { expect, test } from 'vitest';
import { settleBounded } from './settle-bounded';

/** A task whose completion the test controls, to watch how many are in flight. */
function controlled() {
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: { id: number; finish: () => void; fail: () => void }[] = [];
  const task = (id: number) =>
    new Promise<number>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.push({
        id,
        finish: () => {
          inFlight--;
          resolve(id * 10);
        },
        fail: () => {
          inFlight--;
          reject(new Error(`task ${id} failed`));
        },
      });
    });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { task, pending, flush, max: () => maxInFlight, now: () => inFlight };
}

test('never has more than the limit in flight, and settles every item in order', async () => {
  const c = controlled();
  const ids = Array.from({ length: 11 }, (_, i) => i + 1);
  const progress: number[] = [];
  const all = settleBounded(
    ids,
    4,
    (id) => c.task(id),
    (n) => progress.push(n),
  );
  await c.flush();
  expect(c.now()).toBe(4);
  // Finish them one at a time, failing every third.
  while (c.pending.length > 0) {
    const first = c.pending.shift();
    if (first && first.id % 3 === 0) first.fail();
    else first?.finish();
    await c.flush();
    expect(c.now()).toBeLessThanOrEqual(4);
  }
  const results = await all;
  expect(c.max()).toBe(4);
  expect(progress).toEqual(ids);
  expect(results.map((r) => r.status)).toEqual(
    ids.map((id) => (id % 3 === 0 ? 'rejected' : 'fulfilled')),
  );
  expect(results[0]).toEqual({ status: 'fulfilled', value: 10 });
});

test('fewer items than the limit run all at once; no items settle at once', async () => {
  const c = controlled();
  const all = settleBounded([1, 2], 4, (id) => c.task(id));
  await c.flush();
  expect(c.now()).toBe(2);
  c.pending.forEach((p) => p.finish());
  expect((await all).length).toBe(2);
  expect(await settleBounded([], 4, () => Promise.resolve(1))).toEqual([]);
});

test('rejects a limit below one', async () => {
  await expect(settleBounded([1], 0, () => Promise.resolve(1))).rejects.toThrow(RangeError);
});
