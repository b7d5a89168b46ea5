import type { LineRange } from './line-range';
import { LogViewer } from './LogViewer';
import { useLogStream } from './use-log-stream';

export interface RunLogPanelProps {
  readonly runId: number;
  /** The Run is Queued or Running: its log still grows. */
  readonly active: boolean;
  /** The Run failed: its log opens at the last error-level line (its cause). */
  readonly failed?: boolean;
  /** Selected lines, kept outside (e.g. the URL hash `#L120`); leave undefined to keep inside. */
  readonly selection?: LineRange | null;
  readonly onSelectionChange?: (range: LineRange | null) => void;
  /** Largest CSS height of the scrolling area (it is as tall as its lines, up to this). */
  readonly height?: string;
}

/** The Run-level log (setup, scheduling, worker events, the failure cause), streaming while active. */
export function RunLogPanel({
  runId,
  active,
  failed = false,
  selection,
  onSelectionChange,
  height,
}: RunLogPanelProps) {
  const log = useLogStream(runId, null, active);
  return (
    <LogViewer
      key={runId}
      log={log}
      label={`Run #${runId} log`}
      fileName={`run-${runId}-log.txt`}
      openAtError={failed}
      {...(selection !== undefined ? { selection } : {})}
      {...(onSelectionChange ? { onSelectionChange } : {})}
      {...(height ? { height } : {})}
    />
  );
}
