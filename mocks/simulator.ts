/**
 * The simulated backend: an in-memory store of Runs, a virtual clock and a worker pool with a
 * concurrency limit. Nothing moves on its own: every request first reconciles the store up to the
 * clock's `now`, processing each Run's planned events in time order. Commands are journaled with
 * their virtual time, so the same seed and commands always rebuild the same store.
 *
 * Every method answers `{ status, body }` as the HTTP API of SPEC §3 would; the MSW handlers only
 * translate that to HTTP.
 */
import type {
  ActivityWire,
  DatastoreWire,
  LaunchBody,
  ListRunsQuery,
  LogPageWire,
  RunPageWire,
  RunWire,
  Scenario,
  SimClockBody,
  SimClockWire,
  SimUserBody,
  UserWire,
} from '../src/api/contract';
import { LOG_PAGE_LIMIT, isDay } from '../src/api/contract';
import type { ActionKind, RunFacts } from '../src/domain/actions';
import { actionLabel, actionVerdict } from '../src/domain/actions';
import type { OperationType } from '../src/domain/operations';
import { operationInfo } from '../src/domain/operations';
import type { ActingUser, Permission } from '../src/domain/permissions';
import { PERMISSIONS, canAct, canView } from '../src/domain/permissions';
import { isActive, isTerminal, stateLabel } from '../src/domain/states';
import { DATASTORES, datastoreById, workItems } from './db/catalog';
import { seedScenario } from './db/scenarios';
import { VirtualClock } from './engine/clock';
import { makePlan, randomFate } from './engine/plan';
import { Random } from './engine/random';
import { relaunchContainers } from './engine/relaunch';
import { abortRun } from './engine/run-abort';
import { createRun } from './engine/run-create';
import type { SimLogEntry } from './engine/run-log';
import type { RunInit, RunOptions, SimRun, Settings } from './engine/run-model';
import type { PlayAloneOptions } from './engine/run-play';
import { playAlone } from './engine/run-play';
import { nextEventAt, startRun, stepRun } from './engine/run-step';

export type SimResult<T> =
  | { readonly status: 200 | 201; readonly body: T }
  | { readonly status: 204; readonly body: null }
  | { readonly status: 400 | 403 | 404 | 409; readonly body: { readonly detail: string } };

export type CommandBody =
  | { readonly op: 'launch'; readonly body: LaunchBody }
  | { readonly op: 'abort' | 'resume' | 'rerun' | 'delete'; readonly id: number }
  | { readonly op: 'user'; readonly body: SimUserBody };
export type Command = CommandBody & { readonly at: number };

export interface SimulatorOptions {
  readonly scenario?: Scenario;
  readonly seed?: number;
  readonly clock?: VirtualClock;
  /** Worker concurrency limit (Promote runs outside the pool). */
  readonly workers?: number;
}

/** A fixed epoch for tests: 2026-11-28 12:00 UTC. */
export const TEST_EPOCH = Date.UTC(2026, 10, 28, 12, 0, 0);
export const DEFAULT_SEED = 42;
export const DEFAULT_USER_EMAIL = 'ada@example.com';

export class Simulator {
  clock: VirtualClock;
  scenario: Scenario;
  seed: number;
  /** The scenario's "now" at reset; seeds are laid out relative to it. */
  epoch: number;
  readonly workers: number;
  readonly runs = new Map<number, SimRun>();
  /** Commands applied since the reset, with their virtual time. */
  journal: Command[] = [];
  user: UserWire = defaultUser();

  private active = new Set<number>();
  private queue: number[] = [];
  private slots: (number | null)[] = [];
  private slotFreeSince: number[] = [];
  private children = new Map<number, { id: number; relaunch: 'resume' | 'rerun' }[]>();
  private quietInits = new Map<number, { init: RunInit; play: PlayAloneOptions | null }>();
  private nextRunId = 1;
  private nextResultId = 1;

