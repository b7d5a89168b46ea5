/**
 * Profile and Scan: one bar per container over the Run's time (gantt.ts), live while it runs.
 * Each bar is a labelled element ("orders: Success, 4 min 12 s") with its times on hover and
 * focus; the badge beside it says the state in words and icon (never colour alone). One tab
 * stop for the whole chart: the arrow keys, Home and End move between containers.
 */
import type { KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { Tooltip } from '../../components/ui/Tooltip';
import type { ContainerResult, Run } from '../../domain/run';
import { isActive, stateTone } from '../../domain/states';
import { useNow } from '../../lib/now';
import { formatAbsolute } from '../../lib/time';
import type { GanttRow } from './gantt';
import { formatSpan, ganttRows, ganttSpan } from './gantt';
import './gantt.css';

const MOVES: Readonly<Record<string, (i: number, n: number) => number>> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function ContainerGantt({
  run,
  results,
}: {
  run: Run;
  results: readonly ContainerResult[];
}) {
  const titleId = useId();
  const live = isActive(run.state);
  const now = useNow(live);
  const span = ganttSpan(run, now);
  const rows = ganttRows(run, results, span, now);
  const [current, setCurrent] = useState(0);
  const marks = useRef<(HTMLElement | null)[]>([]);
  if (rows.length === 0) return null;
  const focused = Math.min(current, rows.length - 1);

  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(focused, rows.length);
    setCurrent(next);
    marks.current[next]?.focus();
  };

  return (
    <section className="gantt" aria-labelledby={titleId}>
      <p id={titleId} className="gantt__title">
        Containers over time
      </p>
      <p className="gantt__axis">
        <time dateTime={new Date(span.start).toISOString()}>{formatAbsolute(span.start)}</time>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> to </span>
        {live ? (
          'now'
        ) : (
          <time dateTime={new Date(span.end).toISOString()}>{formatAbsolute(span.end)}</time>
        )}
        <span className="muted"> ({formatSpan(span.end - span.start)})</span>
      </p>
      <ul className="gantt__rows" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        {rows.map((row, i) => (
          <li key={row.id} className="gantt__row">
            <span className="gantt__name" title={row.name}>
              {row.name}
            </span>
            <GanttMark
              row={row}
              tabIndex={i === focused ? 0 : -1}
              onFocus={() => setCurrent(i)}
              markRef={(el) => {
                marks.current[i] = el;
              }}
            />
            <span className="gantt__state" aria-hidden="true">
              {row.kind === 'bar' ? (
                <>
                  <StatusBadge state={row.state} size="sm" />{' '}
                  {formatSpan((row.endedAt ?? now) - row.startedAt)}
                </>
              ) : (
                <span className="muted">{live ? 'Not started' : 'Not processed'}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function GanttMark({
  row,
  tabIndex,
  onFocus,
  markRef,
}: {
  row: GanttRow;
  tabIndex: number;
  onFocus: () => void;
  markRef: (el: HTMLElement | null) => void;
}) {
  if (row.kind === 'pending') {
    return (
      <span className="gantt__track gantt__track--pending">
        <span
          role="img"
          aria-label={row.label}
          tabIndex={tabIndex}
          onFocus={onFocus}
          ref={markRef}
          className="gantt__none"
        />
      </span>
    );
  }
  const times = `Started ${formatAbsolute(row.startedAt)}${
    row.endedAt === null ? ', still running' : `, ended ${formatAbsolute(row.endedAt)}`
  }`;
  return (
    <span className="gantt__track">
      <span className="gantt__wait" style={{ width: `${row.wait.width}%` }} />
      <Tooltip content={times}>
        <span
          role="img"
          aria-label={row.label}
          tabIndex={tabIndex}
          onFocus={onFocus}
          ref={markRef}
          data-state={row.state}
          className={`gantt__bar gantt__bar--${stateTone(row.state)}${row.endedAt === null ? ' gantt__bar--live' : ''}`}
          style={{ left: `${row.bar.left}%`, width: `${row.bar.width}%` }}
        />
      </Tooltip>
    </span>
  );
}
