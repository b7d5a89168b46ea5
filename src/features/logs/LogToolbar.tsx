import { useId } from 'react';
import type { LogLevel } from '../../api/contract';
import type { LevelCounts } from '../../queries/log-store';
import { LOG_LEVELS } from '../../queries/log-store';
import type { TimeMode } from './log-dates';
import { TIME_MODE_LABELS, TIME_MODES } from './log-dates';
import { formatCount, levelLabel } from './log-text';
import type { LogSearchBoxProps } from './LogSearchBox';
import { LogSearchBox } from './LogSearchBox';

export interface LogToolbarProps {
  /** The levels shown, with the lines held per level. */
  readonly levels: ReadonlySet<LogLevel>;
  readonly counts: LevelCounts;
  /** Every line is held: the counts are the log's; else "+" (at least). */
  readonly countsFinal: boolean;
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
  readonly timeMode: TimeMode;
  readonly onTimeModeChange: (mode: TimeMode) => void;
  /** The log still grows: the follow button is offered. */
  readonly live: boolean;
  readonly following: boolean;
  readonly onFollowChange: (follow: boolean) => void;
  readonly onDownload: () => void;
  /** Every line is held (a download before that would miss lines). */
  readonly whole: boolean;
}

/** The viewer's controls: levels, search with next/previous, go to line, wrap, follow, download. */
export function LogToolbar({
  levels,
  counts,
  countsFinal,
  onToggleLevel,
  search,
  goToLine,
  onGoToLineChange,
  onGoTo,
  lineCount,
  wrap,
  onWrapChange,
  timeMode,
  onTimeModeChange,
  live,
  following,
  onFollowChange,
  onDownload,
  whole,
}: LogToolbarProps) {
  const id = useId();
  const gotoId = `${id}-goto`;
  const timeId = `${id}-time`;

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
            {levelLabel(level)}{' '}
            <span
              className="log__count"
              title={countsFinal ? undefined : 'Lines loaded so far; more are loading'}
            >
              ({formatCount(counts[level])}
              {countsFinal ? '' : '+'})
            </span>
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

      <label className="log__toggle" htmlFor={timeId}>
        Times
        <select
          id={timeId}
          value={timeMode}
          onChange={(event) => {
            const mode = TIME_MODES.find((m) => m === event.target.value);
            if (mode) onTimeModeChange(mode);
          }}
        >
          {TIME_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {TIME_MODE_LABELS[mode]}
            </option>
          ))}
        </select>
      </label>

      {live ? (
        <button
          type="button"
          className="button button--small log__follow"
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
        disabled={lineCount === 0 || !whole}
        title={whole ? undefined : 'Available once every line is loaded'}
      >
        Download .txt
      </button>
    </div>
  );
}
