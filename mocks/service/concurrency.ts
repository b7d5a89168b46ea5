/**
 * Extension: how many Runs were Running and Queued over the last hours (docs/api.md
 * "Concurrency"), as a plain function over the store; the caller brings the store up to now first.
 *
 * Running counts the Runs holding one of the worker pool's slots: Promote runs outside the pool
 * (it starts at once and holds no worker), so it is counted neither as Running nor as Queued.
 * Every Run counts, whichever datastore it belongs to: the workers are shared by all of them, and
 * only the counts are told.
 */
import type { ConcurrencyWire } from '../../src/api/contract';
import { CONCURRENCY_SAMPLE_MS, parseConcurrencyHours } from '../../src/api/contract';
import type { SimRun } from '../engine/run-model';
import type { SimResult } from './result';
import { fail, ok } from './result';
import { iso } from './wire';

/** What the answer is computed from (the Simulator is one). */
export interface ConcurrencySource {
  readonly runs: ReadonlyMap<number, Timed>;
  /** The worker pool's size. */
  readonly workers: number;
  now(): number;
}

/** What a Run's counting needs of it. */
type Timed = Pick<SimRun, 'type' | 'created' | 'startTime' | 'endTime'>;
type Counts = { running: number; queued: number };

/** Running and Queued at `at`: started and not ended; created and neither started nor ended. */
function countsAt(runs: readonly Timed[], at: number): Counts {
  let running = 0;
  let queued = 0;
  for (const run of runs) {
    if (run.created > at || (run.endTime !== null && run.endTime <= at)) continue;
    if (run.startTime !== null && run.startTime <= at) running++;
    else queued++;
  }
  return { running, queued };
}

/** `hours` as the request sent it (null: left out, 24). */
export function concurrency(
  source: ConcurrencySource,
  hours: string | null,
): SimResult<ConcurrencyWire> {
  const parsed = parseConcurrencyHours(hours);
  if (!parsed.ok) return fail(400, parsed.detail);
  const now = source.now();
  const pooled = [...source.runs.values()].filter((run) => run.type !== 'promote');
  const count = (parsed.hours * 3_600_000) / CONCURRENCY_SAMPLE_MS;
  const samples: ConcurrencyWire['samples'] = [];
  for (let i = count; i >= 0; i--) {
    const at = now - i * CONCURRENCY_SAMPLE_MS;
    samples.push({ time: iso(at), ...countsAt(pooled, at) });
  }
  return ok({ worker_limit: source.workers, now: countsAt(pooled, now), samples });
}
