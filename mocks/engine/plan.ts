/**
 * What a simulated Run will do, decided when it is created: the containers it works through one at
 * a time, the steps of each with their planned durations, and where it warns or fails. Pure and
 * seeded, so the same seed always gives the same plan.
 */
import type { OperationType } from '../../src/domain/operations';
import { operationInfo } from '../../src/domain/operations';
import type { SimContainer } from '../db/catalog';
import type { Random } from './random';

/** How a planned Run ends (Abort is not planned: a user or the system does it). */
export type Fate = 'success' | 'warnings' | 'container_failure' | 'failure';

export interface StepPlan {
  readonly durationMs: number;
  readonly records: number;
  readonly anomalies: number;
  readonly partition: number;
  /** A warning logged at this step (skipped partition, reduced coverage), or null. */
  readonly warning: string | null;
}

export interface ContainerPlan {
  readonly container: SimContainer;
  readonly steps: readonly StepPlan[];
  /** success; failure (this container fails, the Run goes on); fatal (the Run fails here). */
  readonly outcome: 'success' | 'failure' | 'fatal';
  readonly error: string | null;
  readonly fieldsProfiled: number;
  readonly checksSynchronized: number;
  readonly query: string;
}

export interface RunPlan {
  readonly fate: Fate;
  /** Delay between a free worker slot and the Run starting. */
  readonly pickupMs: number;
  readonly setupMs: number;
  readonly containers: readonly ContainerPlan[];
  /** Where step messages go: the Run-level log, or each container's own log (Profile, Scan). */
  readonly stepScope: 'run' | 'container';
}

export interface PlanOptions {
  readonly type: OperationType;
  readonly containers: readonly SimContainer[];
  readonly datastoreName: string;
  readonly fate: Fate;
  /** Multiplies every duration (1 = a few seconds per step). */
  readonly pace?: number;
  readonly stepsPerContainer?: readonly [number, number];
  readonly stepMs?: readonly [number, number];
  readonly stepScope?: 'run' | 'container';
}

export function randomFate(rng: Random): Fate {
  return rng.weighted<Fate>([
    ['success', 62],
    ['warnings', 14],
    ['container_failure', 10],
    ['failure', 14],
  ]);
}

export function makePlan(rng: Random, options: PlanOptions): RunPlan {
  const { type, containers, fate } = options;
  const pace = options.pace ?? 1;
  const [minSteps, maxSteps] = options.stepsPerContainer ?? [2, 5];
  const [minStepMs, maxStepMs] = options.stepMs ?? [3_000, 15_000];
  const n = containers.length;
  const fatalAt = fate === 'failure' && n > 0 ? rng.int(0, n - 1) : -1;
  const failing = new Set<number>();
  if (fate === 'container_failure' && n > 0) {
    failing.add(rng.int(0, n - 1));
    if (n > 4 && rng.chance(0.3)) failing.add(rng.int(0, n - 1));
  }
  const warnAt = new Set<number>();
  if (fate === 'warnings' && n > 0) {
    const count = rng.int(1, Math.min(3, n));
    for (let i = 0; i < count; i++) warnAt.add(rng.int(0, n - 1));
  }

  const plans: ContainerPlan[] = containers.map((container, index) => {
    const stepCount = rng.int(minSteps, maxSteps);
    const warnStep = warnAt.has(index) ? rng.int(0, stepCount - 1) : -1;
    const steps: StepPlan[] = [];
    for (let s = 0; s < stepCount; s++) {
      steps.push({
        durationMs: Math.round(rng.int(minStepMs, maxStepMs) * pace),
        records: rng.int(1, 200) * 1_000 + rng.int(0, 999),
        anomalies: type === 'scan' && rng.chance(0.25) ? rng.int(1, 12) : 0,
        partition: s + 1,
        warning: s === warnStep ? warningText(rng, container.name, s + 1) : null,
      });
    }
    const outcome = index === fatalAt ? 'fatal' : failing.has(index) ? 'failure' : 'success';
    return {
      container,
      steps,
      outcome,
      error:
        outcome === 'fatal'
          ? fatalText(rng, container.name, options.datastoreName)
          : outcome === 'failure'
            ? containerErrorText(rng, container.name)
            : null,
      fieldsProfiled: type === 'profile' ? rng.int(4, 60) : 0,
      checksSynchronized: type === 'profile' ? rng.int(0, 25) : 0,
      query: queryText(type, container.name),
    };
  });

  return {
    fate,
    pickupMs: 2_000,
    setupMs: Math.round(rng.int(2_000, 6_000) * pace),
    containers: plans,
    stepScope:
      options.stepScope ?? (operationInfo(type).hasContainerProgress ? 'container' : 'run'),
  };
}

/** The message of one completed step, as the worker logs it. */
export function stepText(type: OperationType, name: string, step: StepPlan, total: number): string {
  const records = formatCount(step.records);
  const part = `partition ${step.partition}/${total} of ${name}`;
  switch (type) {
    case 'scan':
      return `Scanned ${part}: ${records} records, ${step.anomalies} anomalies`;
    case 'profile':
      return `Profiled ${part}: ${records} records`;
    case 'catalog':
      return `Catalogued ${part}: ${records} rows sampled for field types`;
    case 'external_scan':
      return `Compared ${part} with the reference source: ${records} records`;
    case 'export':
      return `Exported ${part}: ${records} metadata rows`;
    case 'materialize':
      return `Materialized ${part}: ${records} records written`;
    case 'promote':
      return `Promoted step ${step.partition}/${total} of ${name}`;
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

function warningText(rng: Random, name: string, partition: number): string {
  return rng.pick([
    `Skipped partition ${partition} of ${name}: the source file is empty`,
    `Partition ${partition} of ${name}: ${rng.int(2, 90)} records could not be parsed and were skipped`,
    `Reduced coverage on ${name}: sampling limited to 10,000 records per partition`,
    `Partition ${partition} of ${name}: value '<img src=x onerror=alert(1)>' in column "comment" is not valid UTF-8 and was replaced`,
  ]);
}

function containerErrorText(rng: Random, name: string): string {
  return rng.pick([
    `Query on ${name} failed: permission denied for relation ${name}`,
    `Timed out reading ${name} after 600 s`,
    `Column "updated_at" of ${name} has an unsupported type <interval>`,
  ]);
}

function fatalText(rng: Random, name: string, datastore: string): string {
  return rng.pick([
    `Unrecoverable error on ${name}: the connection to ${datastore} was lost (ECONNRESET)`,
    `Unrecoverable error on ${name}: the worker ran out of memory`,
    `Unrecoverable error on ${name}: credentials for ${datastore} expired`,
  ]);
}

function queryText(type: OperationType, name: string): string {
  switch (type) {
    case 'scan':
      return `SELECT * FROM "${name}" WHERE "_batch" > :last_batch`;
    case 'profile':
      return `SELECT COUNT(*), COUNT(DISTINCT *) FROM "${name}" TABLESAMPLE SYSTEM (10)`;
    default:
      return `SELECT * FROM "${name}"`;
  }
}

/** 1234567 → "1,234,567" (fast: no Intl and no regular expression on the simulator's hot path). */
export function formatCount(n: number): string {
  const digits = String(n);
  if (!Number.isInteger(n) || n < 0) return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
