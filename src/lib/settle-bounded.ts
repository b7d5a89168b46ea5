/**
 * Runs `task` over `items` with at most `limit` in flight at once, and settles every one of them
 * (a failure does not stop the others). Results come back in the order of `items`.
 */
export async function settleBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  onSettled?: (settled: number) => void,
): Promise<PromiseSettledResult<R>[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError('limit must be a whole number ≥ 1');
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  let settled = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      try {
        results[index] = { status: 'fulfilled', value: await task(item, index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
      settled++;
      onSettled?.(settled);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
