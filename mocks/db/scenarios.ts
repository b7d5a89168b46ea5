/**
 * The named scenarios of SPEC §6. Each is laid out relative to the simulator's epoch (its "now" at
 * reset) and is fully determined by the seed.
 */
import type { Scenario } from '../../src/api/contract';
import type { OperationType } from '../../src/domain/operations';
import { OPERATION_TYPES, operationInfo } from '../../src/domain/operations';
import type { Fate, RunPlan } from '../engine/plan';
import { makePlan } from '../engine/plan';
import { Random } from '../engine/random';
import { relaunchContainers } from '../engine/relaunch';
import type { RunOptions, SimRun } from '../engine/run-model';
import type { PlayAloneOptions } from '../engine/run-play';
import { DATASTORES, SCHEDULES, USERS, workItems } from './catalog';
import type { SimDatastore } from './catalog';
import { seedMillionLog } from './million-log';

/** What seeding needs of the simulator. */
export interface SeedTarget {
  readonly seed: number;
  readonly epoch: number;
  createRun(options: RunOptions): SimRun;
  playAlone(run: SimRun, options: PlayAloneOptions): void;
  /** Moves the Runs seeded so far up to `until`. */
  reconcile(until: number): void;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Ending = Fate | 'aborted';

export function seedScenario(sim: SeedTarget, scenario: Scenario): void {
  switch (scenario) {
    case 'empty':
      return;
    case 'default':
    case 'flaky': // the default data; the simulator turns the flaky faults on (service/faults.ts)
      seedHistory(sim, 52, true);
      seedRecent(sim);
      return;
    case 'busy':
      seedHistory(sim, 10_000 - 7, false);
      seedRecent(sim);
      return;
    case 'huge-log':
      seedHugeLog(sim);
      return;
    case 'million-log':
      seedMillionLog(sim);
      return;
    default: {
      const exhaustive: never = scenario;
      return exhaustive;
    }
  }
}

/** Every type in every ending it can have, so the default scenario shows them all. */
function coverage(): [OperationType, Ending][] {
  const combos: [OperationType, Ending][] = [];
  for (const type of OPERATION_TYPES) {
    for (const ending of ['success', 'warnings', 'failure', 'aborted'] as const)
      combos.push([type, ending]);
    if (operationInfo(type).hasContainerProgress) combos.push([type, 'container_failure']);
  }
  return combos;
}

function randomEnding(rng: Random): Ending {
  return rng.weighted<Ending>([
    ['success', 60],
    ['warnings', 12],
    ['container_failure', 8],
    ['failure', 12],
    ['aborted', 8],
  ]);
}

function seedHistory(sim: SeedTarget, count: number, full: boolean): void {
  const rng = Random.derive(sim.seed, `history-${count}`);
  const start = sim.epoch - 30 * DAY;
  const end = sim.epoch - 3 * HOUR;
  const times = Array.from({ length: count }, () => rng.int(start, end)).sort((a, b) => a - b);
  const combos = full ? coverage() : [];
  while (combos.length < count) combos.push([rng.pick(OPERATION_TYPES), randomEnding(rng)]);
  // Shuffle so the guaranteed combinations spread over the month.
  const order = combos.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const relaunchable: SimRun[] = [];
  times.forEach((created, index) => {
    const [type, ending] = combos[order[index] ?? index] ?? ['scan', 'success'];
    const datastore = rng.pick(DATASTORES);
    const items = workItems(type, datastore);
    const containers =
      type === 'catalog' || rng.chance(0.4)
        ? items
        : rng.sample(
            items,
            rng.int(Math.min(2, items.length), full ? items.length : Math.min(6, items.length)),
          );
    const scheduled = rng.chance(0.45);
    const run = sim.createRun({
      type,
      datastore,
      containers,
      created,
      triggeredBy: scheduled ? 'System' : rng.pick(USERS),
      schedule: scheduled ? rng.pick(SCHEDULES) : null,
      fate: ending === 'aborted' ? 'success' : ending,
      quiet: true,
      plan: (r) =>
        makePlan(r, {
          type,
          containers,
          datastoreName: datastore.name,
          fate: ending === 'aborted' ? 'success' : ending,
          pace: 0.5 + r.next() * 5,
        }),
    });
    const waitMs = rng.int(2, 300) * 1000;
    const planned = plannedMs(run.plan);
    sim.playAlone(run, {
      waitMs,
      ...(ending === 'aborted'
        ? {
            abortAt: created + waitMs + Math.floor(planned * (0.1 + rng.next() * 0.7)),
            abortedBy: rng.chance(0.3) ? 'System' : rng.pick(USERS),
          }
        : {}),
    });
    if (
      full &&
      operationInfo(type).canResume &&
      (run.state === 'failure' || run.state === 'aborted')
    ) {
      relaunchable.push(run);
    }
  });
  // A little lineage: some failed or aborted runs were resumed, one was rerun.
  relaunchable.slice(0, 3).forEach((parent, i) => {
    const datastore = DATASTORES.find((d) => d.id === parent.datastoreId) as SimDatastore;
    const kind = i === 2 ? 'rerun' : 'resume';
    const created = (parent.endTime ?? parent.created) + 20 * MINUTE;
    if (created > end) return;
    const child = sim.createRun({
      type: parent.type,
      datastore,
      containers: relaunchContainers(parent, kind),
      created,
      triggeredBy: rng.pick(USERS),
      settings: parent.settings,
      parentId: parent.id,
      relaunch: kind,
      fate: 'success',
      quiet: true,
    });
    sim.playAlone(child, { waitMs: 5_000 });
  });
}

/** A few Runs from the last minutes, still Running or Queued behind the busy workers. */
function seedRecent(sim: SeedTarget): void {
  const recent: [OperationType, number, number, Fate][] = [
    // type, datastore index, minutes ago, fate
    ['scan', 0, 10, 'container_failure'],
    ['profile', 1, 8, 'success'],
    ['catalog', 3, 6, 'warnings'],
    ['export', 0, 5, 'success'],
    ['materialize', 2, 3, 'success'],
    ['promote', 1, 2, 'success'],
    ['external_scan', 4, 1, 'failure'],
  ];
  for (const [type, dsIndex, minutesAgo, fate] of recent) {
    const datastore = DATASTORES[dsIndex] as SimDatastore;
    const containers = workItems(type, datastore);
    sim.createRun({
      type,
      datastore,
      containers,
      created: sim.epoch - minutesAgo * MINUTE,
      triggeredBy: type === 'profile' ? 'System' : 'grace@example.com',
      schedule: type === 'profile' ? (SCHEDULES[0] ?? null) : null,
      fate,
      plan: (r) =>
        makePlan(r, {
          type,
          containers,
          datastoreName: datastore.name,
          fate,
          pace: type === 'promote' ? 1 : 3,
        }),
    });
  }
}

/** One External Scan that has been streaming for about 28 hours: 100,000+ log lines. */
function seedHugeLog(sim: SeedTarget): void {
  const datastore = DATASTORES[0] as SimDatastore;
  const containers = datastore.containers;
  const STEPS = 8_000;
  sim.createRun({
    type: 'external_scan',
    datastore,
    containers,
    created: sim.epoch - 100_000 * 1000 - 10_000,
    triggeredBy: 'System',
    schedule: SCHEDULES[1] ?? null,
    fate: 'warnings',
    plan: (rng): RunPlan => {
      const base = makePlan(rng, {
        type: 'external_scan',
        containers,
        datastoreName: datastore.name,
        fate: 'success',
        stepsPerContainer: [STEPS, STEPS],
        stepMs: [1_000, 1_000],
        stepScope: 'run',
      });
      return {
        ...base,
        setupMs: 5_000,
        containers: base.containers.map((c, ci) => ({
          ...c,
          steps: c.steps.map((step, si) => {
            const n = ci * STEPS + si;
            if (n === 119) {
              return {
                ...step,
                warning: `Row 120 of ${c.container.name}: value '<img src=x onerror=alert(1)>' is not a valid date`,
              };
            }
            if (n % 4_999 === 4_998)
              return {
                ...step,
                warning: `Skipped partition ${step.partition} of ${c.container.name}: checksum mismatch`,
              };
            return step;
          }),
        })),
      };
    },
  });
}

function plannedMs(plan: RunPlan): number {
  return (
    plan.setupMs +
    plan.containers.reduce((sum, c) => sum + c.steps.reduce((s, st) => s + st.durationMs, 0), 0)
  );
}
