/**
 * One simulated Run and how it moves: start, work through its plan one step at a time, end, or be
 * aborted. Every state change goes through `transition`, which only allows edges of the domain's
 * transition table; a terminal Run is never touched again.
 */
import type { LogLevel } from '../../src/api/contract';
import { isTransition, initialState } from '../../src/domain/lifecycle';
import type { OperationType } from '../../src/domain/operations';
import { operationInfo } from '../../src/domain/operations';
import type { RunState } from '../../src/domain/states';
import { isActive } from '../../src/domain/states';
import type { SimContainer, SimDatastore } from '../db/catalog';
import type { Fate, RunPlan } from './plan';
import type { Random } from './random';
import { formatCount, stepText } from './plan';

export interface SimLogEntry {
  readonly seq: number;
  readonly time: number;
  readonly level: LogLevel;
  readonly message: string;
  readonly containerId: number | null;
}

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

export type Settings = Readonly<Record<string, string | number | boolean | null>>;

export interface SimRun {
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
  /**
   * The log. A Run seeded into the past is played "quietly": only its counts are kept, and the
   * entries are rebuilt on first read by playing the same plan again (see Simulator.logOf).
   */
  log: SimLogEntry[];
  quiet: boolean;
  lastSeq: number;
  warnings: number;
  /** State changes as they happened, for the invariants. */
  history: { from: RunState | null; to: RunState; at: number }[];
}

export interface CreateOptions {
  readonly type: OperationType;
  readonly datastore: SimDatastore;
  readonly containers: readonly SimContainer[];
  readonly created: number;
  readonly triggeredBy: string;
  readonly schedule?: SimRun['schedule'];
  readonly settings?: Settings;
  readonly tags?: readonly string[];
  readonly parentId?: number | null;
  readonly relaunch?: SimRun['relaunch'];
  readonly fate?: Fate;
  readonly plan?: (rng: Random) => RunPlan;
  /** Played into the past: keep counts only, rebuild the log entries when first read. */
  readonly quiet?: boolean;
}

export interface PlayAloneOptions {
  /** Time spent Queued before a worker picked it up. */
  readonly waitMs: number;
  /** Abort it at this time if it is still active then. */
  readonly abortAt?: number;
  readonly abortedBy?: string;
}

export interface NewRun {
  readonly id: number;
  readonly type: OperationType;
  readonly datastoreId: number;
  readonly datastoreName: string;
  readonly created: number;
  readonly triggeredBy: string;
  readonly schedule: SimRun['schedule'];
  readonly tags: readonly string[];
  readonly settings: Settings;
  readonly containers: readonly SimContainer[];
  readonly plan: RunPlan;
  readonly parentId: number | null;
  readonly relaunch: SimRun['relaunch'];
  readonly quiet?: boolean;
}

export function createRun(init: NewRun): SimRun {
  const state = initialState(init.type);
  const run: SimRun = {
    id: init.id,
    type: init.type,
    datastoreId: init.datastoreId,
    created: init.created,
    triggeredBy: init.triggeredBy,
    schedule: init.schedule,
    tags: init.tags,
    settings: init.settings,
    containers: init.containers,
    plan: init.plan,
    parentId: init.parentId,
    relaunch: init.relaunch,
    state,
    startTime: null,
    endTime: null,
    message: null,
    abortedBy: null,
    slot: null,
    cursor: null,
    analyzed: 0,
    records: 0,
    anomalies: 0,
    partitions: 0,
    fieldsProfiled: 0,
    checksSynchronized: 0,
    completed: [],
    results: [],
    log: [],
    quiet: init.quiet ?? false,
    lastSeq: 0,
    warnings: 0,
    history: [{ from: null, to: state, at: init.created }],
  };
  const label = operationInfo(init.type).label;
  const origin =
    init.relaunch === 'resume'
      ? ` (resume of #${init.parentId}: ${init.containers.length} ${operationInfo(init.type).unit.toLowerCase()} left)`
      : init.relaunch === 'rerun'
        ? ` (rerun of #${init.parentId})`
        : '';
  log(
    run,
    init.created,
    'info',
    `${label} run created by ${init.triggeredBy} on ${init.datastoreName}${origin}`,
  );
  if (state === 'running') begin(run, init.created);
  else log(run, init.created, 'info', 'Queued: waiting for a free worker');
  return run;
}

