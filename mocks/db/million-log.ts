/**
 * The `million-log` scenario (SPEC §6): one Scan that has been running for two days and goes on
 * streaming, whose Run-level log already holds 1,000,000 lines and its first container's log
 * 200,000. The worker's real lines open the logs; the two days of batches are one generated block
 * (engine/log-block.ts), made line by line when read; the live steps append after it.
 */
import { appendBlock } from '../engine/log-block';
import { makePlan } from '../engine/plan';
import type { RunPlan } from '../engine/plan';
import type { Random } from '../engine/random';
import type { SimRun } from '../engine/run-model';
import { DATASTORES, SCHEDULES } from './catalog';
import type { SimContainer, SimDatastore } from './catalog';
import { containerLines, runLevelLines } from './generated-lines';
import type { SeedTarget } from './scenarios';

const SECOND = 1000;
const DAY = 86_400 * SECOND;
/** Steps per container still to come: each logs a line about every second, for hours. */
const STEPS = 6_000;
const PICKUP_MS = 2 * SECOND;
const SETUP_MS = 3 * SECOND;

export interface LogSizes {
  readonly runLevel: number;
  readonly container: number;
}

export const MILLION_LOG_SIZES: LogSizes = { runLevel: 1_000_000, container: 200_000 };

/** What the Run is: a scheduled Scan of three tables, logging each step in its Run-level log. */
const THE_RUN = { type: 'scan', triggeredBy: 'System', fate: 'success' } as const;
const ITS_PLAN = {
  type: THE_RUN.type,
  fate: THE_RUN.fate,
  stepsPerContainer: [STEPS, STEPS],
  stepMs: [400, 1_600],
  stepScope: 'run',
} as const;

/** Its plan, whose first step lasts `firstStepMs`: what happens meanwhile is the generated block. */
function livePlan(
  rng: Random,
  datastore: SimDatastore,
  containers: readonly SimContainer[],
  firstStepMs: number,
): RunPlan {
  const base = makePlan(rng, { ...ITS_PLAN, containers, datastoreName: datastore.name });
  const [first, ...rest] = base.containers;
  if (!first) return base;
  const [step, ...steps] = first.steps;
  const longStep = step ? [{ ...step, durationMs: firstStepMs }] : [];
  return {
    ...base,
    pickupMs: PICKUP_MS,
    setupMs: SETUP_MS,
    containers: [{ ...first, steps: [...longStep, ...steps] }, ...rest],
  };
}

export function seedMillionLog(
  sim: SeedTarget,
  sizes: LogSizes = MILLION_LOG_SIZES,
  runningFor: number = 2 * DAY,
): SimRun {
  const datastore = DATASTORES[0] as SimDatastore;
  const containers = datastore.containers.slice(0, 3);
  const created = sim.epoch - runningFor;
  const begun = created + PICKUP_MS + SETUP_MS;
  const run = sim.createRun({
    ...THE_RUN,
    datastore,
    containers,
    created,
    schedule: SCHEDULES[0] ?? null,
    // Its first step ends a second after now.
    plan: (rng) => livePlan(rng, datastore, containers, sim.epoch + SECOND - begun),
  });
  // A worker picks it up and it begins its first container; then two days of batches.
  sim.reconcile(begun);
  const table = containers[0];
  if (!table) return run;
  const of = { seed: sim.seed, table: table.name, datastore: datastore.name, start: begun };
  appendBlock(run, {
    from: begun,
    to: sim.epoch - SECOND,
    containerId: table.id,
    runLevel: { lines: sizes.runLevel - run.log.of(null).size, source: runLevelLines(of) },
    container: { lines: sizes.container - run.log.of(table.id).size, source: containerLines(of) },
  });
  return run;
}
