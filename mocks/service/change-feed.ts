/**
 * The change feed behind `GET /operations/stream` (docs/api.md "Live streams"). After each
 * reconcile it compares the list shape of the Runs that can still change with the shape it last
 * told, and records an event for each that differs (so a Run created, moved, counted or aborted
 * gives one); deletes and resets of the store are events too. Ids increase by one; it keeps the
 * last `capacity` events. A Run's new event supersedes its older ones, so a reader catching up
 * gets each Run once, as it is now.
 */
import { isTerminal } from '../../src/domain/states';
import type { SimRun } from '../engine/run-model';

export type FeedEvent =
  | {
      readonly id: number;
      readonly kind: 'run' | 'deleted';
      readonly runId: number;
      readonly datastoreId: number;
      /** The data as JSON: the Run's list shape, or `{ "id": N }`. */
      readonly data: string;
    }
  | { readonly id: number; readonly kind: 'reset' };

/** What a reader gets: the events after its cursor, or `reset` when the feed no longer has them. */
export type FeedSince =
  { readonly reset: true } | { readonly reset: false; readonly events: FeedEvent[] };

/** An event superseded by a later one of the same Run: only its id is kept. */
type Slot = FeedEvent | { readonly id: number; readonly kind: 'superseded' };

export const FEED_CAPACITY = 10_000;

export class ChangeFeed {
  private window: Slot[] = [];
  private nextId = 1;
  /** Where each Run's latest event is, by Run id. */
  private readonly latest = new Map<number, number>();
  /** The Runs that can still change, with the shape last told (null: not told yet). */
  private readonly watched = new Map<number, string | null>();

  constructor(
    private readonly shape: (run: SimRun) => string,
    readonly capacity: number = FEED_CAPACITY,
  ) {}

  /** The newest event's id (0 before the first). */
  get lastId(): number {
    return this.nextId - 1;
  }

  /** The store was reset: nothing before this is valid. Baselines the active Runs, untold. */
  restart(runs: Iterable<SimRun>): void {
    this.window = [];
    this.latest.clear();
    this.watched.clear();
    for (const run of runs) if (!isTerminal(run.state)) this.watched.set(run.id, this.shape(run));
    this.push({ id: this.nextId++, kind: 'reset' });
  }

  /** A new Run: told at the next observe. Its parent's shape changes too (its children). */
  watch(run: SimRun): void {
    this.watched.set(run.id, null);
    if (run.parentId !== null)
      this.watched.set(run.parentId, this.watched.get(run.parentId) ?? null);
  }

  /** Records an event for each watched Run whose shape changed; a terminal Run is then let go. */
  observe(runs: { get(id: number): SimRun | undefined }): void {
    for (const [id, told] of this.watched) {
      const run = runs.get(id);
      if (!run) {
        this.watched.delete(id);
        continue;
      }
      const shape = this.shape(run);
      if (shape !== told) this.record('run', run, shape);
      if (isTerminal(run.state)) this.watched.delete(id);
      else this.watched.set(id, shape);
    }
  }

  deleted(run: SimRun): void {
    this.watched.delete(run.id);
    this.record('deleted', run, JSON.stringify({ id: run.id }));
  }

  /**
   * The events after `cursor` (up to `lastId`) of the datastores the reader may see, each Run's
   * latest only; `reset` when the feed no longer holds what came after `cursor` (too old, or from
   * before a restart of the server).
   */
  since(cursor: number, visible: (datastoreId: number) => boolean): FeedSince {
    const first = this.window[0]?.id ?? this.nextId;
    if (cursor < first - 1 || cursor > this.lastId) return { reset: true };
    const events: FeedEvent[] = [];
    for (const slot of this.window.slice(cursor - first + 1)) {
      if (slot.kind === 'reset' || (slot.kind !== 'superseded' && visible(slot.datastoreId))) {
        events.push(slot);
      }
    }
    return { reset: false, events };
  }

  private record(kind: 'run' | 'deleted', run: SimRun, data: string): void {
    const id = this.nextId++;
    const previous = this.latest.get(run.id);
    const first = this.window[0]?.id ?? id;
    if (previous !== undefined && previous >= first) {
      this.window[previous - first] = { id: previous, kind: 'superseded' };
    }
    this.latest.set(run.id, id);
    this.push({ id, kind, runId: run.id, datastoreId: run.datastoreId, data });
  }

  private push(slot: Slot): void {
    this.window.push(slot);
    const over = this.window.length - this.capacity;
    if (over > 0) {
      for (const gone of this.window.splice(0, over)) {
        if (gone.kind === 'run' || gone.kind === 'deleted') {
          if (this.latest.get(gone.runId) === gone.id) this.latest.delete(gone.runId);
        }
      }
    }
  }
}
