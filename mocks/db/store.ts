/**
 * The store of Runs: the Runs by id, the ids it hands out, lineage (the Runs created from each by
 * Resume or Rerun) and the logs of quietly seeded Runs. It creates Runs, making the choices a
 * creator leaves open from each Run's own random source, so a seed always gives the same store.
 */
import { makePlan, randomFate } from '../engine/plan';
import { Random } from '../engine/random';
import { createRun } from '../engine/run-create';
import type { RunLog } from '../engine/run-log';
import type { RunInit, RunOptions, SimRun } from '../engine/run-model';
import type { PlayAloneOptions } from '../engine/run-play';
import { defaultSettings } from './default-settings';
import { QuietLogs } from './quiet-logs';

/** A Run created from another by Resume or Rerun (a type, so it fits the wire's loose objects). */
export type RunChild = { readonly id: number; readonly relaunch: 'resume' | 'rerun' };

/** The store as queries see it: reads only (a quiet Run's log is still rebuilt on first read). */
export type StoreReader = Pick<RunStore, 'runs' | 'get' | 'logOf' | 'childrenOf'>;

export class RunStore {
  private readonly byId = new Map<number, SimRun>();
  private readonly children = new Map<number, RunChild[]>();
  private readonly quiet = new QuietLogs();
  private seed = 0;
  private nextRunId = 1;
  private nextResultId = 1;

  /** Empties the store; Runs created from now on draw from `seed`. */
  reset(seed: number): void {
    this.seed = seed;
    this.byId.clear();
    this.children.clear();
    this.quiet.clear();
    this.nextRunId = 1;
    this.nextResultId = 1;
  }

  /** Every Run, in creation order. */
  get runs(): ReadonlyMap<number, SimRun> {
    return this.byId;
  }

  get(id: number): SimRun | undefined {
    return this.byId.get(id);
  }

  create(options: RunOptions): SimRun {
    const id = this.nextRunId++;
    const rng = Random.derive(this.seed, `run-${id}`);
    // The order of the draws is part of what a seed means: fate, then plan, then settings.
    const { fate: chosenFate, plan: ownPlan, settings: chosenSettings, ...rest } = options;
    const fate = chosenFate ?? randomFate(rng);
    const plan =
      ownPlan?.(rng) ??
      makePlan(rng, {
        type: options.type,
        containers: options.containers,
        datastoreName: options.datastore.name,
        fate,
      });
    const settings = chosenSettings ?? defaultSettings(options.type, rng);
    const init: RunInit = { ...rest, id, plan, settings };
    const run = createRun(init);
    if (run.quiet) this.quiet.created(init);
    this.byId.set(id, run);
    if (run.parentId !== null && run.relaunch !== null) {
      const list = this.children.get(run.parentId) ?? [];
      list.push({ id, relaunch: run.relaunch });
      this.children.set(run.parentId, list);
    }
    return run;
  }

  /** The id of the next per-container result (ids are shared by every Run). */
  resultId(): number {
    return this.nextResultId++;
  }

  /** The Run was played to its end on its own (history seeded in the past). */
  played(run: SimRun, options: PlayAloneOptions): void {
    this.quiet.played(run.id, options);
  }

  /** The Run's logs (a quietly seeded Run's are rebuilt on first read). */
  logOf(run: SimRun): RunLog {
    return this.quiet.logOf(run);
  }

  childrenOf(id: number): readonly RunChild[] {
    return this.children.get(id) ?? [];
  }

  delete(id: number): void {
    this.byId.delete(id);
    this.quiet.forget(id);
    for (const list of this.children.values()) {
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) list.splice(index, 1);
    }
  }
}
