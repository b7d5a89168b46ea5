/**
 * The simulated backend, as one object for the handlers and the tests: a thin facade over its
 * parts. The store (db/store.ts) holds the Runs; the worker pool (engine/worker-pool.ts) moves
 * them; the answers of the API are plain functions (service/): queries, log pages and journaled
 * commands, in the wire shape of SPEC §3.
 *
 * Nothing moves on its own: every request first reconciles the store up to the clock's `now`,
 * processing each Run's planned events in time order. Commands are journaled with their virtual
 * time, so the same seed and commands always rebuild the same store. Each reconcile also tells
 * the change feed (service/change-feed.ts), whose events the Runs stream sends.
 */
import type {
  ActivityWire,
  DatastoreWire,
  LaunchBody,
  ListRunsQuery,
  LogPageWire,
  LogSearchWire,
  LogsQuery,
  RunPageWire,
  RunWire,
  Scenario,
  SimClockBody,
  SimClockWire,
  SimUserBody,
  UserWire,
} from '../src/api/contract';
import { LOG_PAGE_LIMIT } from '../src/api/contract';
import { isActive } from '../src/domain/states';
import { defaultUser } from './db/acting-user';
import { seedScenario } from './db/scenarios';
import { RunStore } from './db/store';
import { VirtualClock } from './engine/clock';
import type { SimLogEntry } from './engine/run-log';
import type { RunOptions, SimRun } from './engine/run-model';
import type { PlayAloneOptions } from './engine/run-play';
import { playAlone } from './engine/run-play';
import { WorkerPool } from './engine/worker-pool';
import { ChangeFeed } from './service/change-feed';
import { clockState, controlClock } from './service/clock-control';
import * as commands from './service/commands';
import type { CommandContext } from './service/context';
import { Faults, scenarioFaults } from './service/faults';
import { IdempotencyKeys } from './service/idempotency';
import type { Command, CommandBody } from './service/journal';
import { applyCommand } from './service/journal';
import type { LogFollower } from './service/log-follow';
import { followLog } from './service/log-follow';
import { logPage } from './service/log-page';
import { searchLog } from './service/log-search';
import * as queries from './service/queries';
import type { SimResult } from './service/result';
import { ok } from './service/result';
import { Wakeups } from './service/wakeups';
import { toWire } from './service/wire';

export interface SimulatorOptions {
  readonly scenario?: Scenario;
  readonly seed?: number;
  readonly clock?: VirtualClock;
  /** Worker concurrency limit (Promote runs outside the pool). */
  readonly workers?: number;
  /** How many events the change feed keeps. */
  readonly feedCapacity?: number;
}

/** A fixed epoch for tests: 2026-11-28 12:00 UTC. */
export const TEST_EPOCH = Date.UTC(2026, 10, 28, 12, 0, 0);
export const DEFAULT_SEED = 42;

export class Simulator {
  scenario: Scenario;
  seed: number;
  /** The scenario's "now" at reset; seeds are laid out relative to it. */
  epoch: number;
  readonly workers: number;
  /** Commands applied since the reset, with their virtual time. */
  journal: Command[] = [];
  user: UserWire = defaultUser();
  /** The fault mode of the API answers (handlers/faults.ts); a reset sets the scenario's. */
  readonly faults = new Faults();

  readonly feed: ChangeFeed;
  /** Live streams subscribe here to wake when the clock is moved by hand or the store changes. */
  readonly wakeups = new Wakeups();

  private readonly store = new RunStore();
  private readonly pool: WorkerPool;
  private readonly keys = new IdempotencyKeys();
  private readonly context: CommandContext;
  private currentClock: VirtualClock;
  /** While a scenario is seeded, the feed is not told (a reset tells it once, at the end). */
  private seeding = false;

  constructor(options: SimulatorOptions = {}) {
    this.currentClock = options.clock ?? VirtualClock.manual(TEST_EPOCH);
    this.wakeups.follow(this.currentClock);
    this.feed = new ChangeFeed(
      (run) => JSON.stringify(this.toWire(run, false)),
      options.feedCapacity,
    );
    this.workers = options.workers ?? 3;
    this.scenario = options.scenario ?? 'default';
    this.seed = options.seed ?? DEFAULT_SEED;
    this.epoch = this.clock.now();
    this.pool = new WorkerPool(this.workers, this.store, () => this.clock.now());
    this.context = {
      store: this.store,
      pool: this.pool,
      keys: this.keys,
      wire: {
        queuePosition: (run) => this.pool.queuePosition(run),
        children: (id) => this.store.childrenOf(id),
      },
      user: () => this.user,
      now: () => this.clock.now(),
      begin: (command) => this.begin(command),
      create: (runOptions) => this.createRun(runOptions),
      reconcile: (until) => this.reconcile(until),
      actAs: (user) => {
        this.user = user;
      },
    };
    this.reset(this.scenario, this.seed);
  }

  /** Every Run in the store, by id, in creation order. */
  get runs(): ReadonlyMap<number, SimRun> {
    return this.store.runs;
  }

  // -------------------------------------------------------------------------------------------
  // The simulator itself: reset, replay, the clock, who listens

  reset(scenario: Scenario, seed: number): void {
    this.scenario = scenario;
    this.seed = seed;
    this.epoch = this.clock.now();
    this.store.reset(seed);
    this.pool.reset();
    this.keys.clear();
    this.faults.reset(seed, scenarioFaults(scenario));
    this.journal = [];
    this.user = defaultUser();
    this.seeding = true;
    try {
      seedScenario(this, scenario);
      this.reconcile(this.epoch);
    } finally {
      this.seeding = false;
    }
    this.feed.restart([...this.store.runs.values()].filter((r) => isActive(r.state)));
    this.wakeups.notify();
  }

