/**
 * The concurrency extension over the store (docs/api.md "Concurrency"): known Runs give known
 * samples, Promote holds no worker, the worker limit is the pool's, and a bad `hours` is a 400.
 */
import { expect, test } from 'vitest';
import { CONCURRENCY_SAMPLE_MS } from '../../src/api/contract';
import { HOUR, MINUTE, body, detail, setup } from '../sim-setup';
import { TEST_EPOCH } from '../simulator';
import type { ConcurrencySource } from './concurrency';
import { concurrency } from './concurrency';

const T = TEST_EPOCH;
type Timed = ConcurrencySource['runs'] extends ReadonlyMap<number, infer R> ? R : never;

function source(runs: readonly Timed[], workers = 3): ConcurrencySource {
  return { runs: new Map(runs.map((run, i) => [i + 1, run])), workers, now: () => T };
}

const ago = (minutes: number) => T - minutes * MINUTE;

test('known Runs give known samples, oldest first, one every 15 minutes up to now', () => {
  const answer = body(
    concurrency(
      source(
        [
          // Queued 10 minutes, Running 30, ended 20 minutes ago.
          { type: 'scan', created: ago(60), startTime: ago(50), endTime: ago(20) },
          // Queued 30 minutes, Running for the last 10.
          { type: 'profile', created: ago(40), startTime: ago(10), endTime: null },
          // Queued for the last 5 minutes.
          { type: 'export', created: ago(5), startTime: null, endTime: null },
          // Aborted while Queued: Queued from 35 to 25 minutes ago only.
          { type: 'scan', created: ago(35), startTime: null, endTime: ago(25) },
          // Promote runs outside the worker pool: never counted.
          { type: 'promote', created: ago(30), startTime: ago(30), endTime: null },
        ],
        4,
      ),
      '1',
    ),
  );
  expect(answer).toEqual({
    worker_limit: 4,
    now: { running: 1, queued: 1 },
    samples: [
      { time: new Date(ago(60)).toISOString(), running: 0, queued: 1 },
      { time: new Date(ago(45)).toISOString(), running: 1, queued: 0 },
      { time: new Date(ago(30)).toISOString(), running: 1, queued: 2 },
      { time: new Date(ago(15)).toISOString(), running: 0, queued: 1 },
      { time: new Date(T).toISOString(), running: 1, queued: 1 },
    ],
  });
});

test('hours defaults to 24 and may be 1 to 168; anything else answers 400', () => {
  const none = source([]);
  const day = body(concurrency(none, null));
  expect(day.samples).toHaveLength(24 * 4 + 1);
  expect(Date.parse(day.samples[0]?.time ?? '')).toBe(T - 24 * HOUR);
  expect(day.samples.every((s) => s.running === 0 && s.queued === 0)).toBe(true);
  expect(body(concurrency(none, '168')).samples).toHaveLength(168 * 4 + 1);
  for (const bad of ['0', '169', '-1', '1.5', 'day', '', ' 24']) {
    expect(detail(concurrency(none, bad)), bad).toBe('hours must be a whole number from 1 to 168');
  }
});

test('the simulator: now is what the store holds, within the limit of its 3 workers', () => {
  for (const scenario of ['default', 'busy'] as const) {
    const { sim, advance } = setup(scenario);
    advance(7 * MINUTE);
    sim.reconcile();
    const answer = body(concurrency(sim, null));
    const runs = [...sim.runs.values()].filter((r) => r.type !== 'promote');
    const queued = runs.filter((r) => r.state === 'queued').length;
    const running = runs.filter((r) => r.state === 'running').length;
    expect(answer.worker_limit).toBe(3);
    expect(answer.now).toEqual({ running, queued });
    expect(answer.now.running).toBeLessThanOrEqual(3);
    expect(answer.samples.at(-1)).toEqual({
      time: new Date(sim.now()).toISOString(),
      ...answer.now,
    });
    const times = answer.samples.map((s) => Date.parse(s.time));
    expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual(
      Array(24 * 4).fill(CONCURRENCY_SAMPLE_MS),
    );
  }
});