export function log(
  run: SimRun,
  time: number,
  level: LogLevel,
  message: string | (() => string),
  containerId: number | null = null,
): void {
  run.lastSeq += 1;
  if (!run.quiet) {
    const text = typeof message === 'string' ? message : message();
    run.log.push({ seq: run.lastSeq, time, level, message: text, containerId });
  }
  if (level !== 'info') run.warnings++;
}

function transition(run: SimRun, to: RunState, at: number): void {
  if (!isTransition(run.type, run.state, to)) {
    throw new Error(`Run ${run.id}: ${run.state} → ${to} is not a transition of ${run.type}`);
  }
  run.history.push({ from: run.state, to, at });
  run.state = to;
}

/** A worker picks the Run up (or Promote starts at once). */
export function startRun(run: SimRun, at: number, slot: number | null): void {
  transition(run, 'running', at);
  run.slot = slot;
  begin(run, at);
}

function begin(run: SimRun, at: number): void {
  run.startTime = at;
  log(run, at, 'info', run.slot === null ? 'Started' : `Picked up by worker ${run.slot + 1}`);
  run.cursor = { container: 0, step: -1, at: at + run.plan.setupMs };
}

/** When the Run's next planned event happens; null when it has none (not Running). */
export function nextEventAt(run: SimRun): number | null {
  return run.state === 'running' && run.cursor ? run.cursor.at : null;
}

/**
 * Processes the Run's next planned event at its own time: begin a container (step -1), complete a
 * step, and after the last step end the container (and the Run after the last container).
 */
export function stepRun(run: SimRun, resultIds: () => number): void {
  const cursor = run.cursor;
  if (run.state !== 'running' || !cursor) return;
  const at = cursor.at;
  const plan = run.plan.containers[cursor.container];
  if (!plan) {
    finish(run, at);
    return;
  }
  const { container } = plan;
  const perContainer = operationInfo(run.type).hasContainerProgress;
  const scopeId = run.plan.stepScope === 'container' ? container.id : null;

  if (cursor.step === -1) {
    log(
      run,
      at,
      'info',
      `Processing ${container.name} (${cursor.container + 1}/${run.containers.length})`,
    );
    if (perContainer) {
      log(run, at, 'info', `Query: ${plan.query}`, container.id);
      run.results.push({
        id: resultIds(),
        container,
        created: at,
        startTime: at,
        endTime: null,
        records: 0,
        anomalies: 0,
        fieldsProfiled: 0,
        checksSynchronized: 0,
        result: 'running',
        message: null,
      });
    }
    advanceCursor(run, cursor.container, 0, at);
    return;
  }

  const step = plan.steps[cursor.step];
  if (!step) return;
  const isLast = cursor.step === plan.steps.length - 1;
  const fatalHere = plan.outcome !== 'success' && isLast;
  const result = currentResult(run, container.id);

  if (fatalHere) {
    const error = plan.error ?? 'Unknown error';
    if (plan.outcome === 'fatal') {
      log(run, at, 'error', error, scopeId);
      if (perContainer && result) endResult(result, at, 'failure', error);
      if (scopeId !== null) log(run, at, 'error', `${container.name}: ${error}`);
      run.message = error;
      transition(run, 'failure', at);
      end(run, at);
      log(run, at, 'error', `Run failed: ${error}`);
      return;
    }
    // A container failure that does not stop the Run.
    if (perContainer && result) {
      log(run, at, 'error', error, container.id);
      endResult(result, at, 'failure', error);
      log(run, at, 'warning', `${container.name} failed and was skipped; the run continues`);
    } else {
      log(run, at, 'warning', `${container.name} was skipped: ${error}`);
    }
    run.analyzed++;
    moveToNextContainer(run, cursor.container, at);
    return;
  }

  run.records += step.records;
  run.anomalies += step.anomalies;
  run.partitions += 1;
  if (result) {
    result.records += step.records;
    result.anomalies += step.anomalies;
  }
  log(run, at, 'info', () => stepText(run.type, container.name, step, plan.steps.length), scopeId);
  if (step.warning) log(run, at, 'warning', step.warning, scopeId);

  if (!isLast) {
    advanceCursor(run, cursor.container, cursor.step + 1, at);
    return;
  }
  run.analyzed++;
  run.completed.push(container.id);
  run.fieldsProfiled += plan.fieldsProfiled;
  run.checksSynchronized += plan.checksSynchronized;
  if (result) {
    result.fieldsProfiled = plan.fieldsProfiled;
    result.checksSynchronized = plan.checksSynchronized;
    endResult(result, at, 'success', null);
    const records = result.records;
    log(
      run,
      at,
      'info',
      () => `Finished ${container.name}: ${formatCount(records)} records`,
      container.id,
    );
  }
  moveToNextContainer(run, cursor.container, at);
}

