import { LogViewer } from './LogViewer';
import { useLogStream } from './use-log-stream';

export interface ContainerLogPanelProps {
  readonly runId: number;
  readonly containerId: number;
  /** Shown in the log's accessible name and the download's file name. */
  readonly containerName: string;
  /** The Run is Queued or Running: the container's log may still grow. */
  readonly active: boolean;
  /** Largest CSS height of the scrolling area (it is as tall as its lines, up to this). */
  readonly height?: string;
}

/** One container's log (Profile, Scan), beside its row in the Results tab. */
export function ContainerLogPanel({
  runId,
  containerId,
  containerName,
  active,
  height = '240px',
}: ContainerLogPanelProps) {
  const log = useLogStream(runId, containerId, active);
  return (
    <LogViewer
      key={`${runId}:${containerId}`}
      log={log}
      label={`Log of ${containerName}`}
      fileName={`run-${runId}-${fileSafe(containerName)}-log.txt`}
      height={height}
    />
  );
}

const fileSafe = (name: string): string =>
  name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'container';
