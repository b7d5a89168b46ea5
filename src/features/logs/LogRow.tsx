import type { Ref } from 'react';
import { memo } from 'react';
import type { LogEntry } from '../../api/map';
import { formatAbsolute, formatClock } from '../../lib/time';
import { highlightParts, levelTag } from './log-text';
import { countRowRender } from './render-probe';

export interface LogRowProps {
  readonly entry: LogEntry;
  /** 1-based line number in the log. */
  readonly line: number;
  /** Position in the virtual list (for measuring wrapped rows). */
  readonly row: number;
  /** The search, lower-cased; '' for none. */
  readonly query: string;
  readonly selected: boolean;
  /** This line holds the current search match. */
  readonly current: boolean;
  readonly onLineClick: (line: number, extend: boolean) => void;
  readonly measureRef?: Ref<HTMLDivElement> | undefined;
}

/**
 * One log line. Memoised and keyed by seq, with only stable props, so lines already on screen do
 * not render again when new lines arrive or the list scrolls. Everything is rendered as text.
 */
export const LogRow = memo(function LogRow({
  entry,
  line,
  row,
  query,
  selected,
  current,
  onLineClick,
  measureRef,
}: LogRowProps) {
  if (import.meta.env.VITE_SIMULATOR === 'on') countRowRender(entry.seq);
  const parts = highlightParts(entry.message, query);
  let className = `log-row log-row--${entry.level}`;
  if (selected) className += ' log-row--selected';
  if (current) className += ' log-row--current';
  return (
    <div
      ref={measureRef}
      role="listitem"
      className={className}
      data-index={row}
      data-line={line}
      data-seq={entry.seq}
    >
      <button
        type="button"
        tabIndex={-1}
        className="log-row__num"
        aria-label={`Line ${line}`}
        onClick={(event) => onLineClick(line, event.shiftKey)}
      >
        {line}
      </button>
      <time
        className="log-row__time"
        dateTime={new Date(entry.time).toISOString()}
        onPointerEnter={(event) => {
          // The full date and zone on hover, formatted only then (not for every row scrolled by).
          event.currentTarget.title ||= formatAbsolute(entry.time);
        }}
      >
        {formatClock(entry.time)}
      </time>
      <span className="log-row__level">{levelTag(entry.level)}</span>
      <span className="log-row__msg">
        {parts.length === 1 && !parts[0]?.match
          ? entry.message
          : parts.map((part, i) =>
              part.match ? (
                <mark key={i} className={current ? 'log-mark log-mark--current' : 'log-mark'}>
                  {part.text}
                </mark>
              ) : (
                part.text
              ),
            )}
      </span>
    </div>
  );
});
