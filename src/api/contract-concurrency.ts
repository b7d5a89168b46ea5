/**
 * Extension (docs/api.md "Concurrency"): how many Runs were Running and Queued over the last hours,
 * for the Activity page's concurrency view. Part of the contract (re-exported by contract.ts): the
 * client validates the answer with the schema, the simulator parses `hours` with the same rule.
 */
import { z } from 'zod/mini';
import { count, isoDateTime } from './contract-blocks';

/** `hours`: how far back the samples go, 1 to 168 (a week); 24 when left out. */
export const CONCURRENCY_HOURS = { min: 1, max: 168, default: 24 } as const;
/** One sample every 15 minutes, the last one at the server's now. */
export const CONCURRENCY_SAMPLE_MS = 15 * 60_000;

/** The `hours` parameter as sent (null: left out): the number of hours, or the 400's detail. */
export function parseConcurrencyHours(
  value: string | null,
): { readonly ok: true; readonly hours: number } | { readonly ok: false; readonly detail: string } {
  if (value === null) return { ok: true, hours: CONCURRENCY_HOURS.default };
  const hours = /^\d+$/.test(value) ? Number(value) : NaN;
  if (hours >= CONCURRENCY_HOURS.min && hours <= CONCURRENCY_HOURS.max) return { ok: true, hours };
  return {
    ok: false,
    detail: `hours must be a whole number from ${CONCURRENCY_HOURS.min} to ${CONCURRENCY_HOURS.max}`,
  };
}

const countsSchema = z.looseObject({ running: count, queued: count });

export const concurrencySchema = z.looseObject({
  /** How many Runs can hold a worker at once; null when the server does not say. */
  worker_limit: z.nullable(z.int().check(z.positive())),
  now: countsSchema,
  /** Oldest first, one every 15 minutes, the last at the server's now. */
  samples: z.array(z.looseObject({ time: isoDateTime, running: count, queued: count })),
});
export type ConcurrencyWire = z.infer<typeof concurrencySchema>;
