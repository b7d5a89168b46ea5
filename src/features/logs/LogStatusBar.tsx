import { ErrorState } from '../../components/ui/ErrorState';
import { timeZone } from '../../lib/time';
import type { TailStatus } from './follow-tail';
import { tailStatusText } from './follow-tail';
import { formatCount, linesLabel } from './log-text';

/** The user's time zone, read once. */
const ZONE = timeZone();

export interface LogStatusBarProps {
  /** Lines shown (filter applied), of `lineCount` held. */
  readonly rowCount: number;
  readonly lineCount: number;
  /** Lines held (the rest loads in the background). */
  readonly held: number;
  readonly status: TailStatus;
  /** The log still grows: "Check for new lines" is offered (unless a stream pushes them). */
  readonly live: boolean;
  /** New lines are pushed by the log's stream. */
  readonly streamed: boolean;
  readonly fetching: boolean;
  readonly onRefresh: () => void;
  /** Why the last request for new lines failed (the lines held stay shown), or null. */
  readonly refreshError: Error | null;
  /** Times are written in UTC. */
  readonly utc: boolean;
}

/** What the log holds and is doing: lines shown, final / following / paused, a manual check. */
export function LogStatusBar({
  rowCount,
  lineCount,
  held,
  status,
  live,
  streamed,
  fetching,
  onRefresh,
  refreshError,
  utc,
}: LogStatusBarProps) {
  return (
    <>
      <p className="log__status">
        <span>
          {linesLabel(rowCount)}
          {rowCount !== lineCount ? ` shown of ${formatCount(lineCount)}` : ''}
        </span>
        {held < lineCount ? <span>{formatCount(held)} loaded</span> : null}
        <span className={status === 'final' ? 'log__final' : undefined}>
          {tailStatusText(status)}
        </span>
        {live && streamed ? <span className="muted">New lines arrive live</span> : null}
        {live && !streamed ? (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={onRefresh}
            aria-busy={fetching}
          >
            Check for new lines
          </button>
        ) : null}
        <span className="muted">Times in {utc ? 'UTC' : ZONE}</span>
      </p>
      {refreshError ? (
        <ErrorState
          compact
          error={refreshError}
          onRetry={onRefresh}
          title="New lines could not be loaded"
        />
      ) : null}
    </>
  );
}
