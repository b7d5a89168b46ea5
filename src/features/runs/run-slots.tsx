/**
 * What other features put into a Run's view, provided by the route that composes them (features
 * never import each other): the action buttons, the Run-level log, a container's log and the
 * Run's lifecycle. The Activity page's expanded rows and the Run page provide their own.
 */
import type { ComponentType, ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { Run } from '../../domain/run';

export interface RunSlots {
  /** The action buttons valid now (Abort, Resume, Rerun, Delete). */
  readonly Actions?: ComponentType<{ readonly run: Run }>;
  /** The Logs tab: the Run-level log. */
  readonly Logs: ComponentType<{ readonly run: Run }>;
  /** A container's own log, beside its row in the Results tab (Profile, Scan). */
  readonly ContainerLog?: ComponentType<{ readonly run: Run; readonly containerId: number }>;
  /** Beside the actions: "Notify me when it finishes", while the Run is active. */
  readonly Watch?: ComponentType<{ readonly run: Run }>;
  /** The same on a collapsed row or card of the list: a bell in the row's tab stop. */
  readonly RowWatch?: ComponentType<{ readonly run: Run; readonly tabIndex: 0 | -1 }>;
  /** The Run's path through the lifecycle. */
  readonly Lifecycle?: ComponentType<{ readonly run: Run }>;
}

const NoLogs = () => null;
const RunSlotsContext = createContext<RunSlots>({ Logs: NoLogs });

export function RunSlotsProvider({ slots, children }: { slots: RunSlots; children: ReactNode }) {
  return <RunSlotsContext value={slots}>{children}</RunSlotsContext>;
}

/** The slots of the nearest provider (a view without one shows no actions, logs or diagram). */
export const useRunSlots = (): RunSlots => useContext(RunSlotsContext);
