/**
 * Idempotent relaunch in the simulator (docs/api.md): a repeat of an Idempotency-Key within 24 h
 * of virtual time answers the Run the first request created, re-read now; the same key for another
 * Run or action is refused; the key travels in the journal, so a replay rebuilds the same answers.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { RunWire } from '../../src/api/contract';
import { IDEMPOTENCY_WINDOW_MS } from '../../src/api/contract';
import { VirtualClock } from '../engine/clock';
import { Simulator, TEST_EPOCH } from '../simulator';
import type { SimResult } from './result';

const HOUR = 3_600_000;

const fresh = () => new Simulator({ clock: VirtualClock.manual(TEST_EPOCH) });

/** Runs of the default scenario that both Resume and Rerun accept (probed on a throwaway copy). */
const PARENTS: readonly number[] = (() => {
  const probe = fresh();
  return [...probe.runs.keys()]
    .filter((id) => probe.resume(id).status === 201 && probe.rerun(id).status === 201)
    .slice(0, 3);
})();

function created(result: SimResult<unknown>): RunWire {
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body as RunWire;
}

/** The Run as GET answers it now. */
function current(sim: Simulator, id: number): RunWire {
  const result = sim.getRun(id);
  expect(result.status).toBe(200);
  return result.body as RunWire;
}

const detail = (result: SimResult<unknown>): string => (result.body as { detail: string }).detail;

test('the default scenario has Runs to relaunch', () => {
  expect(PARENTS.length).toBe(3);
});

test('a repeated key answers the first Run, as it is at the time of the repeat', () => {
  const sim = fresh();
  const parent = PARENTS[0] as number;
  const before = sim.runs.size;
  const first = created(sim.resume(parent, 'k-1'));
  sim.clock.advance(HOUR);
  const again = created(sim.resume(parent, 'k-1'));
  expect(again.id).toBe(first.id);
  expect(again).toEqual(current(sim, first.id));
  expect(again).not.toEqual(first);
  expect(sim.runs.size).toBe(before + 1);
});

test('the same key for another Run or another action is refused with 409', () => {
  const sim = fresh();
  const [a, b] = PARENTS as [number, number];
  const first = created(sim.rerun(a, 'k-2'));
  const size = sim.runs.size;
  const otherRun = sim.rerun(b, 'k-2');
  expect(otherRun.status).toBe(409);
  expect(detail(otherRun)).toBe(
    `This Idempotency-Key was already used to rerun Run #${a}; make a new key for each action (it was sent to rerun Run #${b})`,
  );
  const otherAction = sim.resume(a, 'k-2');
  expect(otherAction.status).toBe(409);
  expect(detail(otherAction)).toMatch(`already used to rerun Run #${a}`);
  expect(sim.runs.size).toBe(size);
  expect(created(sim.rerun(a, 'k-2')).id).toBe(first.id);
});

test('a key is kept for 24 hours of virtual time, then it is new again', () => {
  const sim = fresh();
  const parent = PARENTS[1] as number;
  const first = created(sim.rerun(parent, 'k-3'));
  sim.clock.advance(IDEMPOTENCY_WINDOW_MS);
  expect(created(sim.rerun(parent, 'k-3')).id).toBe(first.id);
  sim.clock.advance(1);
  const later = created(sim.rerun(parent, 'k-3'));
  expect(later.id).not.toBe(first.id);
  expect(created(sim.rerun(parent, 'k-3')).id).toBe(later.id);
});

test('a failed first request records nothing; a deleted Run is not recreated', () => {
  const sim = fresh();
  const refused = sim.resume(9_999, 'k-4');
  expect(refused.status).toBe(404);
  const parent = PARENTS[2] as number;
  expect(created(sim.resume(parent, 'k-4')).parent_id).toBe(parent);

  const first = created(sim.rerun(parent, 'k-5'));
  sim.clock.advance(6 * HOUR);
  expect(sim.delete(first.id).status).toBe(204);
  const size = sim.runs.size;
  const gone = sim.rerun(parent, 'k-5');
  expect(gone.status).toBe(409);
  expect(detail(gone)).toBe(
    `Run #${first.id}, which this Idempotency-Key created, has since been deleted`,
  );
  expect(sim.runs.size).toBe(size);
});

test('a reset forgets the keys', () => {
  const sim = fresh();
  const parent = PARENTS[0] as number;
  const first = created(sim.resume(parent, 'k-6'));
  sim.reset('default', sim.seed);
  const size = sim.runs.size;
  expect(created(sim.resume(parent, 'k-6')).id).toBe(first.id); // the same next id, a new Run
  expect(sim.runs.size).toBe(size + 1);
});

// ---------------------------------------------------------------------------------------------
// Property: random relaunch requests with repeated and fresh keys

type Request =
  | { readonly kind: 'advance'; readonly ms: number }
  | {
      readonly kind: 'resume' | 'rerun';
      readonly parent: number;
      /** null: no key; else one of a few keys, so keys repeat. */
      readonly key: number | null;
    };

const requestArb: fc.Arbitrary<Request> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(fc.integer({ min: 0, max: HOUR }), fc.integer({ min: 0, max: 12 * HOUR })),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('resume' as const, 'rerun' as const),
      parent: fc.constantFrom(...PARENTS),
      key: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 4 }),
    }),
  },
);

interface FirstUse {
  readonly kind: 'resume' | 'rerun';
  readonly parent: number;
  readonly runId: number;
  readonly at: number;
}

test('Runs created = distinct keys (per 24 h window) plus key-less requests; replay agrees', () => {
  fc.assert(
    fc.property(fc.array(requestArb, { maxLength: 40 }), (requests) => {
      const sim = fresh();
      const start = sim.runs.size;
      const firstUses = new Map<string, FirstUse>();
      let keyWindows = 0;
      let keyless = 0;
      for (const request of requests) {
        if (request.kind === 'advance') {
          sim.clock.advance(request.ms);
          continue;
        }
        const { kind, parent } = request;
        const key = request.key === null ? undefined : `key-${request.key}`;
        const answer = sim[kind](parent, key);
        const now = sim.now();
        const use = key === undefined ? undefined : firstUses.get(key);
        if (key === undefined) {
          created(answer);
          keyless++;
        } else if (use && now - use.at <= IDEMPOTENCY_WINDOW_MS) {
          if (use.kind === kind && use.parent === parent) {
            expect(created(answer)).toEqual(current(sim, use.runId));
          } else {
            expect(answer.status).toBe(409);
          }
        } else {
          firstUses.set(key, { kind, parent, runId: created(answer).id, at: now });
          keyWindows++;
        }
      }
      expect(sim.runs.size - start).toBe(keyWindows + keyless);

      // The journal carries the keys: a replay gives the same store and answers repeats alike.
      const replayed = fresh();
      replayed.replay(sim.journal);
      replayed.clock.set(sim.now());
      replayed.reconcile();
      sim.reconcile();
      expect(replayed.snapshot()).toEqual(sim.snapshot());
      for (const [key, use] of firstUses) {
        expect(replayed[use.kind](use.parent, key)).toEqual(sim[use.kind](use.parent, key));
      }
    }),
    { numRuns: 40 },
  );
}, 60_000); // generous: the machine is shared, a normal run takes a few seconds
