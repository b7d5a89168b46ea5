/**
 * The simulated Run: what it is (fixed at creation) and where it is (changed only by the engine's
 * steps), and the one set of options a Run is created from.
 */
import type { OperationType } from '../../src/domain/operations';
import type { SettingKey } from '../../src/domain/settings';
import type { RunState } from '../../src/domain/states';
import type { SimContainer, SimDatastore } from '../db/catalog';
import type { Fate, RunPlan } from './plan';
import type { Random } from './random';
import type { LogTarget } from './run-log';

export interface SimContainerResult {
  readonly id: number;
  readonly container: SimContainer;
  readonly created: number;
  startTime: number;
  endTime: number | null;
  records: number;
  anomalies: number;
  fieldsProfiled: number;
  checksSynchronized: number;
  result: RunState;
  message: string | null;
}

/** The settings a Run used, keyed by the domain's setting keys (SPEC §3). */
export type Settings = Readonly<Partial<Record<SettingKey, string | number | boolean | null>>>;

export interface SimRun extends LogTarget {
  readonly id: number;
  readonly type: OperationType;
  readonly datastoreId: number;
  readonly created: number;
  readonly triggeredBy: string;
  readonly schedule: { readonly id: number; readonly name: string } | null;
  readonly tags: readonly string[];
  readonly settings: Settings;
  readonly containers: readonly SimContainer[];
  readonly plan: RunPlan;
  readonly parentId: number | null;
  readonly relaunch: 'resume' | 'rerun' | null;
  state: RunState;
  startTime: number | null;
  endTime: number | null;
  message: string | null;
  abortedBy: string | null;
  /** The worker slot it holds while Running (null for Promote, which runs outside the pool). */
  slot: number | null;
  /** Where it is in its plan: the next event and when it happens. */
  cursor: { container: number; step: number; at: number } | null;
  analyzed: number;
  records: number;
  anomalies: number;
  partitions: number;
  fieldsProfiled: number;
  checksSynchronized: number;
  completed: number[];
  results: SimContainerResult[];
  /** State changes as they happened, for the invariants. */
  history: { from: RunState | null; to: RunState; at: number }[];
}

/** What a Run is created from: seeds, launch, resume and rerun all say it this way. */
export interface RunOptions {
  readonly type: OperationType;
  readonly datastore: SimDatastore;
  readonly containers: readonly SimContainer[];
  readonly created: number;
  readonly triggeredBy: string;
  readonly schedule?: SimRun['schedule'];
  /** Left out: the type's defaults, drawn from the Run's own random source. */
  readonly settings?: Settings;
  readonly tags?: readonly string[];
  readonly parentId?: number | null;
  readonly relaunch?: SimRun['relaunch'];
  /** Left out: drawn from the Run's own random source. */
  readonly fate?: Fate;
  /** Left out: a plan made for the fate. */
  readonly plan?: (rng: Random) => RunPlan;
  /** Played into the past: keep counts only, rebuild the log entries when first read. */
  readonly quiet?: boolean;
}

/** The same options once the store has made its choices: the id, the plan and the settings. */
export type RunInit = Omit<RunOptions, 'fate' | 'plan' | 'settings'> & {
  readonly id: number;
  readonly plan: RunPlan;
  readonly settings: Settings;
};