  get clock(): VirtualClock {
    return this.currentClock;
  }

  /** Swaps the clock (a reload restores one, tests set a manual one); wake-ups follow it. */
  set clock(clock: VirtualClock) {
    this.currentClock = clock;
    this.wakeups.follow(clock);
    this.wakeups.notify();
  }

  /** Rebuilds the store from a journal (same seed and commands give the same store). */
  replay(commands: readonly Command[]): void {
    const live = this.clock;
    const manual = VirtualClock.manual(this.epoch);
    this.clock = manual;
    try {
      for (const command of commands) {
        manual.set(command.at);
        this.apply(command);
      }
    } finally {
      this.clock = live;
    }
  }

  apply(command: Command): SimResult<unknown> {
    return applyCommand(this, command);
  }

  now(): number {
    return this.clock.now();
  }

  /** Processes every planned event up to `until` (the clock's now by default). */
  reconcile(until: number = this.clock.now()): void {
    this.pool.reconcile(until);
    if (!this.seeding) this.feed.observe(this.store);
  }

  clockControl(body: SimClockBody): SimResult<SimClockWire> {
    controlClock(this.clock, body);
    this.reconcile();
    return ok(this.clockState());
  }

  clockState(): SimClockWire {
    return clockState(this.clock);
  }

  // -------------------------------------------------------------------------------------------
  // Creating Runs (seeds, launch, resume and rerun all come here)

  createRun(options: RunOptions): SimRun {
    const run = this.store.create(options);
    this.pool.admit(run);
    if (!this.seeding) this.feed.watch(run);
    return run;
  }

  /** Plays one Run to its end on its own (outside the worker pool), for history in the past. */
  playAlone(run: SimRun, options: PlayAloneOptions): void {
    playAlone(run, options, () => this.store.resultId());
    this.pool.release(run.id);
    this.store.played(run, options);
  }

  /** Every entry of the Run's logs in seq order (reads them all: for tests and small logs). */
  logOf(run: SimRun): readonly SimLogEntry[] {
    return this.store.logOf(run).all();
  }

  // -------------------------------------------------------------------------------------------
  // Queries: reconcile, then read

  listRuns(query: ListRunsQuery): SimResult<RunPageWire> {
    this.reconcile();
    return queries.listRuns(this.context, query);
  }

  getRun(id: number): SimResult<RunWire> {
    this.reconcile();
    return queries.getRun(this.context, id);
  }

  /** The `after` page of SPEC §3, at most LOG_PAGE_LIMIT entries. */
  getLogs(id: number, after: number, container: number | null): SimResult<LogPageWire> {
    this.reconcile();
    return logPage(this.context, id, { kind: 'after', after, limit: LOG_PAGE_LIMIT, container });
  }

  /** Any form of the log query: a page, or a search. */
  logs(id: number, query: LogsQuery): SimResult<LogPageWire | LogSearchWire> {
    this.reconcile();
    if (query.kind === 'search') return searchLog(this.context, id, query.container, query.q);
    return logPage(this.context, id, query);
  }

  /** Follows one log from `after` on (the log stream); 404 or 403 as a page would. */
  followLog(id: number, container: number | null, after: number): SimResult<LogFollower> {
    this.reconcile();
    return followLog(this.context, id, container, after);
  }

  activity(startDate: string, endDate: string): SimResult<ActivityWire> {
    this.reconcile();
    return queries.activity(this.context, startDate, endDate);
  }

  datastores(): SimResult<DatastoreWire[]> {
    return queries.datastores(this.context);
  }

  me(): SimResult<UserWire> {
    return queries.me(this.context);
  }

  // -------------------------------------------------------------------------------------------
  // Commands (journaled)

  launch(body: LaunchBody): SimResult<RunWire> {
    return commands.launch(this.context, body);
  }

  abort(id: number): SimResult<RunWire> {
    return commands.abort(this.context, id);
  }

  /** `key`: the request's Idempotency-Key, if it sent one. */
  resume(id: number, key?: string): SimResult<RunWire> {
    return commands.relaunch(this.context, 'resume', id, key ?? null);
  }

  rerun(id: number, key?: string): SimResult<RunWire> {
    return commands.relaunch(this.context, 'rerun', id, key ?? null);
  }

  delete(id: number): SimResult<null> {
    const run = this.store.get(id);
    const result = commands.deleteRun(this.context, id);
    if (result.status === 204 && run) this.feed.deleted(run);
    return result;
  }

  setUser(body: SimUserBody): SimResult<UserWire> {
    return commands.setUser(this.context, body);
  }

  /** Brings the store up to now and journals the command; answers the command's time. */
  private begin(command: CommandBody): number {
    const at = this.clock.now();
    this.reconcile(at);
    this.journal.push({ ...command, at });
    this.wakeups.notify();
    return at;
  }

  // -------------------------------------------------------------------------------------------
  // The wire shape, and the whole store for comparing two simulators

  toWire(run: SimRun, detail: boolean): RunWire {
    return toWire(run, detail, this.context.wire);
  }

  /** A deterministic picture of the whole store, for comparing two simulators. */
  snapshot(): unknown {
    return {
      now: this.clock.now(),
      user: this.user,
      ...this.pool.snapshot(),
      runs: [...this.store.runs.values()].map((r) => ({
        wire: this.toWire(r, true),
        log: this.logOf(r),
      })),
    };
  }
}
