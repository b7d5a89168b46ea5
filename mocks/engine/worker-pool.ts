/**
 * The worker pool: a fixed number of slots and a queue in creation order. It knows which Runs still
 * have planned events (the active ones) and processes every event up to a time, in time order:
 * Run steps and pick-ups of queued Runs by free slots. Promote runs outside the slots.
 */
import { isActive, isTerminal } from '../../src/domain/states';
import type { SimRun } from './run-model';
import { nextEventAt, startRun, stepRun } from './run-step';

/** What the pool needs of the store: Runs by id, and ids for the results steps create. */
export interface PoolRuns {
  get(id: number): SimRun | undefined;
  resultId(): number;
}

export class WorkerPool {
  readonly size: number;
  private readonly runs: PoolRuns;
  private readonly now: () => number;
  private readonly active = new Set<number>();
  private queue: number[] = [];
  private slots: (number | null)[] = [];
  private slotFreeSince: number[] = [];

  constructor(size: number, runs: PoolRuns, now: () => number) {
    this.size = size;
    this.runs = runs;
    this.now = now;
    this.reset();
  }

  /** Every slot free, nothing queued or active. */
  reset(): void {
    this.active.clear();
    this.queue = [];
    this.slots = Array.from({ length: this.size }, () => null);
    this.slotFreeSince = Array.from({ length: this.size }, () => 0);
  }

  /** A new Run: tracked while active, and queued when it waits for a slot. */
  admit(run: SimRun): void {
    if (isActive(run.state)) this.active.add(run.id);
    if (run.state === 'queued') this.queue.push(run.id);
  }

  /** Processes every planned event up to `until`, in time order (ties: lower id first). */
  reconcile(until: number): void {
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
        stepRun(run, () => this.runs.resultId());
      }
      if (isTerminal(run.state)) this.retire(run);
    }
  }

  /** A Run became terminal: free its worker slot and take it out of the active set. */
  retire(run: SimRun): void {
    this.release(run.id);
    if (run.slot !== null && this.slots[run.slot] === run.id) {
      this.slots[run.slot] = null;
      this.slotFreeSince[run.slot] = run.endTime ?? this.now();
    }
    run.slot = null;
  }

  /** The Run is no longer the pool's to move (played on its own, or deleted). */
  release(id: number): void {
    this.active.delete(id);
    this.queue = this.queue.filter((queued) => queued !== id);
  }

  /** 1-based place in the queue while Queued; null otherwise. */
  queuePosition(run: SimRun): number | null {
    return run.state === 'queued' ? this.queue.indexOf(run.id) + 1 || null : null;
  }

  snapshot(): { queue: number[]; slots: (number | null)[] } {
    return { queue: [...this.queue], slots: [...this.slots] };
  }

  private nextPickup(): { at: number; id: number } | null {
    const id = this.queue[0];
    const slot = this.freeSlot();
    if (id === undefined || slot === null) return null;
    const run = this.runs.get(id);
    if (!run) return null;
    return { at: Math.max(run.created, this.slotFreeSince[slot] ?? 0) + run.plan.pickupMs, id };
  }

  /** The free slot that has been free longest; null when every slot is busy. */
  private freeSlot(): number | null {
    let best: number | null = null;
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i] !== null) continue;
      if (best === null || (this.slotFreeSince[i] ?? 0) < (this.slotFreeSince[best] ?? 0)) best = i;
    }
    return best;
  }
}