  constructor(options: SimulatorOptions = {}) {
    this.clock = options.clock ?? VirtualClock.manual(TEST_EPOCH);
    this.workers = options.workers ?? 3;
    this.scenario = options.scenario ?? 'default';
    this.seed = options.seed ?? DEFAULT_SEED;
    this.epoch = this.clock.now();
    this.reset(this.scenario, this.seed);
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle of the simulator itself

  reset(scenario: Scenario, seed: number): void {
    this.scenario = scenario;
    this.seed = seed;
    this.epoch = this.clock.now();
    this.runs.clear();
    this.active.clear();
    this.children.clear();
    this.quietInits.clear();
    this.queue = [];
    this.slots = Array.from({ length: this.workers }, () => null);
    this.slotFreeSince = Array.from({ length: this.workers }, () => 0);
    this.nextRunId = 1;
    this.nextResultId = 1;
    this.journal = [];
    this.user = defaultUser();
    seedScenario(this, scenario);
    this.reconcile(this.epoch);
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
    switch (command.op) {
      case 'launch':
        return this.launch(command.body);
      case 'abort':
        return this.abort(command.id);
      case 'resume':
        return this.resume(command.id);
      case 'rerun':
        return this.rerun(command.id);
      case 'delete':
        return this.delete(command.id);
      case 'user':
        return this.setUser(command.body);
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  }

  now(): number {
    return this.clock.now();
  }

  // -------------------------------------------------------------------------------------------
  // The worker: process every planned event up to `until`, in time order.

  reconcile(until: number = this.clock.now()): void {
    for (;;) {
      let next: { at: number; id: number; start: boolean } | null = null;
      for (const id of this.active) {
        const run = this.runs.get(id);
        const at = run ? nextEventAt(run) : null;
        if (at !== null && (next === null || at < next.at || (at === next.at && id < next.id))) {
          next = { at, id, start: false };
        }
      }
      const pickup = this.nextPickup();
      if (pickup && (next === null || pickup.at < next.at)) next = { ...pickup, start: true };
      if (next === null || next.at > until) return;

      const run = this.runs.get(next.id);
      if (!run) return;
      if (next.start) {
        const slot = this.freeSlot();
        if (slot === null) return;
        this.queue.shift();
        this.slots[slot] = run.id;
        startRun(run, next.at, slot);
      } else {
        stepRun(run, () => this.nextResultId++);
      }
      if (isTerminal(run.state)) this.retire(run);
    }
  }

  private nextPickup(): { at: number; id: number } | null {
    const id = this.queue[0];
    const slot = this.freeSlot();
    if (id === undefined || slot === null) return null;
    const run = this.runs.get(id);
    if (!run) return null;
    return { at: Math.max(run.created, this.slotFreeSince[slot] ?? 0) + run.plan.pickupMs, id };
  }

  private freeSlot(): number | null {
    let best: number | null = null;
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i] !== null) continue;
      if (best === null || (this.slotFreeSince[i] ?? 0) < (this.slotFreeSince[best] ?? 0)) best = i;
    }
    return best;
  }

  /** A Run became terminal: free its worker slot and take it out of the active set. */
  private retire(run: SimRun): void {
    this.active.delete(run.id);
    this.queue = this.queue.filter((id) => id !== run.id);
    if (run.slot !== null && this.slots[run.slot] === run.id) {
      this.slots[run.slot] = null;
      this.slotFreeSince[run.slot] = run.endTime ?? this.clock.now();
    }
    run.slot = null;
  }

  // -------------------------------------------------------------------------------------------
  // Creating Runs (used by seeds, launch, resume and rerun)

  createRun(options: RunOptions): SimRun {
    const id = this.nextRunId++;
    const rng = Random.derive(this.seed, `run-${id}`);
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
    if (run.quiet) this.quietInits.set(id, { init, play: null });
    this.runs.set(id, run);
    if (run.parentId !== null && run.relaunch !== null) {
      const list = this.children.get(run.parentId) ?? [];
      list.push({ id, relaunch: run.relaunch });
      this.children.set(run.parentId, list);
    }
    if (isActive(run.state)) this.active.add(id);
    if (run.state === 'queued') this.queue.push(id);
    return run;
  }

  /** Plays one Run to its end on its own (outside the worker pool), for history in the past. */
  playAlone(run: SimRun, options: PlayAloneOptions): void {
    playAlone(run, options, () => this.nextResultId++);
    this.active.delete(run.id);
    this.queue = this.queue.filter((id) => id !== run.id);
    const init = this.quietInits.get(run.id);
    if (init) this.quietInits.set(run.id, { ...init, play: options });
  }

  /** The Run's log entries, rebuilt by playing the same plan again for a quietly seeded Run. */
  logOf(run: SimRun): readonly SimLogEntry[] {
    const quiet = this.quietInits.get(run.id);
    if (run.quiet && quiet?.play) {
      const copy = createRun({ ...quiet.init, quiet: false });
      playAlone(copy, quiet.play, () => 0);
      run.log = copy.log;
      run.quiet = false;
      this.quietInits.delete(run.id);
    }
    return run.log;
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  private visible(run: SimRun): boolean {
    return canView(this.actingUser(), run.datastoreId);
  }

  actingUser(): ActingUser {
    return this.user;
  }

  listRuns(query: ListRunsQuery): SimResult<RunPageWire> {
    this.reconcile();
    const types = new Set(query.operation_type ?? []);
    const results = new Set(query.result ?? []);
    const stores = new Set(query.datastore ?? []);
    const from = query.start_date ? Date.parse(`${query.start_date}T00:00:00Z`) : null;
    const to = query.end_date ? Date.parse(`${query.end_date}T00:00:00Z`) + 86_400_000 : null;
    const matches: SimRun[] = [];
    for (const run of this.runs.values()) {
      if (!this.visible(run)) continue;
      if (types.size && !types.has(run.type)) continue;
      if (results.size && !results.has(run.state)) continue;
      if (stores.size && !stores.has(run.datastoreId)) continue;
      if (query.has_logs !== undefined && query.has_logs !== run.warnings > 0) continue;
      if (query.finished !== undefined && query.finished !== isTerminal(run.state)) continue;
      if (query.id !== undefined && run.id !== query.id) continue;
      if (from !== null && run.created < from) continue;
      if (to !== null && run.created >= to) continue;
      matches.push(run);
    }
    const now = this.clock.now();
    if (query.sort_duration) {
      const dir = query.sort_duration === 'asc' ? 1 : -1;
      const duration = (r: SimRun) => (r.startTime === null ? 0 : (r.endTime ?? now) - r.startTime);
      matches.sort((a, b) => dir * (duration(a) - duration(b)) || b.id - a.id);
    } else {
      const dir = query.sort_created === 'asc' ? 1 : -1;
      matches.sort((a, b) => dir * (a.created - b.created || a.id - b.id));
    }
    const pages = Math.ceil(matches.length / query.size);
    const start = (query.page - 1) * query.size;
    return ok({
      items: matches.slice(start, start + query.size).map((r) => this.toWire(r, false)),
      total: matches.length,
      page: query.page,
      size: query.size,
      pages,
    });
  }

  getRun(id: number): SimResult<RunWire> {
    this.reconcile();
    const found = this.find(id);
    if ('status' in found) return found;
    return ok(this.toWire(found, true));
  }

  getLogs(id: number, after: number, container: number | null): SimResult<LogPageWire> {
    this.reconcile();
    const found = this.find(id);
    if ('status' in found) return found;
    const log = this.logOf(found);
    // Binary search for the first entry with seq > after.
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((log[mid]?.seq ?? 0) <= after) lo = mid + 1;
      else hi = mid;
    }
    const entries: LogPageWire['entries'] = [];
    let i = lo;
    for (; i < log.length && entries.length < LOG_PAGE_LIMIT; i++) {
      const e = log[i];
      if (!e || e.containerId !== container) continue;
      entries.push({
        seq: e.seq,
        time: iso(e.time),
        level: e.level,
        message: e.message,
        container_id: e.containerId,
      });
    }
    // Everything before index i was scanned: the cursor can move past it.
    const scannedAll = i >= log.length;
    const lastScanned = i > 0 ? (log[i - 1]?.seq ?? after) : after;
    const nextAfter = Math.max(
      after,
      scannedAll ? (log[log.length - 1]?.seq ?? after) : lastScanned,
    );
    return ok({ entries, next_after: nextAfter, complete: scannedAll && isTerminal(found.state) });
  }

  activity(startDate: string, endDate: string): SimResult<ActivityWire> {
    this.reconcile();
    const start = Date.parse(`${startDate}T00:00:00Z`);
    const end = Date.parse(`${endDate}T00:00:00Z`);
    if (!isDay(startDate) || !isDay(endDate) || end < start) {
      return fail(
        400,
        'start_date and end_date must be dates (YYYY-MM-DD) with start_date ≤ end_date',
      );
    }
    const days = Math.round((end - start) / 86_400_000) + 1;
    if (days > 400) return fail(400, 'The activity range can span at most 400 days');
    const counts = new Array<number>(days).fill(0);
    for (const run of this.runs.values()) {
      if (!this.visible(run)) continue;
      const index = Math.floor((run.created - start) / 86_400_000);
      if (index >= 0 && index < days) counts[index] = (counts[index] ?? 0) + 1;
    }
    return ok(
      counts.map((count, i) => ({ date: iso(start + i * 86_400_000).slice(0, 10), count })),
    );
  }

  datastores(): SimResult<DatastoreWire[]> {
    return ok(
      DATASTORES.filter((d) => canView(this.actingUser(), d.id)).map((d) => ({
        id: d.id,
        name: d.name,
        type: d.type,
      })),
    );
  }

  me(): SimResult<UserWire> {
    return ok(this.user);
  }

  // -------------------------------------------------------------------------------------------
  // Commands (journaled)

  launch(body: LaunchBody): SimResult<RunWire> {
    const at = this.begin({ op: 'launch', body });
    const datastore = datastoreById(body.datastore_id);
    if (!datastore) return fail(404, `Datastore ${body.datastore_id} does not exist`);
    if (!canAct(this.actingUser(), datastore.id)) {
      return fail(403, `You need the Editor permission on ${datastore.name} to launch a run`);
    }
    const pool = workItems(body.type, datastore);
    let containers = pool;
    if (body.container_ids && body.container_ids.length > 0) {
      const wanted = new Set(body.container_ids);
      containers = pool.filter((c) => wanted.has(c.id));
      const unknown = body.container_ids.filter((cid) => !pool.some((c) => c.id === cid));
      if (unknown.length > 0) {
        return fail(
          400,
          `Not ${operationInfo(body.type).unit.toLowerCase()} of ${datastore.name}: ${unknown.join(', ')}`,
        );
      }
    }
    const run = this.createRun({
      type: body.type,
      datastore,
      containers,
      created: at,
      triggeredBy: this.user.email,
    });
    this.reconcile(at);
    return { status: 201, body: this.toWire(run, true) };
  }

  abort(id: number): SimResult<RunWire> {
    const at = this.begin({ op: 'abort', id });
    const checked = this.checkAction('abort', id);
    if ('status' in checked) {
      // The race of SPEC §2: a Run that finished before the abort landed stays as it is, and the
      // answer is its real state.
      if (checked.status === 409) {
        const run = this.runs.get(id);
        if (run) return ok(this.toWire(run, true));
      }
      return checked;
    }
    abortRun(checked, at, this.user.email);
    this.retire(checked);
    this.reconcile(at);
    return ok(this.toWire(checked, true));
  }

  resume(id: number): SimResult<RunWire> {
    return this.relaunch('resume', id);
  }

  rerun(id: number): SimResult<RunWire> {
    return this.relaunch('rerun', id);
  }

  private relaunch(kind: 'resume' | 'rerun', id: number): SimResult<RunWire> {
    const at = this.begin({ op: kind, id });
    const checked = this.checkAction(kind, id);
    if ('status' in checked) return checked;
    const parent = checked;
    const datastore = datastoreById(parent.datastoreId);
    if (!datastore) return fail(404, `Datastore ${parent.datastoreId} does not exist`);
    const run = this.createRun({
      type: parent.type,
      datastore,
      containers: relaunchContainers(parent, kind),
      created: at,
      triggeredBy: this.user.email,
      schedule: null,
      settings: parent.settings,
      tags: parent.tags,
      parentId: parent.id,
      relaunch: kind,
    });
    this.reconcile(at);
    return { status: 201, body: this.toWire(run, true) };
  }

  delete(id: number): SimResult<null> {
    this.begin({ op: 'delete', id });
    const checked = this.checkAction('delete', id);
    if ('status' in checked) return checked;
    this.runs.delete(id);
    this.active.delete(id);
    for (const list of this.children.values()) {
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) list.splice(index, 1);
    }
    return { status: 204, body: null };
  }

  setUser(body: SimUserBody): SimResult<UserWire> {
    this.begin({ op: 'user', body });
    const permission: Permission = body.permission ?? 'Editor';
    const permissions: Record<string, Permission> = {};
    for (const d of DATASTORES) permissions[String(d.id)] = permission;
    this.user = {
      email: body.role === 'Admin' ? 'admin@example.com' : DEFAULT_USER_EMAIL,
      role: body.role,
      permissions,
    };
    return ok(this.user);
  }

  clockControl(body: SimClockBody): SimResult<SimClockWire> {
    if (body.advance_ms !== undefined) this.clock.advance(body.advance_ms);
    if (body.paused !== undefined) this.clock.setPaused(body.paused);
    if (body.speed !== undefined) this.clock.setSpeed(body.speed);
    this.reconcile();
    return ok(this.clockState());
  }

  clockState(): SimClockWire {
    return { now: iso(this.clock.now()), paused: this.clock.paused, speed: this.clock.speed };
  }

  /** Brings the store up to now and journals the command; answers the command's time. */
  private begin(command: CommandBody): number {
    const at = this.clock.now();
    this.reconcile(at);
    this.journal.push({ ...command, at });
    return at;
  }

  private find(id: number): SimRun | SimResult<never> {
    const run = this.runs.get(id);
    if (!run) return fail(404, `Run #${id} does not exist or was deleted`);
    if (!this.visible(run)) {
      return fail(
        403,
        `You need at least the Reporter permission on ${datastoreById(run.datastoreId)?.name ?? 'its datastore'} to see Run #${id}`,
      );
    }
    return run;
  }

  /** The rules of SPEC §2, from the domain model: 404, then 403, then 409. */
  private checkAction(action: ActionKind, id: number): SimRun | SimResult<never> {
    const found = this.find(id);
    if ('status' in found) return found;
    const run = found;
    if (!canAct(this.actingUser(), run.datastoreId)) {
      const name = datastoreById(run.datastoreId)?.name ?? 'this datastore';
      return fail(
        403,
        `You need the Editor permission on ${name} to ${actionLabel(action).toLowerCase()} Run #${id}`,
      );
    }
    const verdict = actionVerdict(action, this.facts(run), this.actingUser());
    if (verdict.allowed) return run;
    if (verdict.cause !== 'state') return fail(409, verdict.reason);
    return fail(409, `Run #${id} is ${stateLabel(run.state)}: ${verdict.reason}`);
  }

  facts(run: SimRun): RunFacts {
    const completed = new Set(run.completed);
    return {
      type: run.type,
      state: run.state,
      datastoreId: run.datastoreId,
      remaining: run.containers.filter((c) => !completed.has(c.id)).length,
    };
  }

  // -------------------------------------------------------------------------------------------
  // The wire shape (SPEC §3)

  toWire(run: SimRun, detail: boolean): RunWire {
    const datastore = datastoreById(run.datastoreId);
    const status: RunWire['status'] = {
      total_containers: run.containers.length,
      containers_analyzed: run.analyzed,
      records_processed: run.records,
    };
    if (run.type === 'scan') {
      status.anomalies_identified = run.anomalies;
      status.partitions_scanned = run.partitions;
    }
    if (run.type === 'profile') {
      status.fields_profiled = run.fieldsProfiled;
      status.checks_synchronized = run.checksSynchronized;
    }
    const wire: RunWire = {
      id: run.id,
      type: run.type,
      result: run.state,
      created: iso(run.created),
      start_time: run.startTime === null ? null : iso(run.startTime),
      end_time: run.endTime === null ? null : iso(run.endTime),
      triggered_by: run.triggeredBy,
      schedule: run.schedule,
      datastore: {
        id: run.datastoreId,
        name: datastore?.name ?? `#${run.datastoreId}`,
        type: datastore?.type ?? 'unknown',
      },
      message: run.message,
      tags: [...run.tags],
      status,
      ...run.settings,
      has_logs: run.warnings > 0,
      aborted_by: run.abortedBy,
      parent_id: run.parentId,
      relaunch: run.relaunch,
      queue_position: run.state === 'queued' ? this.queue.indexOf(run.id) + 1 || null : null,
      children: [...(this.children.get(run.id) ?? [])],
    };
    if (detail) {
      wire.containers = run.containers.map((c) => ({
        id: c.id,
        name: c.name,
        container_type: c.containerType,
        table_type: c.tableType,
      }));
      wire.completed_container_ids = [...run.completed];
      const results = run.results.map((r) => ({
        id: r.id,
        created: iso(r.created),
        container: {
          id: r.container.id,
          name: r.container.name,
          container_type: r.container.containerType,
        },
        start_time: iso(r.startTime),
        end_time: r.endTime === null ? null : iso(r.endTime),
        records_processed: r.records,
        result: r.result,
        message: r.message,
      }));
      if (run.type === 'scan') {
        wire.container_scans = results.map((r, i) => ({
          ...r,
          anomaly_count: run.results[i]?.anomalies ?? 0,
        }));
      }
      if (run.type === 'profile') {
        wire.container_profiles = results.map((r, i) => ({
          ...r,
          field_profiles_count: run.results[i]?.fieldsProfiled ?? 0,
          checks_synchronized: run.results[i]?.checksSynchronized ?? 0,
        }));
      }
    }
    return wire;
  }

  /** A deterministic picture of the whole store, for comparing two simulators. */
  snapshot(): unknown {
    return {
      now: this.clock.now(),
      user: this.user,
      queue: [...this.queue],
      slots: [...this.slots],
      runs: [...this.runs.values()].map((r) => ({
        wire: this.toWire(r, true),
        log: this.logOf(r),
      })),
    };
  }
}

