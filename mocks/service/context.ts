/** What the simulated API's answers are computed from; the Simulator provides both. */
import type { UserWire } from '../../src/api/contract';
import type { RunStore, StoreReader } from '../db/store';
import type { RunOptions, SimRun } from '../engine/run-model';
import type { WorkerPool } from '../engine/worker-pool';
import type { IdempotencyKeys } from './idempotency';
import type { CommandBody } from './journal';
import type { WireSources } from './wire';

/** What queries read: the store (brought up to now first), who asks, the time, wire sources. */
export interface ReadContext {
  readonly store: StoreReader;
  readonly wire: WireSources;
  readonly user: () => UserWire;
  readonly now: () => number;
}

/** What commands also use: the journal, the worker pool, Run creation and the acting user. */
export interface CommandContext extends ReadContext {
  readonly store: RunStore;
  readonly pool: WorkerPool;
  /** The Idempotency-Keys of Resume and Rerun, with the Runs they created. */
  readonly keys: IdempotencyKeys;
  /** Brings the store up to now and journals the command; answers the command's time. */
  readonly begin: (command: CommandBody) => number;
  /** Creates a Run in the store and admits it to the pool. */
  readonly create: (options: RunOptions) => SimRun;
  readonly reconcile: (until: number) => void;
  readonly actAs: (user: UserWire) => void;
}
