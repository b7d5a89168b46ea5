import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { BreakerClock } from './breaker';
import { Breaker, backoffMs } from './breaker';
import { ApiError } from './errors';

/** A hand-driven clock: time moves only when the test says, timers fire in order. */
function manualClock(random = 0): BreakerClock & { advance: (ms: number) => void } {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    random: () => random,
    setTimer: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.fn();
      }
      now = until;
    },
  };
}

const down = (retryAfterMs: number | null = null) =>
  new ApiError({
    kind: 'network',
    status: 0,
    detail: 'no answer',
    method: 'GET',
    url: '/x',
    retryAfterMs,
  });

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('the wait before each probe doubles from 1 s to a 30 s cap, with at most a quarter of jitter', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffMs(n, () => 0))).toEqual([
    1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
  ]);
  expect(backoffMs(1, () => 1)).toBe(1_250);
  expect(backoffMs(6, () => 1)).toBe(37_500);
  // Retry-After wins when it asks for longer.
  expect(backoffMs(1, () => 0, 45_000)).toBe(45_000);
  expect(backoffMs(6, () => 0, 2_000)).toBe(30_000);
});

test('while the API is unreachable, one read goes out at a time, at the backoff pace', async () => {
  const clock = manualClock();
  const breaker = new Breaker(clock);
  await breaker.admit(); // all is well: at once
  breaker.failed(down());
  expect(breaker.getState()).toMatchObject({
    status: 'unreachable',
    attempts: 1,
    nextAttemptAt: 1_000,
  });

  const went: string[] = [];
  const a = breaker.admit().then(() => went.push('a'));
  const b = breaker.admit().then(() => went.push('b'));
  await settle();
  expect(went).toEqual([]);
  clock.advance(1_000);
  await settle();
  expect(went).toEqual(['a']); // the probe; b waits
  breaker.failed(down());
  expect(breaker.getState()).toMatchObject({ attempts: 2, nextAttemptAt: 3_000 });
  clock.advance(1_999);
  await settle();
  expect(went).toEqual(['a']);
  clock.advance(1);
  await settle();
  expect(went).toEqual(['a', 'b']);
  breaker.succeeded();
  expect(breaker.getState()).toEqual({ status: 'ok' });
  await Promise.all([a, b]);
});

test('an answer closes the breaker and lets every waiting read go at once', async () => {
  const clock = manualClock();
  const breaker = new Breaker(clock);
  breaker.failed(down());
  clock.advance(1_000);
  await breaker.admit(); // the probe
  const waiting = [breaker.admit(), breaker.admit(), breaker.admit()];
  breaker.succeeded();
  await expect(Promise.all(waiting)).resolves.toHaveLength(3);
});

test('Retry-After is honoured, Retry now skips the wait, a cancelled waiter leaves', async () => {
  const clock = manualClock();
  const breaker = new Breaker(clock);
  breaker.failed(down(60_000));
  expect(breaker.getState()).toMatchObject({ nextAttemptAt: 60_000 });
  const controller = new AbortController();
  const cancelled = breaker.admit(controller.signal).catch((e: unknown) => e);
  controller.abort();
  expect(await cancelled).toMatchObject({ name: 'AbortError' });
  let probed = false;
  const probe = breaker.admit().then(() => (probed = true));
  breaker.retryNow();
  await probe;
  expect(probed).toBe(true);
});

test('offline holds every read until the browser is back online', async () => {
  const breaker = new Breaker(manualClock());
  breaker.setOnline(false);
  expect(breaker.getState().status).toBe('offline');
  let went = false;
  const read = breaker.admit().then(() => (went = true));
  await settle();
  expect(went).toBe(false);
  breaker.setOnline(true);
  await read;
  expect(breaker.getState()).toEqual({ status: 'ok' });
});

test('however many reads wait and fail, an outage costs at most 6 requests in any minute', async () => {
  /** Lets the readers' promise callbacks run (microtasks only: nothing else moves time). */
  const flush = async () => {
    for (let i = 0; i < 6; i++) await Promise.resolve();
  };
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 8 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      async (readers, jitter) => {
        const clock = manualClock(jitter);
        const breaker = new Breaker(clock);
        const sentAt: number[] = [];
        let stop = false;
        // Each reader keeps asking as a view would: wait its turn, send (it fails), ask again.
        const loop = async () => {
          while (!stop) {
            await breaker.admit();
            if (stop) return;
            sentAt.push(clock.now());
            breaker.failed(down());
          }
        };
        breaker.failed(down()); // the first failure, at t = 0
        for (let i = 0; i < readers; i++) void loop();
        for (let second = 0; second < 180; second++) {
          clock.advance(1_000);
          await flush();
        }
        stop = true;
        breaker.succeeded(); // releases the waiting readers, which then stop
        await flush();
        for (const start of sentAt) {
          expect(sentAt.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(
            6,
          );
        }
        expect(sentAt.length).toBeGreaterThanOrEqual(8); // it kept trying: ~1, 3, 7, 15, 31, 61 … s
      },
    ),
    { numRuns: 20 },
  );
});
