/**
 * Property-based tests of the simulated backend: random sequences of commands (advance the clock,
 * launch, abort, resume, rerun, delete, switch user) never break the invariants of the Foundation
 * issue. The Simulator is used directly with a hand-driven clock; the oracle for every answer is
 * written from SPEC §2, not taken from the domain module the simulator itself uses. The commands
 * are in sim-commands.ts, the harness and the oracle in sim-harness.ts, the invariants and `play`
 * in sim-invariants.ts.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { VirtualClock } from './engine/clock';
import type { RunOptions, SimRun } from './engine/run-model';
import { commandArb, commandsArb } from './sim-commands';
import { freshSim, harness, json, run } from './sim-harness';
import { play } from './sim-invariants';
import { Simulator, TEST_EPOCH } from './simulator';

// ---------------------------------------------------------------------------------------------
// The properties

/**
 * fast-check picks a new seed each run and prints the seed and path of any failure, to replay it
 * with `fc.assert(..., { seed, path })`. FC_RUNS_SCALE=20 searches deeper locally.
 */
const SCALE = Number(process.env.FC_RUNS_SCALE ?? '1') || 1;
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
/** Generous: the machine is shared; a normal run of this file takes a few seconds. */
const TIMEOUT = 60_000 * SCALE;

test(
  'random commands on the default scenario never break an invariant',
  () => {
    fc.assert(
      fc.property(commandsArb(30), (cmds) => {
        play('default', cmds);
      }),
      { numRuns: runs(30) },
    );
  },
  TIMEOUT,
);

test(
  'random commands on an empty store never break an invariant',
  () => {
    fc.assert(
      fc.property(commandsArb(50, 6), (cmds) => {
        play('empty', cmds);
      }),
      { numRuns: runs(40) },
    );
  },
  TIMEOUT,
);

test(
  'the same seed and commands give the same store, and so does replaying the journal',
  () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), commandsArb(20), (seed, cmds) => {
        const a = harness('default', seed);
        const b = harness('default', seed);
        for (const cmd of cmds) {
          run(a, cmd);
          run(b, cmd);
        }
        a.sim.reconcile();
        b.sim.reconcile();
        const snapshot = json(a.sim.snapshot());
        expect(json(b.sim.snapshot())).toBe(snapshot);

        // The browser rebuilds its store from the journal after a reload.
        const c = freshSim('default', seed);
        c.replay(a.sim.journal);
        c.clock.set(a.sim.now());
        c.reconcile();
        expect(json(c.snapshot())).toBe(snapshot);
        expect(c.journal).toEqual(a.sim.journal);
      }),
      { numRuns: runs(15) },
    );
  },
  TIMEOUT,
);

test(
  'reconcile is path-independent: many small steps equal one big step',
  () => {
    const stepsArb = fc.array(fc.integer({ min: 0, max: 10 * 60_000 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stepsArb, commandArb()), { maxLength: 12, size: 'max' }),
        (rounds) => {
          const small = harness('default');
          const big = harness('default');
          for (const [steps, cmd] of rounds) {
            for (const ms of steps) {
              small.sim.clock.advance(ms);
              small.sim.reconcile();
            }
            big.sim.clock.advance(steps.reduce((sum, ms) => sum + ms, 0));
            run(small, cmd);
            run(big, cmd);
          }
          small.sim.reconcile();
          big.sim.reconcile();
          expect(json(small.sim.snapshot())).toBe(json(big.sim.snapshot()));
        },
      ),
      { numRuns: runs(20) },
    );
  },
  TIMEOUT,
);

/** Seeds every Run eagerly, logs and all, instead of quietly with the log rebuilt on first read. */
class EagerSimulator extends Simulator {
  override createRun(options: RunOptions): SimRun {
    return super.createRun({ ...options, quiet: false });
  }
}

test(
  'a quietly seeded Run rebuilds on first read the log an eager play writes',
  () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const lazy = freshSim('default', seed);
        const eager = new EagerSimulator({ seed, clock: VirtualClock.manual(TEST_EPOCH) });
        const quiet = [...lazy.runs.values()].filter((r) => r.quiet);
        expect(quiet.length).toBeGreaterThan(40);
        expect(quiet.every((r) => r.log.length === 0)).toBe(true);
        expect([...eager.runs.values()].some((r) => r.quiet)).toBe(false);
        for (const r of quiet) {
          const twin = eager.runs.get(r.id) as SimRun;
          expect(lazy.logOf(r)).toEqual(twin.log.all());
          expect(r.lastSeq).toBe(twin.lastSeq);
          expect(r.warnings).toBe(twin.warnings);
        }
        expect(json(lazy.snapshot())).toBe(json(eager.snapshot()));
      }),
      { numRuns: runs(10) },
    );
  },
  TIMEOUT,
);