export function defaultSettings(type: OperationType, rng: Random): Settings {
  switch (type) {
    case 'scan':
      return {
        incremental: rng.chance(0.6),
        remediation: rng.pick(['none', 'append', 'overwrite']),
        max_records_analyzed_per_partition: rng.pick([10_000, 100_000, 1_000_000]),
        greater_than_time: null,
        greater_than_batch: null,
        high_count_rollup_threshold: 10,
        enrichment_source_record_limit: 10,
      };
    case 'profile':
      return {
        inference_threshold: rng.int(0, 5),
        max_records_analyzed_per_partition: rng.pick([100_000, 1_000_000]),
        infer_as_draft: rng.chance(0.5),
      };
    case 'catalog':
      return { prune: rng.chance(0.3), recreate: rng.chance(0.2) };
    case 'external_scan':
    case 'export':
    case 'materialize':
    case 'promote':
      return {};
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

function defaultUser(): UserWire {
  const permissions: Record<string, Permission> = {};
  for (const d of DATASTORES)
    permissions[String(d.id)] = PERMISSIONS[PERMISSIONS.length - 1] as Permission;
  return { email: DEFAULT_USER_EMAIL, role: 'Member', permissions };
}

const iso = (ms: number): string => new Date(ms).toISOString();
const ok = <T>(body: T): SimResult<T> => ({ status: 200, body });
const fail = (status: 400 | 403 | 404 | 409, detail: string): SimResult<never> => ({
  status,
  body: { detail },
});
