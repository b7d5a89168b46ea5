/**
 * The parts of a Run's view that other features provide, composed here for the routes that show
 * Runs (the Activity page's expanded rows and the Run page): the action buttons, the log viewers
 * and the lifecycle diagram. Features never import each other; routes put them together.
 *
 * (Files and folders starting with `-` are not routes: TanStack's routeFileIgnorePrefix.)
 */
import { useNavigate } from '@tanstack/react-router';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { RunActions } from '../../features/actions/RunActions';
import { RunLifecycle } from '../../features/lifecycle/RunLifecycle';
import { ContainerLogPanel } from '../../features/logs/ContainerLogPanel';
import { RunLogPanel } from '../../features/logs/RunLogPanel';
import type { RunDetailsSlots } from '../../features/runs/RunDetails';

/**
 * The actions of one Run. A Resume or Rerun takes the person to the Run it created; a Delete on
 * the Run's own page goes back to Activity (on Activity the row simply leaves the list).
 */
export function RunActionsSlot({ run, leaveOnDelete }: { run: Run; leaveOnDelete: boolean }) {
  const navigate = useNavigate();
  return (
    <RunActions
      run={run}
      onCreated={(created) =>
        void navigate({ to: '/runs/$runId', params: { runId: String(created.id) } })
      }
      {...(leaveOnDelete ? { onDeleted: () => void navigate({ to: '/' }) } : {})}
    />
  );
}

export function containerLog(run: Run, containerId: number) {
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

/** What the Activity page passes to each expanded Run. */
export const expandedRunSlots: RunDetailsSlots = {
  renderActions: (run) => <RunActionsSlot run={run} leaveOnDelete={false} />,
  renderLogs: (run) => <RunLogPanel runId={run.id} active={isActive(run.state)} height="45vh" />,
  renderContainerLog: containerLog,
  renderDiagram: (run) => <RunLifecycle run={run} compact />,
};
