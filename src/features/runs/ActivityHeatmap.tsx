/**
 * Runs per day over the last 12 weeks (UTC days, from the activity endpoint). One tab stop: the
 * arrow keys move between days, Enter (or a click) filters the table to that day.
 */
import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { activityQuery } from '../../queries/activity';
import { retryNow, useRetrying } from '../../queries/connection';
import { isApiError } from '../../api/errors';
import { ErrorState } from '../../components/ui/ErrorState';
import { Skeleton } from '../../components/ui/Skeleton';
import { Tooltip } from '../../components/ui/Tooltip';
import { now } from '../../lib/now';
import { countOf } from '../../lib/plural';
import { formatDay } from '../../lib/time';
import type { HeatmapCell } from './heatmap';
import { HEATMAP_WEEKS, heatmapRange, heatmapWeeks, shiftDay } from './heatmap';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const dayLabel = (cell: Pick<HeatmapCell, 'date' | 'count'>): string =>
  `${formatDay(cell.date)}: ${cell.count === 0 ? 'no runs' : countOf(cell.count, 'run')}`;

export function ActivityHeatmap({
  selectedDay,
  onSelectDay,
}: {
  /** The day the table is filtered to, if any. */
  selectedDay: string | undefined;
  onSelectDay: (day: string) => void;
}) {
  const titleId = useId();
  const range = heatmapRange(now());
  const activity = useQuery(activityQuery(range.startDate, range.endDate));
  const retrying = useRetrying(activity);
  const gridRef = useRef<HTMLDivElement>(null);
  const [focusDay, setFocusDay] = useState<string | null>(null);

  const inRange = (day: string | undefined | null): day is string =>
    !!day && day >= range.startDate && day <= range.endDate;
  const current = inRange(focusDay) ? focusDay : inRange(selectedDay) ? selectedDay : range.endDate;

  const moveTo = (day: string) => {
    const target =
      day < range.startDate ? range.startDate : day > range.endDate ? range.endDate : day;
    setFocusDay(target);
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-date="${target}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: -7,
      ArrowRight: 7,
      ArrowUp: -1,
      ArrowDown: 1,
    };
    const by = moves[event.key];
    if (by !== undefined) {
      event.preventDefault();
      moveTo(shiftDay(current, by));
    } else if (event.key === 'Home') {
      event.preventDefault();
      moveTo(range.startDate);
    } else if (event.key === 'End') {
      event.preventDefault();
      moveTo(range.endDate);
    }
  };

  let body;
  if (activity.isPending && activity.failureReason === null) {
    body = (
      <div role="status" className="heatmap__placeholder">
        <span className="visually-hidden">Loading activity…</span>
        <Skeleton height={90} />
      </div>
    );
  } else if (notOffered(activity.error)) {
    // An optional endpoint this API does not have: one calm note, not an error that stays.
    body = <p className="heatmap__note muted">This API does not provide Runs per day.</p>;
  } else if (activity.isError || activity.data === undefined) {
    body = (
      <ErrorState
        compact
        error={activity.error ?? activity.failureReason}
        title="The activity could not be loaded"
        retrying={retrying}
        onRetry={() => {
          retryNow();
          void activity.refetch({ cancelRefetch: false });
        }}
      />
    );
  } else {
    const { weeks, total } = heatmapWeeks(range, activity.data);
    body = (
      <>
        <p className="heatmap__summary muted">
          {countOf(total, 'run')} from {formatDay(range.startDate)} to {formatDay(range.endDate)}{' '}
          (UTC days)
        </p>
        <div
          ref={gridRef}
          role="grid"
          aria-labelledby={titleId}
          aria-describedby={`${titleId}-help`}
          className="heatmap__grid"
          onKeyDown={onKeyDown}
        >
          {WEEKDAYS.map((weekday, row) => (
            <div role="row" key={weekday} className="heatmap__row">
              <span
                role="rowheader"
                className={
                  row % 2 === 0 ? 'heatmap__weekday' : 'heatmap__weekday heatmap__weekday--quiet'
                }
              >
                {weekday.slice(0, 3)}
              </span>
              {weeks.map((week, col) => {
                const cell = week[row];
                if (!cell)
                  return (
                    <span role="gridcell" key={col} className="heatmap__cell heatmap__cell--none" />
                  );
                const label = dayLabel(cell);
                const selected = cell.date === selectedDay;
                return (
                  <span role="gridcell" key={col} className="heatmap__cell">
                    <Tooltip content={label}>
                      <button
                        type="button"
                        data-date={cell.date}
                        data-level={cell.level}
                        className="heatmap__day"
                        aria-label={label}
                        aria-pressed={selected}
                        tabIndex={cell.date === current ? 0 : -1}
                        onFocus={() => setFocusDay(cell.date)}
                        onClick={() => onSelectDay(cell.date)}
                      />
                    </Tooltip>
                  </span>
                );
              })}
            </div>
          ))}
        </div>
        <p id={`${titleId}-help`} className="visually-hidden">
          Arrow keys move between days; Enter shows that day's Runs.
        </p>
        <div className="heatmap__legend" aria-hidden>
          <span>Less</span>
          {[0, 1, 2, 3, 4].map((level) => (
            <span key={level} className="heatmap__day heatmap__day--legend" data-level={level} />
          ))}
          <span>More</span>
        </div>
      </>
    );
  }

  return (
    <section className="heatmap" aria-labelledby={titleId}>
      <h2 id={titleId} className="heatmap__title">
        Runs per day, last {HEATMAP_WEEKS} weeks
      </h2>
      {body}
    </section>
  );
}

/** The API answered, in its own words, that it has no such endpoint. */
const notOffered = (error: unknown): boolean =>
  isApiError(error) && error.fromApi && [404, 405, 501].includes(error.status);
