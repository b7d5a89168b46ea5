import type { Virtualizer } from '@tanstack/react-virtual';
import type { RefObject, WheelEvent } from 'react';
import type { LineRange } from './line-range';
import { containsLine } from './line-range';
import type { LogView } from './log-view';
import { LogRow } from './LogRow';

/** The reader's scrolling on the scrolling element, from useFollowTail. */
export interface LogScrollHandlers {
  readonly onScroll: () => void;
  readonly onWheel: (event: WheelEvent) => void;
  readonly onPointerDown: () => void;
}

export interface LogLinesProps {
  readonly view: LogView;
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
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
  /** Wrapped rows are measured; unwrapped ones all have the estimated height. */
  readonly wrap: boolean;
  readonly onLineClick: (line: number, extend: boolean) => void;
}

/**
 * The log's lines, virtualized: a few dozen row nodes whatever the length, laid out by the
 * virtualizer of useFollowTail (which also does every scroll write). Which line a row shows
 * comes from the view.
 */
export function LogLines({
  view,
  virtualizer,
  scrollRef,
  scrollHandlers,
  label,
  height,
  hidden,
  selected,
  currentRow,
  wrap,
  onLineClick,
}: LogLinesProps) {
  const items = virtualizer.getVirtualItems();
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
      <div className="log__sizer" style={{ height: virtualizer.getTotalSize() }}>
        <div
          role="list"
          className="log__rows"
          style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
        >
          {items.map((item) => {
            const line = view.lineAt(item.index);
            return (
              <LogRow
                key={item.key}
                entry={view.entryAt(item.index)}
                line={line}
                row={item.index}
                query={view.query}
                selected={containsLine(selected, line)}
                current={item.index === currentRow}
                onLineClick={onLineClick}
                measureRef={wrap ? virtualizer.measureElement : undefined}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
