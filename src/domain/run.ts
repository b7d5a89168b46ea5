import type { RunFacts } from './actions';
import type { OperationType } from './operations';
import { operationInfo } from './operations';
import type { RunState } from './states';
import { isActive } from './states';

/** The dashboard's own model of a Run; the API's wire shape is mapped to it in src/api/map.ts. */
export interface Run {
  readonly id: number;
  readonly type: OperationType;
  readonly state: RunState;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly triggeredBy: string;
  readonly schedule: { readonly id: number; readonly name: string } | null;
  readonly datastore: { readonly id: number; readonly name: string; readonly type: string | null };
  readonly message: string | null;
  readonly tags: readonly string[];
  readonly progress: { readonly processed: number; readonly total: number };
  readonly recordsProcessed: number;
  /** Type-specific summary counters present on the Run. */
  readonly counters: readonly Counter[];
  readonly containers: readonly ContainerRef[];
  /** Per-container results (Profile, Scan); null for types that fold work into the Run. */
  readonly containerResults: readonly ContainerResult[] | null;
  readonly settings: readonly Setting[];
  /** "Completed with logs": the worker recorded warning or error entries. */
  readonly hasLogs: boolean;
  /** Who aborted it; undefined when the server does not say. */
  readonly abortedBy: string | null | undefined;
  readonly parentId: number | null;
  readonly relaunch: 'resume' | 'rerun' | null;
  readonly queuePosition: number | null;
  /** Runs created from this one by Resume/Rerun; null when the server does not say. */
  readonly children:
    readonly { readonly id: number; readonly relaunch: 'resume' | 'rerun' }[] | null;
  /** Containers/entities this Run finished successfully; null when the server does not say. */
  readonly completedContainerIds: readonly number[] | null;
  /**
   * What the API sent that could not be shown as it was (a field dropped, a counter clamped), in
   * words; empty when everything was read.
   */
  readonly issues: readonly string[];
}

/**
 * A Run whose operation type or state this dashboard does not know (a newer server): shown as the
 * server sent it, with a neutral badge and no actions — never as a guess.
 */
export interface UnrecognisedRun {
  readonly id: number;
  /** The known type or state, when only the other one is unknown. */
  readonly type: OperationType | null;
  readonly state: RunState | null;
  /** As the server sent them ("sync2", "cancelling"). */
  readonly typeText: string;
  readonly stateText: string;
  readonly createdAt: number;
  readonly datastoreName: string | null;
  readonly triggeredBy: string | null;
  readonly message: string | null;
}

export interface Counter {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

export interface Setting {
  readonly key: string;
  readonly label: string;
  readonly value: string | number | boolean;
}

export interface ContainerRef {
  readonly id: number;
  readonly name: string;
  readonly containerType: string;
  readonly tableType: string | null;
}

export interface ContainerResult {
  readonly id: number;
  readonly container: {
    readonly id: number;
    readonly name: string;
    readonly containerType: string;
  };
  readonly state: RunState;
  readonly createdAt: number;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly recordsProcessed: number;
  readonly anomalies: number | null;
  readonly fieldsProfiled: number | null;
  readonly checksSynchronized: number | null;
  readonly message: string | null;
}

/** Whether the Run shows the "Completed with logs" warning indicator (SPEC §1.2). */
export const showsWarning = (run: Pick<Run, 'state' | 'hasLogs'>): boolean =>
  run.state === 'success' && run.hasLogs;

/**
 * The containers/entities a Resume would pick up: those this Run did not complete successfully.
 * Null when the server does not tell which ones finished.
 */
export function remainingContainers(run: Run): readonly ContainerRef[] | null {
  let done: ReadonlySet<number> | null = null;
  if (run.containerResults !== null) {
    done = new Set(
      run.containerResults.filter((r) => r.state === 'success').map((r) => r.container.id),
    );
  } else if (run.completedContainerIds !== null) {
    done = new Set(run.completedContainerIds);
  }
  if (done === null) return null;
  const finished = done;
  return run.containers.filter((c) => !finished.has(c.id));
}

export function runFacts(run: Run): RunFacts {
  return {
    type: run.type,
    state: run.state,
    datastoreId: run.datastore.id,
    remaining: remainingContainers(run)?.length ?? null,
  };
}

/** Milliseconds the Run took, or has been running for at `now`; null while Queued. */
export function durationMs(
  run: Pick<Run, 'startedAt' | 'endedAt' | 'state'>,
  now: number,
): number | null {
  if (run.startedAt === null) return null;
  const end = isActive(run.state) ? now : (run.endedAt ?? now);
  return Math.max(0, end - run.startedAt);
}

export const hasContainerResults = (run: Pick<Run, 'type'>): boolean =>
  operationInfo(run.type).hasContainerProgress;
