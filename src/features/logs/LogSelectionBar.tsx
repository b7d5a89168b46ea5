import type { LineRange } from './line-range';
import { rangeSize } from './line-range';
import { formatCount } from './log-text';

export interface LogSelectionBarProps {
  readonly selected: LineRange;
  readonly onCopy: () => void;
  readonly onClear: () => void;
}

/** The selected lines, with copy and clear. */
export function LogSelectionBar({ selected, onCopy, onClear }: LogSelectionBarProps) {
  return (
    <div className="log__selection">
      <span>
        {rangeSize(selected) === 1
          ? `Line ${formatCount(selected.start)} selected`
          : `Lines ${formatCount(selected.start)}–${formatCount(selected.end)} selected`}
      </span>
      <button type="button" className="button button--small" onClick={onCopy}>
        Copy lines
      </button>
      <button type="button" className="button button--small" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
