import { ErrorState } from '../../components/ui/ErrorState';
import type { LogStore } from '../../queries/log-store';
import { formatCount } from './log-text';
import type { LogLinesProps } from './LogLines';
import { LogLines } from './LogLines';

export interface LogBodyProps extends LogLinesProps {
  readonly store: LogStore;
  readonly error: Error | null;
  readonly onRetry: () => void;
  /** The log grows and the reader is not following: "Jump to latest" is offered. */
  readonly paused: boolean;
  readonly newLines: number;
  readonly onJump: () => void;
  /** A linked line past the end: "Line N does not exist (this log has M lines)". */
  readonly missingLine: number | null;
  /** The log changed on the server and was read again. */
  readonly reread: boolean;
}

/** The lines with what is said around them: loading, empty, failed, missing line, jump. */
export function LogBody({
  store,
  error,
  onRetry,
  paused,
  newLines,
  onJump,
  missingLine,
  reread,
  ...lines
}: LogBodyProps) {
  const lineCount = store.total;
  const live = !store.complete;
  return (
    <div className="log__frame">
      {missingLine !== null ? (
        <p className="log__notice" role="status">
          Line {formatCount(missingLine)} does not exist (this log has {formatCount(lineCount)}{' '}
          {lineCount === 1 ? 'line' : 'lines'}).
        </p>
      ) : null}
      {reread ? (
        <p className="log__notice" role="status">
          The log changed on the server, so it was read again.
        </p>
      ) : null}
      {error && lineCount === 0 ? (
        <ErrorState error={error} onRetry={onRetry} title="The log could not be loaded" />
      ) : lineCount === 0 ? (
        <p className="log__empty" role="status">
          {!store.loaded ? 'Loading the log…' : live ? 'No log lines yet.' : 'This log is empty.'}
        </p>
      ) : null}
      <LogLines {...lines} hidden={lineCount === 0} />
      {live && lineCount > 0 ? (
        <div className="log__jumpbar">
          {paused ? (
            <button type="button" className="button button--small log__jump" onClick={onJump}>
              {newLines > 0 ? `Jump to latest (${formatCount(newLines)} new)` : 'Jump to latest'}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
