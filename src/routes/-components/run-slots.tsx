/**
 * The parts of a Run's view that other features provide, composed here for the routes that show
 * Runs (the Activity page's expanded rows and the Run page): the action buttons, the log viewers
 * and the lifecycle. Features never import each other; routes put them together.
 *
 * (Files and folders starting with `-` are not routes: TanStack's routeFileIgnorePrefix.)
 */
import { useNavigate } from '@tanstack/react-router';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import type { RunSlots } from '../../features/runs/run-slots';
import {
  ContainerLogPanel,
  RunActions,
  RunLifecycle,
  RunLogPanel,
  WatchRowToggle,
  WatchRunToggle,
} from './chunks';

/** A Resume or Rerun takes the person to the Run it created. */
function useGoToRun(): (created: Run) => void {
  const navigate = useNavigate();
  return (created) => void navigate({ to: '/runs/$runId', params: { runId: created.id } });
}

/** On Activity, a deleted Run's row simply leaves the list. */
function ExpandedRunActions({ run }: { run: Run }) {
  return <RunActions run={run} onCreated={useGoToRun()} />;
}

/** On its own page, a deleted Run's page goes back to Activity. */
export function RunPageActions({ run }: { run: Run }) {
  const navigate = useNavigate();
  return (
    <RunActions run={run} onCreated={useGoToRun()} onDeleted={() => void navigate({ to: '/' })} />
  );
}

export function ContainerLog({ run, containerId }: { run: Run; containerId: number }) {
  const container = run.containers.find((c) => c.id === containerId);
  return (
    <ContainerLogPanel
      runId={run.id}
      containerId={containerId}
      containerName={container?.name ?? `container ${containerId}`}
      active={isActive(run.state)}
    />
  );
}

function ExpandedRunLog({ run }: { run: Run }) {
  return (
    <RunLogPanel
      runId={run.id}
      active={isActive(run.state)}
      failed={run.state === 'failure'}
      height="45vh"
    />
  );
}

function ExpandedRunLifecycle({ run }: { run: Run }) {
  return <RunLifecycle run={run} compact />;
}

/** What the Activity page's expanded Runs show. */
export const expandedRunSlots: RunSlots = {
  Actions: ExpandedRunActions,
  Watch: WatchRunToggle,
  RowWatch: WatchRowToggle,
  Logs: ExpandedRunLog,
  ContainerLog,
  Lifecycle: ExpandedRunLifecycle,
};
