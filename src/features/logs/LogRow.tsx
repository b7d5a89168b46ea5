import { memo } from 'react';
import type { LogEntry } from '../../api/map';
import { hasControls, plainText } from '../../queries/log-plain';
import { AnsiText } from './AnsiText';
import type { LineDates } from './log-dates';
import { formatLineTime, lineTimeTitle } from './log-dates';
import { highlightParts, levelTag } from './log-text';
import { countRowRender } from './render-probe';

export interface LogRowProps {
  readonly entry: LogEntry;
  /** 1-based line number in the log. */
  readonly line: number;
  /** Position in the virtual list. */
  readonly row: number;
  /** The search, lower-cased; '' for none. */
  readonly query: string;
  readonly selected: boolean;
  /** This line holds the current search match. */
  readonly current: boolean;
  readonly dates: LineDates;
  readonly onLineClick: (line: number, extend: boolean) => void;
}

/**
 * One log line. Memoised and keyed by seq, with only stable props, so lines already on screen do
 * not render again when new lines arrive or the list scrolls. Everything is rendered as text;
 * terminal colours as spans (AnsiText), other control sequences dropped; a search highlights the
 * plain text.
 */
export const LogRow = memo(function LogRow({
  entry,
  line,
  row,
  query,
  selected,
  current,
  dates,
  onLineClick,
}: LogRowProps) {
  if (import.meta.env.VITE_SIMULATOR === 'on') countRowRender(entry.seq);
  const colours = hasControls(entry.message);
  const text = colours ? plainText(entry.message) : entry.message;
  const parts = highlightParts(text, query);
  let className = `log-row log-row--${entry.level}`;
  if (selected) className += ' log-row--selected';
  if (current) className += ' log-row--current';
  const plain = parts.length === 1 && !parts[0]?.match;
  return (
    <div
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
          event.currentTarget.title ||= lineTimeTitle(entry.time);
        }}
      >
        {formatLineTime(entry.time, dates)}
      </time>
      <span className="log-row__level">{levelTag(entry.level)}</span>
      <span className="log-row__msg">
        {plain && colours ? (
          <AnsiText raw={entry.message} />
        ) : plain ? (
          text
        ) : (
          parts.map((part, i) =>
            part.match ? (
              <mark key={i} className={current ? 'log-mark log-mark--current' : 'log-mark'}>
                {part.text}
              </mark>
            ) : (
              part.text
            ),
          )
        )}
      </span>
    </div>
  );
});

/** A line whose page has not arrived yet: its number, and a quiet "loading". */
export const LogRowPlaceholder = memo(function LogRowPlaceholder({
  line,
  row,
}: {
  readonly line: number;
  readonly row: number;
}) {
  return (
    <div role="listitem" className="log-row log-row--pending" data-index={row} data-pending={line}>
      <span className="log-row__num">{line}</span>
      <span className="log-row__msg muted">Loading…</span>
    </div>
  );
});
