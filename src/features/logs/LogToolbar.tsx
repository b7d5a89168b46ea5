import { useId } from 'react';
import type { LogLevel } from '../../api/contract';
import type { LevelCounts } from '../../queries/log-store';
import { LOG_LEVELS } from '../../queries/log-store';
import { formatCount, levelLabel } from './log-text';
import type { LogSearchBoxProps } from './LogSearchBox';
import { LogSearchBox } from './LogSearchBox';

export interface LogToolbarProps {
  /** The levels shown, with the lines held per level. */
  readonly levels: ReadonlySet<LogLevel>;
  readonly counts: LevelCounts;
  readonly onToggleLevel: (level: LogLevel) => void;
  readonly search: LogSearchBoxProps;
  /** The line number typed in "go to line"; `onGoTo` when it is submitted. */
  readonly goToLine: string;
  readonly onGoToLineChange: (text: string) => void;
  readonly onGoTo: () => void;
  /** Lines the log holds. */
  readonly lineCount: number;
  readonly wrap: boolean;
  readonly onWrapChange: (wrap: boolean) => void;
  /** The log still grows: the follow button is offered. */
  readonly live: boolean;
  readonly following: boolean;
  readonly onFollowChange: (follow: boolean) => void;
  readonly onDownload: () => void;
}

/** The viewer's controls: levels, search with next/previous, go to line, wrap, follow, download. */
export function LogToolbar({
  levels,
  counts,
  onToggleLevel,
  search,
  goToLine,
  onGoToLineChange,
  onGoTo,
  lineCount,
  wrap,
  onWrapChange,
  live,
  following,
  onFollowChange,
  onDownload,
}: LogToolbarProps) {
  const gotoId = `${useId()}-goto`;

  return (
    <div className="log__toolbar">
      <fieldset className="log__levels">
        <legend className="visually-hidden">Levels</legend>
        {LOG_LEVELS.map((level) => (
          <label key={level} className={`log__level log__level--${level}`}>
            <input
              type="checkbox"
              checked={levels.has(level)}
              onChange={() => onToggleLevel(level)}
            />
            {levelLabel(level)} <span className="log__count">({formatCount(counts[level])})</span>
          </label>
        ))}
      </fieldset>

      <LogSearchBox {...search} />

      <form
        className="log__goto"
        onSubmit={(event) => {
          event.preventDefault();
          onGoTo();
        }}
      >
        <label htmlFor={gotoId}>Line</label>
        <input
          id={gotoId}
          type="number"
          min={1}
          max={Math.max(1, lineCount)}
          inputMode="numeric"
          value={goToLine}
          onChange={(event) => onGoToLineChange(event.target.value)}
        />
        <button type="submit" className="button button--small" aria-label="Go to line">
          Go
        </button>
      </form>

      <label className="log__toggle">
        <input
          type="checkbox"
          checked={wrap}
          onChange={(event) => onWrapChange(event.target.checked)}
        />
        Wrap lines
      </label>

      {live ? (
        <button
          type="button"
          className="button button--small"
          aria-pressed={following}
          onClick={() => onFollowChange(!following)}
        >
          Follow new lines
        </button>
      ) : null}

      <button
        type="button"
        className="button button--small"
        onClick={onDownload}
        disabled={lineCount === 0}
      >
        Download .txt
      </button>
    </div>
  );
}
