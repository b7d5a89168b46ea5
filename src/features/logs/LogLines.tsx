import type { RefObject, WheelEvent } from 'react';
import type { LineRange } from './line-range';
import { containsLine } from './line-range';
import type { LogView } from './log-view';
import type { LineDates } from './log-dates';
import { LogRow, LogRowPlaceholder } from './LogRow';
import type { RowLayout } from './use-log-viewport';

/** The reader's scrolling on the scrolling element, from useFollowTail. */
export interface LogScrollHandlers {
  readonly onScroll: () => void;
  readonly onWheel: (event: WheelEvent) => void;
  readonly onPointerDown: () => void;
}

export interface LogLinesProps {
  readonly view: LogView;
  readonly layout: RowLayout;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly rowsRef: RefObject<HTMLDivElement | null>;
  readonly scrollHandlers: LogScrollHandlers;
  /** Accessible name of the log; the region is "<label> lines". */
  readonly label: string;
  /** Largest CSS height of the scrolling area. */
  readonly height: string;
  /** Nothing to show yet (the scrolling area stays mounted, hidden). */
  readonly hidden: boolean;
  readonly selected: LineRange | null;
  /** Row of the current search match, or -1. */
  readonly currentRow: number;
  readonly dates: LineDates;
  readonly onLineClick: (line: number, extend: boolean) => void;
}

/**
 * The log's lines, virtualized: a few dozen row nodes whatever the length, laid out by the
 * viewport of useFollowTail (which also does every scroll write). Which line a row shows comes
 * from the view; a line not held yet shows as a placeholder until its page arrives.
 */
export function LogLines({
  view,
  layout,
  scrollRef,
  rowsRef,
  scrollHandlers,
  label,
  height,
  hidden,
  selected,
  currentRow,
  dates,
  onLineClick,
}: LogLinesProps) {
  const rows = [];
  for (let row = layout.first; row <= layout.last; row++) {
    const line = view.lineAt(row);
    const entry = view.entryAt(row);
    rows.push(
      entry ? (
        <LogRow
          key={entry.seq}
          entry={entry}
          line={line}
          row={row}
          query={view.query}
          selected={containsLine(selected, line)}
          current={row === currentRow}
          dates={dates}
          onLineClick={onLineClick}
        />
      ) : (
        <LogRowPlaceholder key={`line-${line}`} line={line} row={row} />
      ),
    );
  }
  return (
    <div
      ref={scrollRef}
      className="log__scroller"
      style={{ maxHeight: height, display: hidden ? 'none' : undefined }}
      role="region"
      aria-label={`${label} lines`}
      tabIndex={0}
      {...scrollHandlers}
    >
      <div className="log__sizer" style={{ height: layout.totalSize }}>
        <div
          ref={rowsRef}
          role="list"
          className="log__rows"
          style={{ transform: `translateY(${layout.offset}px)` }}
        >
          {rows}
        </div>
      </div>
    </div>
  );
}