function advanceCursor(run: SimRun, container: number, step: number, at: number): void {
  const plan = run.plan.containers[container];
  const duration = plan?.steps[step]?.durationMs ?? 0;
  run.cursor = { container, step, at: at + duration };
}

function moveToNextContainer(run: SimRun, index: number, at: number): void {
  if (index + 1 >= run.plan.containers.length) {
    finish(run, at);
    return;
  }
  run.cursor = { container: index + 1, step: -1, at };
}

function finish(run: SimRun, at: number): void {
  transition(run, 'success', at);
  end(run, at);
  if (run.warnings > 0) {
    run.message = `Completed with ${run.warnings} ${run.warnings === 1 ? 'warning' : 'warnings'} in the logs`;
  }
  log(
    run,
    at,
    'info',
    `Run finished as Success: ${run.analyzed}/${run.containers.length} processed`,
  );
}

function end(run: SimRun, at: number): void {
  run.endTime = at;
  run.cursor = null;
}

function currentResult(run: SimRun, containerId: number): SimContainerResult | undefined {
  const last = run.results[run.results.length - 1];
  return last && last.container.id === containerId && last.endTime === null ? last : undefined;
}

function endResult(
  result: SimContainerResult,
  at: number,
  state: RunState,
  message: string | null,
): void {
  result.endTime = at;
  result.result = state;
  result.message = message;
}

/** Aborts an active Run at `at`; partial results are kept. No-op on a terminal Run. */
export function abortRun(run: SimRun, at: number, by: string): boolean {
  if (!isActive(run.state)) return false;
  const wasRunning = run.state === 'running';
  transition(run, 'aborted', at);
  run.abortedBy = by;
  const open = run.results.find((r) => r.endTime === null);
  if (open) {
    endResult(open, at, 'aborted', `Aborted by ${by}`);
    log(run, at, 'warning', `Aborted by ${by} while processing`, open.container.id);
  }
  run.endTime = at;
  run.cursor = null;
  log(
    run,
    at,
    'warning',
    `Aborted by ${by}${wasRunning ? '; partial results are kept' : ' before it started'}`,
  );
  return true;
}

/** Plays a Run to its end on its own, outside the worker pool (history seeded in the past). */
export function playAlone(run: SimRun, options: PlayAloneOptions, resultIds: () => number): void {
  if (run.state === 'queued') startRun(run, run.created + options.waitMs, 0);
  for (;;) {
    const at = nextEventAt(run);
    if (at === null) break;
    if (options.abortAt !== undefined && at > options.abortAt) {
      abortRun(run, options.abortAt, options.abortedBy ?? 'System');
      break;
    }
    stepRun(run, resultIds);
  }
  run.slot = null;
}

/**
 * What a Resume or Rerun of `parent` works through: Resume picks up the containers the parent did
 * not complete successfully (in order); Rerun does every container again.
 */
export function relaunchContainers(
  parent: SimRun,
  kind: 'resume' | 'rerun',
): readonly SimContainer[] {
  if (kind === 'rerun') return parent.containers;
  const completed = new Set(parent.completed);
  return parent.containers.filter((c) => !completed.has(c.id));
}
